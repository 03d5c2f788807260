"""The step that lets the owner change how long the policy says each kind of data is kept.

Every field is optional: empty means the documented default (documents/retention.py), which each
hint names for this shop's country. The allowed ranges come from the answers schema, so the form
accepts exactly what the command line accepts.
"""

from dataclasses import dataclass
from typing import Any

from crispy_forms.bootstrap import AppendedText
from crispy_forms.layout import Layout
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.retention import retention_resolve
from policybuilder.documents.schema import answers_schema
from policybuilder.documents.schema_practices import COPPA_ACCOUNT_LIMIT
from policybuilder.questionnaire.conditions import retention_periods
from policybuilder.questionnaire.fields import StepForm
from policybuilder.questionnaire.i18n import Text


@dataclass(frozen=True)
class Period:
    label: Text  # reads as a sentence with the unit after the box: "Keep order records for [6] years"
    unit: str  # "years", "days" or "months" (UNITS has the word the page shows)
    hint: Text  # what the period covers, before "Leave empty to ..."


# The retention answers the form asks about, in page order, by their key in the answers contract.
PERIODS = {
    "orders_years": Period(
        _("Keep order records for"), "years", _("Invoices and order details, counted from each order.")
    ),
    "account": Period(
        _("Delete an unused account after"), "years", _("An account nobody signs in to for this long is deleted.")
    ),
    "server_logs_days": Period(
        _("Keep visit logs for"), "days", _("IP addresses and pages visited, as your web host records them.")
    ),  # fmt: skip
    "support_months": Period(
        _("Keep customer messages for"), "months", _("Questions customers send you, counted from your last reply.")
    ),  # fmt: skip
    "surveys_months": Period(_("Keep survey answers for"), "months", _("Counted from when the survey closes.")),
    "analytics_months": Period(
        _("Keep analytics data for"), "months", _("What your analytics tools record about visits.")
    ),
    "advertising_months": Period(_("Keep advertising data for"), "months", _("What your ad tags and pixels record.")),
}
# The word after each box, and what the hint and the error message say of a unit, each a whole sentence.
UNITS = {"years": _("years"), "days": _("days"), "months": _("months")}
RANGES = {
    "years": _("Or give %(low)d to %(high)d years."),
    "days": _("Or give %(low)d to %(high)d days."),
    "months": _("Or give %(low)d to %(high)d months."),
}
MISTAKES = {
    "years": _("Give a whole number of years from %(low)d to %(high)d, or leave it empty to use %(usual)s."),
    "days": _("Give a whole number of days from %(low)d to %(high)d, or leave it empty to use %(usual)s."),
    "months": _("Give a whole number of months from %(low)d to %(high)d, or leave it empty to use %(usual)s."),
}


def _limits() -> dict[str, tuple[int, int]]:
    """Each period's (lowest, highest) number in the answers schema; `account` also takes a word."""
    rules = answers_schema(catalogue_slugs={})["properties"]["retention"]["properties"]
    limits = {}
    for key, rule in rules.items():
        number = next(choice for choice in rule.get("anyOf", [rule]) if choice.get("type") == "integer")
        limits[key] = (number["minimum"], number["maximum"])
    return limits


LIMITS = _limits()


def _amount(number: int, unit: str) -> str:
    """A number of years, days or months in words: "1 year", "6 years"."""
    if unit == "years":
        words = ngettext("%(number)d year", "%(number)d years", number)
    elif unit == "days":
        words = ngettext("%(number)d day", "%(number)d days", number)
    else:
        words = ngettext("%(number)d month", "%(number)d months", number)
    return words % {"number": number}


def _usual(country: str) -> tuple[dict[str, str], str]:
    """How long each kind of data is kept when its field is left empty, in words ("" for an account
    that stays until the customer deletes it), and the tax rule behind the orders period."""
    usual = retention_resolve(answers={}, country=country)
    words = {key: _amount(getattr(usual, key), PERIODS[key].unit) for key in PERIODS if key != "account"}
    words["account"] = _amount(usual.account_inactive_years, "years") if usual.account_inactive_years else ""
    return words, usual.orders_rule  # the rule in English: clauses/tax-records.yaml names it


class RetentionForm(StepForm):
    title = _("How long you keep data")
    decided_by = ("business", "data", "analytics", "customers")
    intro = _(
        "The policy tells customers how long you keep each kind of data. Leave a box empty to use the usual "
        "period named under it; fill it in only if you keep that data for a different time."
    )

    def __init__(
        self,
        *args: Any,
        country: str = "",
        periods: tuple[str, ...] = tuple(PERIODS),
        children: bool = False,
        **kwargs: Any,
    ):
        self.periods, self.children = periods, children
        self.usual, self.tax_rule = _usual(country)
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        for key in (k for k in PERIODS if k in self.periods):
            period, (low, high) = PERIODS[key], LIMITS[key]
            said = {"low": low, "high": high, "usual": self.usual[key], "rule": self.tax_rule}
            if not self.usual[key]:  # an account that stays until the customer deletes it
                mistake = gettext(
                    "Give a whole number of years from %(low)d to %(high)d, or leave it empty to keep each account "
                    "until the customer deletes it."
                )
                empty = gettext("Leave empty to keep each account until the customer deletes it.")
            elif key == "orders_years":
                mistake, empty = str(MISTAKES[period.unit]), gettext("Leave empty to use %(usual)s, under %(rule)s.")
            else:
                mistake, empty = str(MISTAKES[period.unit]), gettext("Leave empty to use %(usual)s.")
            mistake = mistake % said
            self.fields[key] = forms.IntegerField(
                label=period.label,
                required=False,
                min_value=low,
                max_value=high,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                help_text=" ".join((str(period.hint), empty % said, RANGES[period.unit] % said)),
                error_messages={"invalid": mistake, "min_value": mistake, "max_value": mistake},
            )

    def layout(self) -> Layout:
        return Layout(*(AppendedText(key, str(UNITS[PERIODS[key].unit])) for key in self.fields))

    def clean_account(self) -> int | None:
        """A shop made for children may not keep accounts without limit (COPPA, 16 CFR 312.10)."""
        value: int | None = self.cleaned_data.get("account")
        if value is None and self.children:
            limit = gettext(COPPA_ACCOUNT_LIMIT)
            raise forms.ValidationError(limit[:1].upper() + limit[1:] + ".")
        return value

    def answers(self) -> dict[str, Any]:
        given = {key: value for key, value in self.cleaned_data.items() if value is not None}
        return {"retention": given} if given else {}

    def summary(self) -> list[tuple[str, str]]:
        pairs = []
        for key, field in self.fields.items():
            value = self.cleaned_data.get(key)
            if value is None and self.usual[key]:
                said = gettext("%(period)s (the usual period)") % {"period": capfirst(self.usual[key])}
                pairs.append((str(field.label), said))
            elif value is None:
                never = gettext("Never: it stays until the customer deletes it (the usual period)")
                pairs.append((str(field.label), never))
            else:
                pairs.append((str(field.label), _amount(value, PERIODS[key].unit)))
        return pairs

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "business" not in answers:
            return None
        retention = answers.get("retention", {})
        # "until_deleted" is what an empty account field means already.
        return {key: value for key, value in retention.items() if key in PERIODS and isinstance(value, int)}

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        country = answers.get("business", {}).get("country", "")
        children = answers.get("children") is True
        return {"country": country, "periods": retention_periods(answers=answers), "children": children}
