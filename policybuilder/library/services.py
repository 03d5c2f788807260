"""Writes to the library's database copy: loading it from the files."""

from dataclasses import asdict, dataclass, field

from django.db import transaction

from policybuilder.library.models import Clause, Law, LegalItem, Section, Service
from policybuilder.library.selectors import clause_data, data_hash, service_data
from policybuilder.library.types import ClauseData, LibraryData, ServiceData


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
    sections = {}
    for section in data.sections:
        sections[section.slug], created = Section.objects.update_or_create(
            slug=section.slug, defaults={"title": section.title, "order": section.order}
        )
    for clause in data.clauses:
        _clause_save(clause, sections, force=force, report=report)
    for order, service in enumerate(data.services):
        _service_save(service, order, force=force, report=report)
    for order, law in enumerate(data.laws):
        Law.objects.update_or_create(code=law.code, defaults=asdict(law) | {"order": order})
    for order, item in enumerate(data.items):
        LegalItem.objects.update_or_create(item_id=item.item_id, defaults=asdict(item) | {"order": order})
    return report
