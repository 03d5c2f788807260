"""Lists in the words of the language being written: "A, B and C", and the joiner as it is spelt before
the next word (Spanish "y"/"e", "o"/"u"; Italian "e"/"ed")."""

import re
from typing import Any

from django.utils.translation import pgettext

from policybuilder.languages import language_active

# Spanish writes "e" for "y" before an "i" sound and "u" for "o" before an "o" sound ("Estonia e Irlanda",
# "siete u ocho"); "hie-" ("hierro") keeps "y". Italian writes "ed" for "e" before an "e" ("Royal Mail ed
# Evri"), as its style guides keep the euphonic d to the same vowel. The joined word depends on the next
# one, so gettext alone cannot say it.
_BEFORE = {
    "es": {"y": ("e", re.compile(r"(?i)(i|hi(?!e))")), "o": ("u", re.compile(r"(?i)h?o"))},
    "it": {"e": ("ed", re.compile(r"(?i)[eèé]"))},
}


def list_word(word: str, following: str) -> str:
    """The list joiner `word` ("y", "o", "e") as it is written before `following` in the language being written."""
    rules = _BEFORE.get(language_active(), {})
    if word in rules:
        replacement, sound = rules[word]
        if sound.match(following.lstrip("*_“\"'(")):
            return replacement
    return word


def _joined(items: list[str], word: str, *, semicolons: bool = False) -> str:
    """'A', 'A <word> B', 'A, B <word> C'; with `semicolons`, 'A; B; <word> C' (the language's own
    separator, semicolon())."""
    if len(items) < 2:
        return "".join(items)
    last = list_word(word, items[-1])
    if semicolons:
        return f"{semicolon().join(items[:-1])}{semicolon()}{last} {items[-1]}"
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'; items that hold commas themselves are kept apart by semicolons."""
    items = [str(item) for item in items]
    # Translators: joins the last two items of a list ("email, post and phone"; "A, B; C, D; and E").
    return _joined(items, pgettext("list", "and"), semicolons=any("," in item for item in items))


def semicolon() -> str:
    """The separator of list items that hold commas, with its spaces as the language writes it (" ; " in French)."""
    # Translators: keeps apart list items that hold commas themselves ("A, B; C, D; and E"), with its
    # spaces: French writes " ; " (a no-break space, U+00A0, before the semicolon).
    return pgettext("list separator", "; ")


def or_list(items: Any) -> str:
    """'A', 'A or B', 'A, B or C'."""
    # Translators: joins the last two items of a list of alternatives ("email, post or phone").
    return _joined([str(item) for item in items], pgettext("list", "or"))
