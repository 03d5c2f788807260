"""Skip rules: which steps, and which questions on a step, apply given the answers so far. formtools
calls the step rules with the wizard; the forms call the question rules with the answers they depend on."""

from typing import Any

from policybuilder.documents.applicability import laws_resolve
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


def sells_data(wizard: Any) -> bool:
    """The details of data sales only for a shop that sells personal data."""
    customers = wizard.get_cleaned_data_for_step("customers") or {}
    return customers.get("sells_data") == "yes"


def child_directed(wizard: Any) -> bool:
    """The parental consent method only for a shop aimed at children under 13 (COPPA)."""
    customers = wizard.get_cleaned_data_for_step("customers") or {}
    return customers.get("children") == "yes"


def size_topics(*, country: str, jurisdictions: list[str]) -> tuple[str, ...]:
    """The laws whose size tests the shop is asked about: "us-ca" (the CCPA) with California
    customers, "au" (the Privacy Act 1988) with Australian customers or an Australian shop, "gdpr"
    (art 27(2): occasional processing needs no representative) when a representative would be
    needed, "br" (the LGPD's small processing agents) with Brazilian customers or a Brazilian shop, "jp" (the APPI's
    representative and transfers abroad) and "cn" (the PIPL's separate consent) likewise."""
    asked = {
        "us-ca": "us-ca" in jurisdictions,
        "us-states": bool({"us", "us-ca"} & set(jurisdictions)) or country == "US",
        "au": "au" in jurisdictions or country == "AU",
        "gdpr": bool(representative_areas(country=country, jurisdictions=jurisdictions)),
        "br": "br" in jurisdictions or country == "BR",
        "jp": "jp" in jurisdictions or country == "JP",
        "cn": "cn" in jurisdictions or country == "CN",
    }
    return tuple(topic for topic, yes in asked.items() if yes)


def asks_size(wizard: Any) -> bool:
    """The size step only when some law that reaches the shop has a size test."""
    business = wizard.get_cleaned_data_for_step("business") or {}
    customers = wizard.get_cleaned_data_for_step("customers") or {}
    jurisdictions = list(customers.get("jurisdictions", []))
    return bool(size_topics(country=business.get("country", ""), jurisdictions=jurisdictions))


# The topics of the practices step, each a group of its questions.
PRACTICE_TOPICS = (
    "consent", "gpc", "gpc_account", "optout", "dnt", "marketing", "accounts", "phone", "fraud", "surveys", "ai"
)  # fmt: skip


def practice_topics(*, answers: dict[str, Any]) -> tuple[str, ...]:
    """The practices questions that apply to a shop, from its answers so far: the consent tool with
    analytics or ad tools; Global Privacy Control for a US-facing shop with ad tags or data sales (and
    its account question with accounts); the opt-out link's words for a shop with California customers
    that sells or shares data (the CCPA); Do Not Track for a US-facing shop (CalOPPA); the rest with
    the newsletter, accounts, phone orders, surveys or payments they are about. Security and other
    recipients are asked of every shop."""
    data, analytics = answers.get("data", {}), answers.get("analytics", {})
    business = answers.get("business", {})
    laws = laws_resolve(chosen=answers.get("jurisdictions", []), country=business.get("country", ""), children=False)
    sells_or_shares = bool(analytics.get("advertising") or answers.get("sells_data"))  # ad tags count as sharing
    gpc = laws.us and sells_or_shares
    applies = {
        "consent": bool(analytics.get("services") or analytics.get("advertising")),
        "gpc": gpc,
        "gpc_account": gpc and data.get("accounts", False),
        "optout": "us-ca" in answers.get("jurisdictions", []) and sells_or_shares,
        "dnt": laws.us,
        "marketing": bool(answers.get("newsletter")),
        "accounts": data.get("accounts", False),
        "phone": data.get("phone_orders", False),
        "surveys": data.get("surveys", False),
        "fraud": bool(answers.get("payments", {}).get("gateways")),
        "ai": laws.us,  # Connecticut's law asks every policy it reaches to say so (Public Act 25-113)
    }
    return tuple(topic for topic in PRACTICE_TOPICS if applies[topic])


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
