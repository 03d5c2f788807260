"""Translations pinned to their English source.

Every translation records the source revision of the English it translates: a short hash of exactly
the English fields it stands in for (a clause's title and body, a section's title, a service's purpose
and the data it receives). When the English changes, its revision changes, and every translation of
it becomes stale until an editor brings it up to date and records the new revision. A stale or missing
translation is never used: a policy cannot be built in that language until it is fixed
(documents/translate.py says which texts).
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from policybuilder.languages import TRANSLATED, language, text_languages
from policybuilder.library.types import ClauseData, LibraryData, SectionData, ServiceData, TranslationData

KINDS = ("section", "clause", "service")
MISSING, STALE, MACHINE, CONFIRMED = "missing", "stale", "machine", "confirmed"


def source_fields(kind: str, entry: Any) -> list[str]:
    """The English a translation of `entry` stands in for."""
    if kind == "service":
        return [entry.purpose, *entry.receives]
    return [entry.title, entry.body] if kind == "clause" else [entry.title]


def source_revision(kind: str, entry: ClauseData | SectionData | ServiceData) -> str:
    """The revision of an English text: 12 hex digits, enough to tell its versions apart."""
    text = json.dumps(source_fields(kind, entry), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def sources(data: LibraryData) -> dict[tuple[str, str], ClauseData | SectionData | ServiceData]:
    """Every English text that has translations, by (kind, slug)."""
    found: dict[tuple[str, str], ClauseData | SectionData | ServiceData] = {}
    found |= {("section", s.slug): s for s in data.sections}
    found |= {("clause", c.slug): c for c in data.clauses}
    found |= {("service", s.slug): s for s in data.services}
    return found


@dataclass(frozen=True)
class TranslationState:
    kind: str
    key: str
    language: str
    state: str  # missing | stale | machine (current, not yet reviewed) | confirmed

    @property
    def usable(self) -> bool:
        return self.state in (MACHINE, CONFIRMED)

    @property
    def label(self) -> str:
        return f"{self.kind} “{self.key}”"

    def sentence(self) -> str:
        """What is wrong, for a message that names the text: 'clause “rights”: the English changed since'."""
        why = "no translation yet" if self.state == MISSING else "the English has changed since it was translated"
        return f"{self.label} ({why})"


def translation_index(data: LibraryData) -> dict[tuple[str, str, str], TranslationData]:
    return {(t.kind, t.key, t.language): t for t in data.translations}


def source_revisions(data: LibraryData) -> dict[tuple[str, str], str]:
    """The revision of every English text that has translations, by (kind, slug): a translation is stale
    when the revision it records is not its source's here (the admin, the reports and the policy agree)."""
    return {(kind, key): source_revision(kind, entry) for (kind, key), entry in sources(data).items()}


def translation_states(
    data: LibraryData, *, languages: tuple[str, ...] = TRANSLATED, only: set[tuple[str, str]] | None = None
) -> list[TranslationState]:
    """The state of every translation the library needs (each English text in each language), or of
    those of `only` ((kind, slug) pairs)."""
    index = translation_index(data)
    revisions = source_revisions(data)
    states = []
    for code in languages:
        for (kind, key), revision in revisions.items():
            if only is not None and (kind, key) not in only:
                continue
            # A variant's own text where it has one, else its base language's (languages.text_languages).
            found = next((index[k] for k in ((kind, key, c) for c in text_languages(code)) if k in index), None)
            if found is None:
                state = MISSING
            elif found.translates != revision:
                state = STALE
            else:
                state = CONFIRMED if found.review == CONFIRMED else MACHINE
            states.append(TranslationState(kind, key, code, state))
    return states


def translation_report(data: LibraryData) -> list[str]:
    """One line per missing or stale translation, for `loadclauses --check`."""
    return [
        f"{language(s.language).name}: {s.sentence()}"
        for s in translation_states(data)
        if not s.usable  # fmt: skip
    ]


def orphan_translations(data: LibraryData) -> list[TranslationData]:
    """Translations of a text the library no longer has, or in a language it does not offer."""
    known = sources(data)
    return [t for t in data.translations if (t.kind, t.key) not in known or t.language not in TRANSLATED]
