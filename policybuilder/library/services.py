"""Writes to the library's database copy: loading it from the files.

A load reads every row of a model once and writes with bulk_create and bulk_update (and their history
records), so a catalogue of thousands of services costs a few queries per hundred rather than several
per service. Bulk writes send no post_save signal: the load bumps the library revision itself, once,
when it wrote anything.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from policybuilder.library.files import library_files_read
from policybuilder.library.models import Clause, Law, LegalItem, LibraryRevision, Section, Service, Translation
from policybuilder.library.selectors import (
    clause_data,
    data_hash,
    library_loaded_unchanged,
    service_data,
    translation_data,
    translation_key,
)
from policybuilder.library.service_fields import entities_dict
from policybuilder.library.signals import library_revision_bump
from policybuilder.library.types import ClauseData, LibraryData, ServiceData, TranslationData

M = TypeVar("M", bound=models.Model)

# Rows a query at most, so that a statement stays a sensible size on PostgreSQL; SQLite takes fewer (999
# parameters a query, about 40 services) and Django lowers it there.
BATCH_SIZE = 500

# The library app's code (reader, loader, models, migrations) is part of the files' fingerprint: a release
# that reads the same files differently (a new field, say) must load them again, not skip them as unchanged.
APP = Path(__file__).parent


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)  # edited in the admin, left alone without --force
    removed: list[str] = field(default_factory=list)  # clauses and sections the files no longer have

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{len(self.kept_edits)} edited rows kept (use --force to overwrite)"
        )


def library_files_fingerprint(directory: Path) -> str:
    """A hash of every file under `directory` (name and bytes) and of the code that loads them; "" when
    there is no such folder. Milliseconds: reading the files themselves (YAML) takes seconds."""
    if not directory.is_dir():
        return ""
    digest = hashlib.sha256()
    files = [(str(p.relative_to(directory)), p) for p in sorted(directory.rglob("*")) if p.is_file()]
    code = [(f"code:{p.relative_to(APP)}", p) for p in sorted(APP.rglob("*.py"))]
    for name, path in files + code:
        content = path.read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def library_files_load(*, directory: Path, force: bool = False) -> LoadReport | None:
    """Load the library files under `directory` (`manage.py loadclauses`, run at every container start).

    Returns None, having read no file and written nothing, when these are the files last loaded and no
    library row has changed since; `force` always loads. Raises LibraryFileError naming a bad file.
    """
    fingerprint = library_files_fingerprint(directory)
    if not force and library_loaded_unchanged(fingerprint=fingerprint):
        return None
    return library_load(data=library_files_read(directory), force=force, fingerprint=fingerprint)


@transaction.atomic
def library_load(*, data: LibraryData, force: bool = False, fingerprint: str = "") -> LoadReport:
    """Copy the library files into the database; idempotent.

    Rows an editor changed since the last load are kept unless `force` is set.
    Sections, laws and legal items are not edited in the admin and always follow the files.
    A load that writes anything bumps the library revision; one that writes nothing leaves it alone.
    `fingerprint` (of the files `data` was read from) is recorded for the next load to compare.
    """
    report = LoadReport()
    sections, written = _rows_sync(
        Section, "slug", {s.slug: {"title": s.title, "order": s.order} for s in data.sections}
    )
    clauses = {c.slug: (c, _values(c) | {"section": sections[c.section]}) for c in data.clauses}
    _editables_save(Clause, clauses, force=force, report=report)
    services = {
        s.slug: (s, _values(s) | {"order": order, "entities": entities_dict(s.entities)})
        for order, s in enumerate(data.services)
    }
    _editables_save(Service, services, force=force, report=report)
    translations = {translation_key(t): (t, _values(t) | {"receives": list(t.receives)}) for t in data.translations}
    _editables_save(Translation, translations, force=force, report=report)
    laws = {law.code: _values(law) | {"order": n} for n, law in enumerate(data.laws)}
    items = {item.item_id: _values(item) | {"order": n} for n, item in enumerate(data.items)}
    written += _rows_sync(Law, "code", laws)[1] + _rows_sync(LegalItem, "item_id", items)[1]
    _retired_remove(data, force=force, report=report)
    if written or report.created or report.updated or report.removed:
        library_revision_bump()
    if fingerprint:
        _files_record(fingerprint)
    return report


def _values(data: Any) -> dict[str, Any]:
    """A library entry's fields by name: asdict() without the deep copy, which the load does not need."""
    return {f.name: getattr(data, f.name) for f in fields(data)}


def _files_record(fingerprint: str) -> None:
    """Remember the files just loaded, with the token this transaction leaves: an editor's change after
    the commit bumps the token again, and the next load of the same files then runs in full."""
    LibraryRevision.objects.get_or_create(pk=1)
    LibraryRevision.objects.filter(pk=1).update(files_hash=fingerprint, files_token=F("token"))


Editable = Clause | Service | Translation


def _stored(model: type[Editable]) -> dict[str, Editable]:
    """The rows of an editable model by their key: a clause's or service's slug, a translation's key."""
    if model is Translation:
        return {translation_key(row): row for row in Translation.objects.all()}
    stored = Clause.objects.select_related("section") if model is Clause else Service.objects.all()
    return {row.slug: row for row in stored}


def _data(row: Editable) -> ClauseData | ServiceData | TranslationData:
    if isinstance(row, Clause):
        return clause_data(row)
    return service_data(row) if isinstance(row, Service) else translation_data(row)


def _editables_save(
    model: type[Editable],
    entries: Mapping[str, tuple[ClauseData | ServiceData | TranslationData, dict[str, Any]]],
    *,
    force: bool,
    report: LoadReport,
) -> None:
    """Create or update clauses, services or translations (key -> file entry, field values) from their files,
    keeping an editor's change unless forced. A row is an editor's change when it matches neither the file
    nor what was last loaded into it. New and changed rows get a history record each, as a save gives them."""
    rows = _stored(model)
    new: list[Editable] = []
    changed: list[Editable] = []
    now = timezone.now()
    for slug, (data, values) in entries.items():
        label = f"{model._meta.model_name} {slug}"
        file_hash = data_hash(data)
        row = rows.get(slug)
        if row is None:
            new.append(model(**values, loaded_hash=file_hash))
            report.created.append(label)
            continue
        names = {f.name for f in fields(data)}
        placement = {name: value for name, value in values.items() if name not in names}  # a service's order
        current = data_hash(_data(row))
        if current == file_hash and all(getattr(row, name) == value for name, value in placement.items()):
            continue
        if current not in (row.loaded_hash, file_hash) and not force:
            report.kept_edits.append(label)
            continue
        for name, value in (values | {"loaded_hash": file_hash}).items():
            setattr(row, name, value)
        row.version += 1  # what Versioned.save does; the row was read in this transaction
        row.updated_at = now  # bulk_update skips auto_now
        changed.append(row)
        report.updated.append(label)
    bulk_create_with_history(new, model, batch_size=BATCH_SIZE)
    if changed:
        columns = [name for name in next(iter(entries.values()))[1] if name != "slug"]
        bulk_update_with_history(
            changed, model, fields=[*columns, "loaded_hash", "version", "updated_at"], batch_size=BATCH_SIZE
        )


def _retired_remove(data: LibraryData, *, force: bool, report: LoadReport) -> None:
    """Remove the clauses (and translations) a new release of the files dropped or merged, and then their
    empty sections:
    left in the database they would go on printing old text beside the new. A clause an editor created
    (never loaded from a file) stays; so does one an editor changed after it was loaded, unless forced.
    Deleted one by one, through the signals, as an editor's delete is: few rows, each with its history."""
    for row in Clause.objects.exclude(slug__in=[c.slug for c in data.clauses]).select_related("section"):
        if not row.loaded_hash:
            continue
        if data_hash(clause_data(row)) != row.loaded_hash and not force:
            report.kept_edits.append(f"clause {row.slug}")
            continue
        row.delete()
        report.removed.append(f"clause {row.slug}")
    in_files = {translation_key(t) for t in data.translations}
    for translated in Translation.objects.all():
        name = translation_key(translated)
        if name in in_files or not translated.loaded_hash:
            continue
        if data_hash(translation_data(translated)) != translated.loaded_hash and not force:
            report.kept_edits.append(f"translation {name}")
            continue
        translated.delete()
        report.removed.append(f"translation {name}")
    for section in Section.objects.exclude(slug__in=[s.slug for s in data.sections]).filter(clauses__isnull=True):
        section.delete()
        report.removed.append(f"section {section.slug}")


def _rows_sync(model: type[M], key: str, wanted: dict[str, dict[str, Any]]) -> tuple[dict[str, M], int]:
    """Make the rows of a model the admin does not edit match `wanted` (key -> field values), leaving an
    unchanged row alone, so a load that changes nothing leaves the library revision (and every saved
    policy's "the library has changed") as it was. Returns the rows by key and how many were written."""
    rows = {getattr(row, key): row for row in model._default_manager.all()}
    new = [model(**({key: k} | values)) for k, values in wanted.items() if k not in rows]
    changed = []
    for k, values in wanted.items():
        row = rows.get(k)
        if row is not None and any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    model._default_manager.bulk_create(new, batch_size=BATCH_SIZE)
    if changed:
        model._default_manager.bulk_update(changed, fields=list(next(iter(wanted.values()))), batch_size=BATCH_SIZE)
    rows |= {getattr(row, key): row for row in new}
    return {k: rows[k] for k in wanted}, len(new) + len(changed)


def library_mark_dumped() -> None:
    """Record every clause and service as matching its file, after `dumpclauses` wrote them out.

    Without this a later change to a file (a reviewed pull request) would be taken for an
    older file than the editor's row and kept out by `loadclauses`. `update()` on purpose:
    no new version, no history entry, no revision bump, since the content did not change.
    """
    for row in Clause.objects.select_related("section"):
        Clause.objects.filter(pk=row.pk).update(loaded_hash=data_hash(clause_data(row)))
    for service in Service.objects.all():
        Service.objects.filter(pk=service.pk).update(loaded_hash=data_hash(service_data(service)))
    for translation in Translation.objects.all():
        Translation.objects.filter(pk=translation.pk).update(loaded_hash=data_hash(translation_data(translation)))
