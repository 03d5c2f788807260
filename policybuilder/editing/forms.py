"""Admin forms for clauses and services: normalise what the browser sends, validate, catch conflicts."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from policybuilder.editing.history import FieldChange, record_changes
from policybuilder.editing.names import Problem
from policybuilder.editing.validation import clause_problems, service_problems
from policybuilder.library.models import Clause, Service
from policybuilder.library.service_fields import entities_from
from policybuilder.library.types import ClauseData, ServiceData


class LinesField(forms.CharField):
    """A list of strings, edited one per line (or, with `commas`, separated by commas too)."""

    def __init__(self, *, commas: bool = False, rows: int = 4, **kwargs: Any) -> None:
        self.commas = commas
        kwargs.setdefault("required", False)
        super().__init__(widget=forms.Textarea(attrs={"rows": rows, "class": "vLargeTextField"}), **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = str(value or "")
        parts = text.replace(",", "\n").splitlines() if self.commas else text.splitlines()
        return [part.strip() for part in parts if part.strip()]


def text_normalised(value: str) -> str:
    """Browsers send CRLF line ends; the files (and so the database copy) use LF and end with one newline."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip() + "\n"


class Conflict:
    """Another editor saved the row after this form was opened: who, when and what they changed."""

    def __init__(self, *, current: Clause | Service, started_from: int) -> None:
        self.current = current
        history = current.history.order_by("-history_date")  # type: ignore[union-attr]
        latest = history.first()
        self.user = getattr(latest, "history_user", None) if latest else None
        self.when = latest.history_date if latest else timezone.now()
        older = history.filter(version=started_from).first()
        self.changes: list[FieldChange] = record_changes(latest, older) if latest and older else []

    def message(self) -> str:
        who = str(self.user) if self.user else "Someone"
        return (
            f"{who} saved this at {timezone.localtime(self.when):%H:%M} on {timezone.localtime(self.when):%d %b %Y}, "
            "after you opened it, so your changes are not saved yet. Their change is shown below: "
            "fold it into yours (your text is still in the form) and save again."
        )


class VersionedForm(forms.ModelForm):
    """Carries the row's version so a second editor's save never silently overwrites the first's."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)  # the version this form shows
    data: "MultiValueDict[str, Any]"  # the admin binds request.POST, which conflict_check copies and edits

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk:  # the stored version, also when the instance is an old version (a revert)
            model = type(self.instance)
            self.fields["opened_version"].initial = (
                model.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            )

    def conflict_check(self) -> None:
        if not self.instance.pk:
            return
        current = type(self.instance).objects.filter(pk=self.instance.pk).first()
        started_from = self.cleaned_data.get("opened_version")
        if current is None or started_from is None or current.version == started_from:
            return
        self.conflict = Conflict(current=current, started_from=started_from)
        self.data = self.data.copy()  # the next save, after reading their change, is a deliberate one
        self.data[self.add_prefix("opened_version")] = str(current.version)
        raise ValidationError(self.conflict.message(), code="conflict")

    def problems_add(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add_error(problem.field if problem.field in self.fields else None, str(problem))


class ClauseDraftForm(forms.ModelForm):
    """A clause as typed, normalised: what the preview renders. ClauseForm adds the checks a save needs."""

    satisfies = LinesField(
        commas=True, rows=3, help_text="Legal item ids this clause covers, one per line or comma-separated."
    )
    sources = LinesField(rows=3, help_text="Seed files or laws the practice comes from, one per line.")

    class Meta:
        model = Clause
        fields = ("title", "slug", "section", "order", "when", "satisfies", "sources", "body")
        widgets = {
            "body": forms.Textarea(attrs={"rows": 26, "class": "clause-body", "spellcheck": "true"}),
            "when": forms.TextInput(attrs={"class": "vLargeTextField clause-when"}),
        }
        help_texts = {"slug": "The file name under clauses/; it cannot change once saved."}

    def clean_body(self) -> str:
        return text_normalised(self.cleaned_data["body"])

    def clean_when(self) -> str:
        return " ".join(self.cleaned_data["when"].split())

    def clause_data(self) -> ClauseData | None:
        """The clause as the form would save it, or None while a field it needs is invalid."""
        data, instance = self.cleaned_data, self.instance
        section = data.get("section") or (instance.section if instance.section_id else None)
        if any(name in self.errors for name in ("section", "order", "when", "body")) or section is None:
            return None
        return ClauseData(
            slug=data.get("slug") or instance.slug or "new-clause", section=section.slug, title=data.get("title", ""),
            order=data.get("order") or 0, when=data.get("when", ""), satisfies=tuple(data.get("satisfies", ())),
            sources=tuple(data.get("sources", ())), body=data.get("body", ""),
        )  # fmt: skip


class ClauseForm(VersionedForm, ClauseDraftForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.conflict_check()
        clause = self.clause_data()
        if clause is not None:
            self.problems_add(clause_problems(clause))
        return cleaned


class EntitiesField(LinesField):
    """The company customers in a region deal with, one "REGION: Company" line each, stored as a mapping."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return "\n".join(f"{region}: {company}" for region, company in entities_from(value))
        return value

    def to_python(self, value: Any) -> dict[str, str]:  # type: ignore[override]
        found = {}
        for line in super().to_python(value):
            region, sep, company = line.partition(":")
            region = region.strip().upper()
            if not sep or not company.strip() or not re.fullmatch(r"[A-Z]{2}", region):
                raise ValidationError(
                    f"“{line}” is not “REGION: Company”. Write EU for the EU and EEA, or a country code such as GB."
                )
            found[region] = company.strip()
        return found


class ServiceForm(VersionedForm):
    receives = LinesField(rows=6, required=True, help_text="What the service receives, one phrase per line.")
    privacy_url = forms.URLField(assume_scheme="https", max_length=200)
    opt_out_url = forms.URLField(assume_scheme="https", max_length=200, required=False)
    entities = EntitiesField(
        rows=3,
        help_text="Where customers in a region deal with another company of the group, one line each: "
        "“EU: PayPal (Europe) S.à r.l. et Cie, S.C.A.”. EU covers the EU and EEA; other regions are country codes.",
    )

    class Meta:
        model = Service
        fields = (
            "slug", "name", "kind", "company", "entities", "country", "privacy_url", "receives", "purpose", "role",
            "safeguard", "opt_out_url", "sets_cookies", "retention_months", "checked", "order",
        )  # fmt: skip
        help_texts = {
            "slug": "What answers and drafts refer to; it cannot change once saved.",
            "role": "Joint: the company and the shop decide together how data is collected on the shop's site "
            "(an ad pixel, CJEU C-40/17 Fashion ID); after that the company decides alone, like a controller.",
            "safeguard": "What the company's own terms rely on for data from the EU and UK, in the words the policy "
            "reads: “EU-US Data Privacy Framework”, “UK Extension”, “standard contractual clauses”, "
            "“GDPR art. 49(1)(b)” (carriers only). Leave empty to let the company's country decide.",
            "checked": "The date you checked these facts against the company's own pages, as 2026-12-01.",
        }

    def clean_country(self) -> str:
        return self.cleaned_data["country"].strip().upper()

    def clean_checked(self) -> str:
        checked = self.cleaned_data.get("checked", "").strip()
        if checked and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked):
            raise ValidationError("Write the date as year-month-day: 2026-12-01.")
        return checked

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.conflict_check()
        if not self.errors:
            data = {name: cleaned.get(name, getattr(self.instance, name)) for name in ServiceData.__dataclass_fields__}
            typed = {"receives": tuple(data["receives"]), "entities": entities_from(data["entities"])}
            self.problems_add(service_problems(ServiceData(**data | typed)))
        return cleaned
