"""Reads of the library's database copy."""

import hashlib
import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from policybuilder.library.models import Clause, Law, LegalItem, LibraryRevision, Section, Service, Translation
from policybuilder.library.service_fields import checked_from, entities_from
from policybuilder.library.types import (
    ClauseData,
    LawData,
    LegalItemData,
    LibraryData,
    SectionData,
    ServiceData,
    TranslationData,
)

# Service fields added after rows were first loaded (migration 0004): left out of the fingerprint while
# at their default, so a row loaded before they existed still matches what was loaded into it, and the
# next loadclauses updates it instead of keeping it as an editor's change.
LATER_DEFAULTS: dict[str, Any] = {"entities": (), "retention_months": None, "checked": ""}


def data_hash(data: Any) -> str:
    """A stable fingerprint of one library entry, to tell edited rows from loaded ones."""
    values = asdict(data)
    for name, default in LATER_DEFAULTS.items():
        if name in values and values[name] == default:
            del values[name]
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def library_revision() -> str:
    """The current revision token: it changes whenever any library row does."""
    return LibraryRevision.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def library_loaded_unchanged(*, fingerprint: str) -> bool:
    """Whether `fingerprint` is that of the files last loaded and no library row has changed since, so
    that loading them again would change nothing. Every change (an editor's save or delete, a load that
    wrote) bumps the token, so the token must still be the one that load left."""
    row = LibraryRevision.objects.filter(pk=1).values_list("token", "files_hash", "files_token").first()
    return bool(fingerprint) and row is not None and row[1] == fingerprint and row[0] == row[2]


def clause_data(row: Clause) -> ClauseData:
    return ClauseData(
        slug=row.slug,
        section=row.section.slug,
        title=row.title,
        order=row.order,
        when=row.when,
        satisfies=tuple(row.satisfies),
        sources=tuple(row.sources),
        body=row.body,
    )


def service_data(row: Service) -> ServiceData:
    return ServiceData(
        slug=row.slug,
        name=row.name,
        kind=row.kind,
        company=row.company,
        country=row.country,
        privacy_url=row.privacy_url,
        receives=tuple(row.receives),
        purpose=row.purpose,
        role=row.role,
        safeguard=row.safeguard,
        opt_out_url=row.opt_out_url,
        sets_cookies=row.sets_cookies,
        entities=entities_from(row.entities),
        retention_months=row.retention_months,
        checked=checked_from(row.checked),
    )


def translation_data(row: Translation) -> TranslationData:
    return TranslationData(
        kind=row.kind,
        key=row.key,
        language=row.language,
        title=row.title,
        body=row.body,
        receives=tuple(row.receives),
        translates=row.translates,
        review=row.review,
    )


def english_source(kind: str, key: str) -> ClauseData | SectionData | ServiceData | None:
    """The English a translation translates, as it is now."""
    if kind == "clause":
        row = Clause.objects.select_related("section").filter(slug=key).first()
        return clause_data(row) if row else None
    if kind == "service":
        found = Service.objects.filter(slug=key).first()
        return service_data(found) if found else None
    section = Section.objects.filter(slug=key).first()
    return SectionData(slug=section.slug, title=section.title, order=section.order) if section else None


def translation_key(entry: Translation | TranslationData) -> str:
    """One translation's name in load reports and diffs: "clause rights fr"."""
    return f"{entry.kind} {entry.key} {entry.language}"


def library_snapshot() -> LibraryData:
    """The whole library as plain data, read at one revision."""
    revision = library_revision()
    return LibraryData(
        sections=tuple(SectionData(slug=s.slug, title=s.title, order=s.order) for s in Section.objects.all()),
        clauses=tuple(clause_data(c) for c in Clause.objects.select_related("section")),
        services=tuple(service_data(s) for s in Service.objects.all()),
        laws=tuple(
            LawData(
                code=law.code,
                name=law.name,
                citation=law.citation,
                applies=law.applies,
                authority=law.authority,
                authority_url=law.authority_url,
            )
            for law in Law.objects.all()
        ),
        items=tuple(
            LegalItemData(
                item_id=i.item_id,
                law=i.law,
                citation=i.citation,
                summary=i.summary,
                level=i.level,
                applies=i.applies,
                hint=i.hint,
                covered_if=i.covered_if,
            )
            for i in LegalItem.objects.all()
        ),
        revision=revision,
        translations=tuple(translation_data(t) for t in Translation.objects.all()),
    )


def library_changed_since(*, revision: str) -> bool:
    """Whether the library changed after a policy was generated at `revision`.

    Called by a saved policy's result page to offer regenerating it. Loading unchanged files
    leaves the revision alone, so this is true only after a real change (or an edit and its revert).
    """
    return revision != library_revision()


def library_changes_since(*, since: datetime) -> list[str]:
    """Clauses and services changed after `since`, newest first, as "clause <title>" lines (from history)."""
    changes = [
        (record.history_date, f"{kind} {record.title if kind == 'clause' else record.name}")
        for kind, model in (("clause", Clause), ("service", Service))
        for record in model.history.filter(history_date__gt=since).order_by("-history_date")  # type: ignore[attr-defined]
    ]
    return list(dict.fromkeys(line for _, line in sorted(changes, key=lambda change: change[0], reverse=True)))


def services_in_file_order() -> list[ServiceData]:
    """Services in the order services.yaml lists them: by kind as the catalogue groups them, then order."""
    rank = {kind: index for index, kind in enumerate(Service.Kind.values)}
    rows = sorted(Service.objects.all(), key=lambda s: (rank.get(s.kind, len(rank)), s.order, s.slug))
    return [service_data(row) for row in rows]


def _entries_diff(kind: str, files: dict[str, Any], database: dict[str, Any]) -> list[str]:
    lines = [f"{kind} {key}: only in the files" for key in files.keys() - database.keys()]
    lines += [f"{kind} {key}: only in the database" for key in database.keys() - files.keys()]
    for key in files.keys() & database.keys():
        a, b = asdict(files[key]), asdict(database[key])
        fields = [name for name in a if a[name] != b[name]]
        if fields:
            lines.append(f"{kind} {key}: {', '.join(fields)} {'differs' if len(fields) == 1 else 'differ'}")
    return sorted(lines)


def library_diff(*, files: LibraryData, database: LibraryData) -> list[str]:
    """Every difference between the library files and the database copy, one line each; empty when they agree."""
    pairs = (
        ("section", lambda d: {s.slug: s for s in d.sections}),
        ("clause", lambda d: {c.slug: c for c in d.clauses}),
        ("service", lambda d: {s.slug: s for s in d.services}),
        ("law", lambda d: {law.code: law for law in d.laws}),
        ("legal item", lambda d: {i.item_id: i for i in d.items}),
        ("translation", lambda d: {translation_key(t): t for t in d.translations}),
    )
    return [line for kind, index in pairs for line in _entries_diff(kind, index(files), index(database))]
