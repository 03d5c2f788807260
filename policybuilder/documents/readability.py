"""Readability figures: for English the Flesch-Kincaid grade, for each other language the reading-ease
formula made for it (0 to 100, higher is easier); word count and minutes to read.

Syllables come from pyphen's hyphenation dictionary for the language (already a WeasyPrint dependency):
textstat needs NLTK data downloaded at run time, which fails offline.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen
from django.utils.translation import gettext_noop

from policybuilder.languages import SOURCE, language

_HYPHENATOR = pyphen.Pyphen(lang="en_US")
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# Words in any of our languages: letters with their accents; "l'ordre" and "dell'ordine" count as two.
WORD_ANY = re.compile(r"[^\W\d_]+")
VOWELS_ANY = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûü]+")
# Reading ease per language: (name, source, intercept, words-per-sentence weight, syllables-per-word weight).
EASE = {
    "fernandez_huerta": ("Fernández Huerta", "Fernández Huerta 1959, as corrected", 206.84, 1.02, 60.0),
    "kandel_moles": (gettext_noop("Kandel and Moles"), "Kandel and Moles 1958", 207.0, 1.015, 73.6),
    "amstad": ("Amstad", "Amstad 1978", 180.0, 1.0, 58.5),
    "flesch_br": (gettext_noop("Flesch for Brazilian Portuguese"), "Martins and others 1996", 248.835, 1.015, 84.6),
    "flesch_vacca": ("Flesch-Vacca", "Franchina and Vacca 1972", 206.0, 1.0, 65.0),
}
# What a reading-ease score means, on the scale these formulas share with Flesch's. Stored in English
# with the policy; the result page translates it into the owner's language (gettext_noop marks it).
EASE_BANDS = (
    (90, gettext_noop("very easy")),
    (80, gettext_noop("easy")),
    (70, gettext_noop("fairly easy")),
    (60, gettext_noop("plain")),
    (50, gettext_noop("fairly hard")),
    (30, gettext_noop("hard")),
    (-1000, gettext_noop("very hard")),
)
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|:\s")
# The strict count ends a sentence only at a full stop, "!" or "?": a list item or table cell
# without one runs into the next, as an outside checker reading the plain text would count it.
STRICT_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)")
WORDS_PER_MINUTE = 200  # a careful reader of a legal text, slower than for light reading


@dataclass(frozen=True)
class Readability:
    grade: float
    strict_grade: float
    words: int
    sentences: int
    minutes: int
    language: str = SOURCE
    formula: str = "Flesch-Kincaid"
    ease: float | None = None  # other languages: the reading-ease score of `formula`, 0 to 100
    meaning: str = ""  # what the ease score means ("fairly easy")


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables in one English word: pyphen's hyphenation points, at least one per vowel group."""
    lower = word.lower()
    by_dictionary = len(_HYPHENATOR.positions(lower)) + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", lower)) - (1 if lower.endswith("e") and len(lower) > 2 else 0)
    return max(1, by_dictionary, min(vowel_groups, by_dictionary + 1))


def _grade(words: int, sentences: int, syllable_count: int) -> float:
    return round(0.39 * words / sentences + 11.8 * syllable_count / words - 15.59, 1)


@lru_cache(maxsize=8)
def _hyphenator(code: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=language(code).hyphenation)


@lru_cache(maxsize=50_000)
def syllables_in(word: str, code: str) -> int:
    """Syllables in a word of another language: its hyphenation points, at least its vowel groups."""
    lower = word.lower()
    by_dictionary = len(_hyphenator(code).positions(lower)) + 1
    return max(1, by_dictionary, len(VOWELS_ANY.findall(lower)))


def _ease(units: list[str], code: str) -> Readability:
    """Another language: its own formula, sentences counted only at ".", "!" and "?" (the strict count)."""
    name, _, intercept, per_sentence, per_syllable = EASE[language(code).readability]
    words = [w for unit in units for w in WORD_ANY.findall(unit)]
    if not words:
        return Readability(0.0, 0.0, 0, 0, 0, language=code, formula=name, ease=0.0, meaning="")
    sentences = max(1, len(STRICT_SENTENCE_END.findall(" ".join(units))))
    syllable_count = sum(syllables_in(w, code) for w in words)
    score = round(intercept - per_sentence * len(words) / sentences - per_syllable * syllable_count / len(words), 1)
    meaning = next(words_ for floor, words_ in EASE_BANDS if score >= floor)
    minutes = max(1, round(len(words) / WORDS_PER_MINUTE))
    return Readability(
        0.0, 0.0, len(words), sentences, minutes, language=code, formula=name, ease=score, meaning=meaning
    )


def readability_measure(units: list[str], *, code: str = SOURCE) -> Readability:
    """Measure text given as units (paragraphs, list items, table cells, headings).

    `grade` ends a sentence at each unit even without a full stop (a list item or a table cell
    is read as one piece) and at a colon; `strict_grade` counts sentences only at ".", "!" and
    "?" over the whole text, so that unpunctuated fragments cannot flatter the figure. Text in another
    language (`code`) gets that language's reading-ease formula instead.
    """
    if code != SOURCE:
        return _ease(units, code)
    words = sentences = syllable_count = 0
    for unit in units:
        unit_words = WORD.findall(unit)
        if not unit_words:
            continue
        words += len(unit_words)
        syllable_count += sum(syllables(w) for w in unit_words)
        sentences += max(1, len([p for p in SENTENCE_END.split(unit.strip()) if WORD.search(p)]))
    if not words:
        return Readability(grade=0.0, strict_grade=0.0, words=0, sentences=0, minutes=0)
    strict_sentences = max(1, len(STRICT_SENTENCE_END.findall(" ".join(units))))
    return Readability(
        grade=_grade(words, sentences, syllable_count),
        strict_grade=_grade(words, strict_sentences, syllable_count),
        words=words,
        sentences=sentences,
        minutes=max(1, round(words / WORDS_PER_MINUTE)),
    )
