"""Editors translate in the admin: each translation beside its English source, with what changed in the
English since it was translated, the same checks as an English clause (and that it reads the same facts),
history and revert, and a review state that stays "machine-written" until an editor confirms it."""

import threading
from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString

from policybuilder.editing.admin import EditedAdmin
from policybuilder.editing.forms import LinesField, VersionedForm, text_normalised
from policybuilder.editing.history import text_diff_html
from policybuilder.editing.validation import translation_problems
from policybuilder.library.models import Clause, Service, Translation
from policybuilder.library.selectors import english_source, library_snapshot, service_data
from policybuilder.library.translations import CONFIRMED, MACHINE, source_fields, source_revision, source_revisions
from policybuilder.library.types import ClauseData


def english_then(kind: str, key: str, revision: str) -> list[str] | None:
    """The English fields at `revision`, from the source's history; None when no version had it."""
    model = {"clause": Clause, "service": Service}.get(kind)
    if model is None:
        return None
    for record in model.history.filter(slug=key).order_by("-history_date"):  # type: ignore[attr-defined]
        entry: Any = record
        if kind == "clause":
            entry = ClauseData(key, "", record.title, 0, "", (), (), record.body)
        elif kind == "service":
            entry = service_data(record)  # a historical record has the row's fields
        if source_revision(kind, entry) == revision:
            return source_fields(kind, entry)
    return None


class TranslationForm(VersionedForm):
    receives = LinesField(rows=6, help_text="A service's phrases for the data it receives, one per line.")
    current = forms.BooleanField(
        required=False,
        label="It translates the English as it is now",
        help_text="Tick once the translation says what the current English says: it is then no longer stale.",
    )
    confirmed = forms.BooleanField(
        required=False,
        label="A native speaker has reviewed it for legal accuracy",
        help_text="Until then, the policy's coverage report says the translation is machine-written.",
    )

    class Meta:
        model = Translation
        fields = ("title", "body", "receives")
        widgets = {"body": forms.Textarea(attrs={"rows": 26, "class": "clause-body", "spellcheck": "true"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confirmed"].initial = self.instance.review == CONFIRMED
        english = english_source(self.instance.kind, self.instance.key) if self.instance.pk else None
        if english is not None:
            self.fields["current"].initial = self.instance.translates == source_revision(self.instance.kind, english)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        return text_normalised(body) if self.instance.kind == "clause" else " ".join(body.split())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.conflict_check()
        if "body" in cleaned:
            self.problems_add(translation_problems(self.instance.kind, self.instance.key, cleaned.get("title", ""), cleaned["body"]))  # fmt: skip
        return cleaned

    def save(self, commit: bool = True) -> Translation:
        row: Translation = super().save(commit=False)
        english = english_source(row.kind, row.key)
        if self.cleaned_data.get("current") and english is not None:
            row.translates = source_revision(row.kind, english)
        row.review = CONFIRMED if self.cleaned_data.get("confirmed") else MACHINE
        if commit:
            row.save()
        return row


# The English revisions of the changelist this thread is drawing (TranslationAdmin.changelist_view).
_LIST = threading.local()


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("stale", "Stale: the English changed"), ("current", "Current")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() is None:
            return queryset
        revisions = getattr(_LIST, "revisions", None) or source_revisions(library_snapshot())
        stale = [row.pk for row in queryset if revisions.get((row.kind, row.key)) != row.translates]
        return queryset.filter(pk__in=stale) if self.value() == "stale" else queryset.exclude(pk__in=stale)


def translation_stale(row: Translation) -> bool:
    english = english_source(row.kind, row.key)
    return english is None or row.translates != source_revision(row.kind, english)


@admin.register(Translation)
class TranslationAdmin(EditedAdmin):
    form = TranslationForm
    list_display = ("key", "kind", "language", "stale", "reviewed", "last_changed", "changed_by", "edited")
    list_filter = ("language", "kind", StateFilter, "review")
    search_fields = ("key", "title", "body")
    ordering = ("language", "kind", "key")
    change_form_template = "admin/library/translation/change_form.html"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("kind", "key", "language", "translates")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # translations come from the files, one per English text and language

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        # The English revisions, read once per list (in this thread's own slot): the state filter and the
        # stale column need them for every row.
        _LIST.revisions = source_revisions(library_snapshot())
        try:
            response = super().changelist_view(request, extra_context)
            if hasattr(response, "render"):
                response.render()  # the rows are drawn now, while the revisions are there
            return response
        finally:
            _LIST.revisions = None

    @admin.display(description="stale", boolean=True)
    def stale(self, obj: Translation) -> bool:
        revisions = getattr(_LIST, "revisions", None)
        if revisions is None:
            return translation_stale(obj)
        return revisions.get((obj.kind, obj.key)) != obj.translates

    @admin.display(description="reviewed by a native speaker", boolean=True)
    def reviewed(self, obj: Translation) -> bool:
        return obj.review == CONFIRMED

    def render_change_form(self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        obj: Translation | None = kwargs.get("obj")
        if obj is not None:
            english = english_source(obj.kind, obj.key)
            now = source_fields(obj.kind, english) if english else []
            then = english_then(obj.kind, obj.key, obj.translates) if english else None
            changed: SafeString | None = None
            if english is not None and obj.translates != source_revision(obj.kind, english):
                changed = text_diff_html("\n".join(then), "\n".join(now)) if then else None
            context.update(english="\n\n".join(now), english_changes=changed, stale=translation_stale(obj))
        return super().render_change_form(request, context, *args, **kwargs)
