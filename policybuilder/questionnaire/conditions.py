"""Skip rules: which steps apply, given the answers so far. formtools calls each with the wizard."""

from typing import Any

from policybuilder.documents.countries import EEA

# Steps whose answers decide which step comes next: their "Next" button cannot name it in advance.
DECIDING_STEPS = frozenset({"newsletter", "customers"})


def representative_areas(*, country: str, jurisdictions: list[str]) -> tuple[str, ...]:
    """Where the shop sells without being based there: "eu" and/or "uk" (GDPR art 27)."""
    areas = []
    if "eu" in jurisdictions and country not in EEA:
        areas.append("eu")
    if "uk" in jurisdictions and country != "GB":
        areas.append("uk")
    return tuple(areas)


def wizard_representative_areas(wizard: Any) -> tuple[str, ...]:
    business = wizard.get_cleaned_data_for_step("business") or {}
    customers = wizard.get_cleaned_data_for_step("customers") or {}
    return representative_areas(
        country=business.get("country", ""), jurisdictions=list(customers.get("jurisdictions", []))
    )


def has_newsletter(wizard: Any) -> bool:
    """Newsletter details only when there is a newsletter."""
    newsletter = wizard.get_cleaned_data_for_step("newsletter") or {}
    return newsletter.get("has_newsletter") == "yes"


def needs_representative(wizard: Any) -> bool:
    """Representatives only for a shop selling into the EU or the UK from outside it."""
    return bool(wizard_representative_areas(wizard))


def retention_periods(*, answers: dict[str, Any]) -> tuple[str, ...]:
    """The retention periods a shop's policy states, as answer keys: orders always, the rest
    only for data it collects. Missing flags mean what the engine assumes (server logs: yes)."""
    data = answers.get("data", {})
    analytics = answers.get("analytics", {})
    applies = {
        "orders_years": True,
        "account": data.get("accounts", False),
        "server_logs_days": data.get("server_logs", True),
        "support_months": data.get("contact_form", False),
        "surveys_months": data.get("surveys", False),
        "analytics_months": bool(analytics.get("services")),
        "advertising_months": bool(analytics.get("advertising")),
    }
    return tuple(key for key, yes in applies.items() if yes)
