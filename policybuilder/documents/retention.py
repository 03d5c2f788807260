"""Concrete retention periods: the shop's own answers, else documented defaults.

A policy never says "as long as necessary": every kind of data gets a number or a clear
event ("until you unsubscribe"). Order records follow the tax-record rule of the shop's country.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from policybuilder.documents.tax_records import tax_record_rule
from policybuilder.languages import language_active

# Years a business must keep order and invoice records, and the rule behind the number, live in
# clauses/tax-records.yaml, one row per country (documents/tax_records.py reads it).

DEFAULTS = {
    "server_logs_days": 30,
    "support_months": 24,
    "surveys_months": 12,
    "analytics_months": 14,
    "advertising_months": 13,
    "account_inactive_years": 0,  # 0: an account stays until its owner deletes it
}


@dataclass(frozen=True)
class Retention:
    orders_years: int
    orders_rule: str
    server_logs_days: int
    support_months: int
    surveys_months: int
    analytics_months: int
    advertising_months: int
    account_inactive_years: int
    orders_counted_from: str = ""  # the tax rule's "calendar_year" | "financial_year"; "" from the order

    # The periods are words in the active language (the policy's, during assembly): "6 years", "30 days".

    @property
    def account(self) -> str:
        if self.account_inactive_years:
            # Translators: how long an account is kept; %(period)s is a number of years ("3 years").
            return _("until you delete it, or %(period)s after you last sign in") % {
                "period": _years(self.account_inactive_years)
            }
        # Translators: how long an account is kept.
        return _("until you delete it")

    @property
    def orders(self) -> str:
        return _years(self.orders_years)

    @property
    def server_logs(self) -> str:
        return _days(self.server_logs_days)

    @property
    def support(self) -> str:
        return _months(self.support_months)

    @property
    def surveys(self) -> str:
        return _months(self.surveys_months)

    @property
    def analytics(self) -> str:
        return _months(self.analytics_months)

    @property
    def advertising(self) -> str:
        return _months(self.advertising_months)


def _years(number: int) -> str:
    return ngettext("%(number)d year", "%(number)d years", number) % {"number": number}


def _days(number: int) -> str:
    return ngettext("%(number)d day", "%(number)d days", number) % {"number": number}


def _months(number: int) -> str:
    return ngettext("%(number)d month", "%(number)d months", number) % {"number": number}


def retention_resolve(*, answers: dict[str, Any], country: str, analytics_default: int | None = None) -> Retention:
    """The retention periods for one shop: its answers first, then the defaults."""
    tax = tax_record_rule(country)
    # A confirmed rule is the reviewed file's, in the language being written: its translation there, or the
    # English while that is missing or stale (translate.py's tax_rule_errors then refuses the policy). The
    # unconfirmed default is our own phrase, in the gettext catalogue.
    default_years = tax.years
    rule = (tax.rule_in(language_active()) or tax.rule) if tax.confirmed else _(tax.rule)
    years = answers.get("orders_years", default_years)
    counted_from = tax.counted_from
    if "orders_years" in answers and years != default_years:
        # Translators: completes "to meet ..." and "under ..." after a retention period.
        rule = _("our own record-keeping rules")
        counted_from = ""
    account = answers.get("account", "until_deleted")
    inactive = DEFAULTS["account_inactive_years"] if account == "until_deleted" else int(account)
    return Retention(
        orders_years=years,
        orders_rule=rule,
        server_logs_days=answers.get("server_logs_days", DEFAULTS["server_logs_days"]),
        support_months=answers.get("support_months", DEFAULTS["support_months"]),
        surveys_months=answers.get("surveys_months", DEFAULTS["surveys_months"]),
        analytics_months=answers.get("analytics_months", analytics_default or DEFAULTS["analytics_months"]),
        advertising_months=answers.get("advertising_months", DEFAULTS["advertising_months"]),
        account_inactive_years=inactive,
        orders_counted_from=counted_from,
    )


def retention_stated(facts: Any) -> list[tuple[str, str, str]]:
    """(answer key, what is kept, period) for each period this shop's policy states."""
    r, d = facts.retention, facts.data
    # Translators: a retention period and the rule behind it: "6 years, under the German tax code (...)".
    orders = _("%(period)s, under %(rule)s") % {"period": r.orders, "rule": r.orders_rule}
    stated = [
        # Translators: what is kept, completing "How long do you keep ...?" (a question in the "To confirm" list).
        ("orders_years", _("order records"), orders),
        ("account", _("customer accounts"), r.account),
        ("server_logs_days", _("visit logs"), r.server_logs),
        ("support_months", _("customer messages"), r.support),
        ("surveys_months", _("survey answers"), r.surveys),
        ("analytics_months", _("analytics data"), r.analytics),
        ("advertising_months", _("advertising data"), r.advertising),
    ]  # fmt: skip
    used = {
        "orders_years": True, "account": d.accounts, "server_logs_days": d.server_logs,
        "support_months": d.contact_form, "surveys_months": d.surveys,
        "analytics_months": bool(facts.analytics), "advertising_months": bool(facts.advertising),
    }  # fmt: skip
    return [row for row in stated if used[row[0]]]
