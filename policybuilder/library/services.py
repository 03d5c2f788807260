"""Writes to the library's database copy: loading it from the files."""

from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

from policybuilder.library.models import Clause, Law, LegalItem, Section, Service
from policybuilder.library.selectors import clause_data, data_hash, service_data
from policybuilder.library.service_fields import entities_dict
from policybuilder.library.types import ClauseData, LibraryData, ServiceData

M = TypeVar("M", bound=models.Model)


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


def _editable_save(
    model: type[Clause] | type[Service],
    data: ClauseData | ServiceData,
    values: dict[str, Any],
    *,
    force: bool,
    report: LoadReport,
) -> None:
    """Create or update one clause or service from its file, keeping an editor's change unless forced.

    A row is an editor's change when it matches neither the file nor what was last loaded into it.
    """
    label = f"{model._meta.model_name} {data.slug}"
    row = model.objects.filter(slug=data.slug).first()
    file_hash = data_hash(data)
    placement = {name: value for name, value in values.items() if name not in asdict(data)}  # a service's order
    values = values | {"loaded_hash": file_hash}
    if row is None:
        model.objects.create(**values)
        report.created.append(label)
        return
    current = data_hash(clause_data(row) if isinstance(row, Clause) else service_data(row))
    if current == file_hash and all(getattr(row, name) == value for name, value in placement.items()):
        return
    if current not in (row.loaded_hash, file_hash) and not force:
        report.kept_edits.append(label)
        return
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    report.updated.append(label)


@transaction.atomic
def library_load(*, data: LibraryData, force: bool = False) -> LoadReport:
    """Copy the library files into the database; idempotent.

    Rows an editor changed since the last load are kept unless `force` is set.
    Sections, laws and legal items are not edited in the admin and always follow the files.
    """
    report = LoadReport()
    sections = {
        section.slug: _row_sync(Section, {"slug": section.slug}, {"title": section.title, "order": section.order})
        for section in data.sections
    }
    for clause in data.clauses:
        values = asdict(clause) | {"section": sections[clause.section]}
        _editable_save(Clause, clause, values, force=force, report=report)
    for order, service in enumerate(data.services):
        values = asdict(service) | {"order": order, "entities": entities_dict(service.entities)}
        _editable_save(Service, service, values, force=force, report=report)
    for order, law in enumerate(data.laws):
        _row_sync(Law, {"code": law.code}, asdict(law) | {"order": order})
    for order, item in enumerate(data.items):
        _row_sync(LegalItem, {"item_id": item.item_id}, asdict(item) | {"order": order})
    _retired_remove(data, force=force, report=report)
    return report


def _retired_remove(data: LibraryData, *, force: bool, report: LoadReport) -> None:
    """Remove the clauses a new release of the files dropped or merged, and then their empty sections:
    left in the database they would go on printing old text beside the new. A clause an editor created
    (never loaded from a file) stays; so does one an editor changed after it was loaded, unless forced."""
    for row in Clause.objects.exclude(slug__in=[c.slug for c in data.clauses]).select_related("section"):
        if not row.loaded_hash:
            continue
        if data_hash(clause_data(row)) != row.loaded_hash and not force:
            report.kept_edits.append(f"clause {row.slug}")
            continue
        row.delete()
        report.removed.append(f"clause {row.slug}")
    for section in Section.objects.exclude(slug__in=[s.slug for s in data.sections]).filter(clauses__isnull=True):
        section.delete()
        report.removed.append(f"section {section.slug}")


def _row_sync(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """update_or_create that leaves an unchanged row alone, so a load that changes nothing
    leaves the library revision (and every saved policy's "the library has changed") as it was."""
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        return model._default_manager.create(**(lookup | values))
    if any(getattr(row, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    return row


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
