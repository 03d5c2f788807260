"""Concrete retention periods: the shop's own answers, else documented defaults.

A policy never says "as long as necessary": every kind of data gets a number or a clear
event ("until you unsubscribe"). Order records follow the tax-record rule of the shop's country.
"""

from dataclasses import dataclass
from typing import Any

from policybuilder.documents.tax_records import tax_record_rule

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

    @property
    def account(self) -> str:
        if self.account_inactive_years:
            years = _plural(self.account_inactive_years, "year")
            return f"until you delete it, or {years} after you last sign in"
        return "until you delete it"

    @property
    def orders(self) -> str:
        return _plural(self.orders_years, "year")

    @property
    def server_logs(self) -> str:
        return _plural(self.server_logs_days, "day")

    @property
    def support(self) -> str:
        return _plural(self.support_months, "month")

    @property
    def surveys(self) -> str:
        return _plural(self.surveys_months, "month")

    @property
    def analytics(self) -> str:
        return _plural(self.analytics_months, "month")

    @property
    def advertising(self) -> str:
        return _plural(self.advertising_months, "month")


def _plural(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def retention_resolve(*, answers: dict[str, Any], country: str, analytics_default: int | None = None) -> Retention:
    """The retention periods for one shop: its answers first, then the defaults."""
    tax = tax_record_rule(country)
    default_years, rule = tax.years, tax.rule
    years = answers.get("orders_years", default_years)
    if "orders_years" in answers and years != default_years:
        rule = "our own record-keeping rules"
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
    )


def retention_stated(facts: Any) -> list[tuple[str, str, str]]:
    """(answer key, what is kept, period) for each period this shop's policy states."""
    r, d = facts.retention, facts.data
    stated = [
        ("orders_years", "order records", f"{r.orders}, under {r.orders_rule}"),
        ("account", "customer accounts", r.account),
        ("server_logs_days", "visit logs", r.server_logs),
        ("support_months", "customer messages", r.support),
        ("surveys_months", "survey answers", r.surveys),
        ("analytics_months", "analytics data", r.analytics),
        ("advertising_months", "advertising data", r.advertising),
    ]
    used = {
        "orders_years": True, "account": d.accounts, "server_logs_days": d.server_logs,
        "support_months": d.contact_form, "surveys_months": d.surveys,
        "analytics_months": bool(facts.analytics), "advertising_months": bool(facts.advertising),
    }  # fmt: skip
    return [row for row in stated if used[row[0]]]
