"""Writes to the library's database copy: loading it from the files."""

from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

from policybuilder.library.models import Clause, Law, LegalItem, Section, Service
from policybuilder.library.selectors import clause_data, data_hash, service_data
from policybuilder.library.types import ClauseData, LibraryData, ServiceData

M = TypeVar("M", bound=models.Model)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)  # edited in the admin, left alone without --force

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.kept_edits)} edited rows kept (use --force to overwrite)"
        )


def _clause_save(data: ClauseData, sections: dict[str, Section], *, force: bool, report: LoadReport) -> None:
    row = Clause.objects.select_related("section").filter(slug=data.slug).first()
    file_hash = data_hash(data)
    values = asdict(data) | {"section": sections[data.section], "loaded_hash": file_hash}
    if row is None:
        Clause.objects.create(**values)
        report.created.append(f"clause {data.slug}")
        return
    current = data_hash(clause_data(row))
    if current == file_hash:
        return
    if current != row.loaded_hash and not force:
        report.kept_edits.append(f"clause {data.slug}")
        return
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    report.updated.append(f"clause {data.slug}")


def _service_save(data: ServiceData, order: int, *, force: bool, report: LoadReport) -> None:
    row = Service.objects.filter(slug=data.slug).first()
    file_hash = data_hash(data)
    values = asdict(data) | {"order": order, "loaded_hash": file_hash}
    if row is None:
        Service.objects.create(**values)
        report.created.append(f"service {data.slug}")
        return
    current = data_hash(service_data(row))
    if current == file_hash and row.order == order:
        return
    if current != row.loaded_hash and current != file_hash and not force:
        report.kept_edits.append(f"service {data.slug}")
        return
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    report.updated.append(f"service {data.slug}")


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
        _clause_save(clause, sections, force=force, report=report)
    for order, service in enumerate(data.services):
        _service_save(service, order, force=force, report=report)
    for order, law in enumerate(data.laws):
        _row_sync(Law, {"code": law.code}, asdict(law) | {"order": order})
    for order, item in enumerate(data.items):
        _row_sync(LegalItem, {"item_id": item.item_id}, asdict(item) | {"order": order})
    return report


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
