"""The coverage report's words in the policy's language: `clauses/laws.<code>.yaml` gives each law's name
and each legal item's summary and hint in that language, pinned to the English it translates
(`translates`: 12 hex digits of the sha256 of the English, as the clause library's translations are), and
the phrases of laws.yaml's `rules` (size-test labels and questions, band words, the address rules' words)
and the items' citations ("GDPR art 13(1)(f) and arts 44-49"), each keyed by its English, which pins it
as gettext's msgids do.

The report is the owner's, not the customer's, so a missing or stale entry does not refuse the policy the
way a clause does: the report shows that entry's English, its source, which is never wrong, only untranslated
(tests/documents/test_law_texts.py keeps every entry current). Like tax-records.yaml, the files are read
from settings.CLAUSES_DIR and not loaded into the database: nobody edits legal items in the admin.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from policybuilder.languages import SOURCE, language_active, text_languages
from policybuilder.library.types import LawData, LegalItemData


@dataclass(frozen=True)
class LawTexts:
    names: dict[str, tuple[str, str]]  # law code -> (name, revision of the English it translates)
    items: dict[str, tuple[str, str, str]]  # item id -> (summary, hint, revision)
    phrases: dict[str, str]  # English phrase of laws.yaml's rules -> its translation


def law_revision(law: LawData) -> str:
    return _revision([law.name])


def item_revision(item: LegalItemData) -> str:
    return _revision([item.summary, item.hint])


def _revision(fields: list[str]) -> str:
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:12]


def _entries(found: Any, key: str, fields: tuple[str, ...], path: Path) -> list[dict[str, str]]:
    if not isinstance(found, list) or not all(isinstance(e, dict) and isinstance(e.get(key), str) for e in found):
        raise ValueError(f"{path.name}: '{key}' entries need a {key} each")
    for entry in found:
        if not all(isinstance(entry.get(f), str) for f in (*fields, "translates")):
            raise ValueError(f"{path.name} {entry[key]}: needs {', '.join(fields)} and translates, as text")
    return found


@cache
def law_texts_read(path: Path) -> LawTexts:
    """One language's file; an empty LawTexts when there is none (English, or not translated yet)."""
    if not path.exists():
        return LawTexts(names={}, items={}, phrases={})
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    laws = _entries(data.get("laws", []), "code", ("name",), path)
    items = _entries(data.get("items", []), "id", ("summary", "hint"), path)
    phrases = [*data.get("phrases", []), *data.get("citations", [])]
    if not all(
        isinstance(e, dict) and isinstance(e.get("en"), str) and isinstance(e.get("text"), str) for e in phrases
    ):
        raise ValueError(f"{path.name}: 'phrases' and 'citations' entries need en and text, as text")
    return LawTexts(
        names={e["code"]: (e["name"], e["translates"]) for e in laws},
        items={e["id"]: (e["summary"], e["hint"], e["translates"]) for e in items},
        phrases={e["en"]: e["text"] for e in phrases},
    )


def law_texts_path(code: str) -> Path:
    return Path(settings.CLAUSES_DIR) / f"laws.{code}.yaml"


def _chain() -> list[LawTexts]:
    code = language_active()
    return [] if code == SOURCE else [law_texts_read(law_texts_path(c)) for c in text_languages(code)]


def law_name(law: LawData) -> str:
    """The law's name in the language being written: a current translation, else the English."""
    found = next((t.names[law.code] for t in _chain() if law.code in t.names), None)
    return found[0] if found and found[1] == law_revision(law) else law.name


def item_texts(item: LegalItemData) -> tuple[str, str]:
    """An item's summary and hint in the language being written: a current translation, else the English."""
    # The first language of the chain that has the entry decides (fr-CA, then fr), as for clauses.
    found = next((t.items[item.item_id] for t in _chain() if item.item_id in t.items), None)
    return (found[0], found[1]) if found and found[2] == item_revision(item) else (item.summary, item.hint)


def law_phrase(english: str) -> str:
    """A phrase of laws.yaml's rules in the language being written; its English when it has no translation
    (a changed English phrase has none until its entry follows it)."""
    return next((t.phrases[english] for t in _chain() if english in t.phrases), english)
