"""Characters no answer may carry: NUL (PostgreSQL refuses it in text and JSON, so it would fail the save)
and the bidirectional controls that can make a shop name or URL display as something else
(U+202A-U+202E, U+2066-U+2069; the "Trojan Source" trick)."""

import re

UNSAFE = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")


def unsafe_characters(text: str) -> bool:
    return bool(UNSAFE.search(text))


def text_cleaned(text: str) -> str:
    """The text without those characters: for what is kept while a page is still being filled in."""
    return UNSAFE.sub("", text)
