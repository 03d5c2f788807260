"""Readability figures: Flesch-Kincaid grade, word count and minutes to read.

Syllables come from pyphen's hyphenation dictionary (already a WeasyPrint dependency):
textstat needs NLTK data downloaded at run time, which fails offline.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

_HYPHENATOR = pyphen.Pyphen(lang="en_US")
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
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


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables in one English word: pyphen's hyphenation points, at least one per vowel group."""
    lower = word.lower()
    by_dictionary = len(_HYPHENATOR.positions(lower)) + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", lower)) - (1 if lower.endswith("e") and len(lower) > 2 else 0)
    return max(1, by_dictionary, min(vowel_groups, by_dictionary + 1))


def _grade(words: int, sentences: int, syllable_count: int) -> float:
    return round(0.39 * words / sentences + 11.8 * syllable_count / words - 15.59, 1)


def readability_measure(units: list[str]) -> Readability:
    """Measure text given as units (paragraphs, list items, table cells, headings).

    `grade` ends a sentence at each unit even without a full stop (a list item or a table cell
    is read as one piece) and at a colon; `strict_grade` counts sentences only at ".", "!" and
    "?" over the whole text, so that unpunctuated fragments cannot flatter the figure.
    """
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
