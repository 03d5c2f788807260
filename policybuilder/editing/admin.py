"""The admin for the clause library: clauses and services editable, sections, laws and legal items to read.

Sections, laws and legal items follow the files (`loadclauses` overwrites them and `dumpclauses` does
not write them), so they are shown, not edited.
"""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from simple_history.admin import SimpleHistoryAdmin

from policybuilder.editing import admin_lists
from policybuilder.editing.fact_types import variables_list
from policybuilder.editing.forms import ClauseForm, ServiceForm
from policybuilder.editing.history import record_changes, row_revert
from policybuilder.editing.preview import clause_preview
from policybuilder.editing.samples import sample_get, samples_all
from policybuilder.editing.views import clause_preview_view
from policybuilder.library.models import Clause, Law, LegalItem, Section, Service
from policybuilder.library.selectors import clause_data


class EditConflict(Exception):
    """Another editor's save landed between this form's check and its save."""


class EditedAdmin(SimpleHistoryAdmin):
    """What the clause and service admins share: history with diffs and one-click revert, conflict-safe saves."""

    object_history_list_template = "editing/object_history_list.html"
    history_list_per_page = 50

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("slug",) if obj else ()  # answers, drafts and file names refer to it

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Any]:
        return admin_lists.history_annotated(super().get_queryset(request))

    @admin.display(description="last changed", ordering="last_changed")
    def last_changed(self, obj: Any) -> Any:
        return obj.last_changed

    @admin.display(description="by", ordering="changed_by")
    def changed_by(self, obj: Any) -> str:
        return obj.changed_by or "—"

    @admin.display(description="not in the files yet", boolean=True)
    def edited(self, obj: Any) -> bool:
        return admin_lists.edited_here(obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            stored = type(obj).objects.get(pk=obj.pk)
            if not record_changes(obj, stored):
                return  # nothing changed: no new version, history entry or "library changed" for saved policies
            expected = form.cleaned_data.get("opened_version")
            # The row lock this UPDATE takes makes a second, simultaneous save wait and then miss.
            if not type(obj).objects.filter(pk=obj.pk, version=expected).update(version=expected):
                raise EditConflict
        super().save_model(request, obj, form, change)

    def changeform_view(self, request: HttpRequest, object_id: str | None = None, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().changeform_view(request, object_id, *args, **kwargs)
        except EditConflict:
            self.message_user(
                request,
                "Another editor saved this a moment before you, so nothing was saved. "
                "This is their version: make your change again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)

    def url_name(self, view: str) -> str:
        """The admin URL name of one of this model's views: library_clause_change, ..."""
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.revert_view)
        return [
            path("<path:object_id>/revert/<int:history_id>/", view, name=self.url_name("revert")),
            *super().get_urls(),
        ]

    def revert_view(self, request: HttpRequest, object_id: str, history_id: int) -> HttpResponse:
        """One click back to an earlier version (POST from the history page), validated like a save."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(self.model.history.model, id=obj.pk, history_id=history_id)  # type: ignore[attr-defined]
        problems = row_revert(row=obj, record=record, user=request.user)
        if problems:
            message = "That version cannot be restored: " + "; ".join(str(p) for p in problems)
            self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(reverse(f"admin:{self.url_name('history')}", args=[obj.pk]))
        self.log_change(request, obj, f"Reverted to the version of {record.history_date:%Y-%m-%d %H:%M}.")
        when = f"{record.history_date:%d %b %Y, %H:%M}"
        self.message_user(request, f"Restored the version of {when}. It is now the current one.", messages.SUCCESS)
        return HttpResponseRedirect(reverse(f"admin:{self.url_name('change')}", args=[obj.pk]))

    def set_history_delta_changes(self, request: HttpRequest, historical_records: Any, **kwargs: Any) -> None:
        """Each history row gets what changed since the row before it: fields, and a diff of long text."""
        records = list(historical_records)
        for newer, older in zip(records, records[1:], strict=False):
            newer.editor_changes = record_changes(newer, older)
        if records:
            records[-1].editor_changes = []

    def render_change_form(self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        context["conflict"] = getattr(context["adminform"].form, "conflict", None)
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Clause)
class ClauseAdmin(EditedAdmin):
    form = ClauseForm
    list_display = ("title", "section", "order", "laws", "source", "last_changed", "changed_by", "edited")
    list_display_links = ("title",)
    list_filter = ("section", admin_lists.LawFilter, admin_lists.SourceFilter, admin_lists.EditedFilter)
    search_fields = ("slug", "title", "body", "when")
    list_select_related = ("section",)
    ordering = ("section__order", "order", "slug")

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        self._item_laws = admin_lists.item_laws()  # one query for the whole page
        return super().changelist_view(request, extra_context)

    @admin.display(description="laws satisfied")
    def laws(self, obj: Clause) -> str:
        return ", ".join(admin_lists.clause_laws(obj, self._item_laws))

    @admin.display(description="source")
    def source(self, obj: Clause) -> str:
        return admin_lists.source_kind(obj.sources)

    def get_urls(self) -> list[URLPattern]:
        preview = self.admin_site.admin_view(clause_preview_view)
        return [
            path("preview/", preview, {"model_admin": self}, name=self.url_name("preview")),
            path("<path:object_id>/preview/", preview, {"model_admin": self}, name=self.url_name("preview_change")),
            *super().get_urls(),
        ]

    def render_change_form(self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        obj = kwargs.get("obj")
        sample = sample_get(request.GET.get("sample"))
        context.update(
            is_nav_sidebar_enabled=False,  # the width goes to the editor and its preview
            variables=variables_list(),
            samples=samples_all().values(),
            preview_sample=sample.slug,
            preview_url=reverse(f"admin:{self.url_name('preview_change')}", args=[obj.pk])
            if obj
            else reverse(f"admin:{self.url_name('preview')}"),
        )
        if request.method == "GET" and obj is not None:
            context["preview"] = clause_preview(clause=clause_data(obj), sample=sample)
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Service)
class ServiceAdmin(EditedAdmin):
    form = ServiceForm
    list_display = (
        "name",
        "kind",
        "company",
        "country",
        "role",
        "sets_cookies",
        "checked",
        "last_changed",
        "changed_by",
        "edited",
    )
    list_filter = ("kind", "role", "sets_cookies", "country", admin_lists.EditedFilter)
    search_fields = ("slug", "name", "company", "purpose")
    ordering = ("kind", "order", "slug")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown to editors, never changed here: these follow the files."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LegalItem)
class LegalItemAdmin(ReadOnlyAdmin):
    list_display = ("item_id", "law", "level", "summary", "covered_by")
    list_filter = ("law", "level")
    search_fields = ("item_id", "summary", "citation", "hint")

    readonly_fields = ("covered_by_now",)

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        self._covering = self.covering()  # once for the whole page
        return super().changelist_view(request, extra_context)

    @staticmethod
    def covering() -> dict[str, list[str]]:
        """Legal item id -> the slugs of the clauses that say they satisfy it."""
        found: dict[str, list[str]] = {}
        for slug, satisfies in Clause.objects.values_list("slug", "satisfies"):
            for item in satisfies:
                found.setdefault(item, []).append(slug)
        return found

    @admin.display(description="clauses covering it")
    def covered_by(self, obj: LegalItem) -> str:
        """For the list: from the mapping its changelist_view just made."""
        return ", ".join(self._covering.get(obj.item_id, [])) or "none"

    @admin.display(description="clauses covering it")
    def covered_by_now(self, obj: LegalItem) -> str:
        """For one item's page: read now."""
        return ", ".join(self.covering().get(obj.item_id, [])) or "none: a gap wherever the item applies"


@admin.register(Law)
class LawAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "citation", "authority")


@admin.register(Section)
class SectionAdmin(ReadOnlyAdmin):
    list_display = ("title", "slug", "order")


# The translations' admin builds on EditedAdmin above; importing it here registers it.
from policybuilder.editing import translation_admin  # noqa: E402, F401
