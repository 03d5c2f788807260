"""How a clause says "in <place>" in the language being written: "dans l'UE, au Royaume-Uni ou en Suisse",
"nell'UE o nel Regno Unito", "na UE ou no Reino Unido". The preposition follows each place's gender and
number, which no rule of ours can guess, so the forms are data: clauses/places.yaml, per language, keyed by
the place's name as the clauses write it. A place without an entry gets its language's plain preposition
("en", "in", "em"); tests/documents/test_places.py keeps that from happening to any place a clause names.
Read from settings.CLAUSES_DIR like tax-records.yaml, and not loaded into the database."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from policybuilder.languages import language_active, text_languages

# The plain preposition of each language, for a place without an entry.
PLAIN = {"en": "in {}", "es": "en {}", "fr": "en {}", "de": "in {}", "pt": "em {}", "it": "in {}"}


@cache
def places_read(path: Path) -> dict[str, dict[str, str]]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    if not isinstance(data, dict) or not all(
        isinstance(forms, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in forms.items())
        for forms in data.values()
    ):
        raise ValueError(f"{path.name}: each language maps place names to their 'in' form, as text")
    return data


def place_forms(code: str) -> dict[str, str]:
    """Every "in" form language `code` has, its variant's own before its base language's."""
    table = places_read(Path(settings.CLAUSES_DIR) / "places.yaml")
    forms: dict[str, str] = {}
    for lang in reversed(text_languages(code)):
        forms |= table.get(lang, {})
    return forms


def in_place(name: str) -> str:
    """'in <name>' in the language being written."""
    code = language_active()
    found = place_forms(code).get(name)
    return found if found is not None else PLAIN[code.split("-")[0]].format(name)
