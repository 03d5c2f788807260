"""The admin's lists of clauses and services: who changed what last, which laws a clause serves, filters."""

from typing import Any

from django.contrib import admin
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest

from policybuilder.library.models import Clause, LegalItem, Service, Translation
from policybuilder.library.selectors import clause_data, data_hash, service_data, translation_data


def history_annotated(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Add `last_changed` and `changed_by` (a username) from each row's newest history record."""
    history = queryset.model.history.model  # type: ignore[attr-defined]
    newest = history.objects.filter(id=OuterRef("pk")).order_by("-history_date")
    return queryset.annotate(
        last_changed=Subquery(newest.values("history_date")[:1]),
        changed_by=Subquery(newest.values("history_user__username")[:1]),
    )


def item_laws() -> dict[str, str]:
    """Legal item id -> the law it belongs to (gdpr, us-ca, ...)."""
    return dict(LegalItem.objects.values_list("item_id", "law"))


def clause_laws(clause: Clause, laws: dict[str, str]) -> list[str]:
    """The laws whose items a clause satisfies, in a stable order."""
    return sorted({laws[item] for item in clause.satisfies if item in laws})


def source_kind(sources: list[str]) -> str:
    """Where a clause's practice came from: a seed policy, the law, both, or neither."""
    seed = any(s.startswith("seeds/") for s in sources)
    law = any(s.startswith("law:") for s in sources)
    return {(True, True): "seed and law", (True, False): "seed", (False, True): "law"}.get((seed, law), "none")


def edited_here(row: Clause | Service | Translation) -> bool:
    """Changed in the admin since the files were last loaded or dumped (so `dumpclauses` has work to do)."""
    data: Any
    if isinstance(row, Clause):
        data = clause_data(row)
    elif isinstance(row, Translation):
        data = translation_data(row)
    else:
        data = service_data(row)
    return data_hash(data) != row.loaded_hash


class _PythonFilter(admin.SimpleListFilter):
    """A filter decided per row in Python: the JSON lists it looks into cannot be queried on SQLite."""

    def keep(self, row: Any, value: str) -> bool:
        raise NotImplementedError

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(pk__in=[row.pk for row in queryset if self.keep(row, value)])


class LawFilter(_PythonFilter):
    title = "law satisfied"
    parameter_name = "law"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(law, law) for law in sorted(set(item_laws().values()))]

    def keep(self, row: Any, value: str) -> bool:
        return value in clause_laws(row, item_laws())


class SourceFilter(_PythonFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("seed", "a seed policy"), ("law", "the law"), ("seed and law", "both"), ("none", "none given")]

    def keep(self, row: Any, value: str) -> bool:
        return source_kind(row.sources) == value


class EditedFilter(_PythonFilter):
    title = "changed in the admin"
    parameter_name = "edited"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "not yet in the files"), ("no", "same as the files")]

    def keep(self, row: Any, value: str) -> bool:
        return edited_here(row) == (value == "yes")
