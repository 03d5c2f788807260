"""The answers that say how the shop works and how big it is: the parts of the contract behind every
sentence about the shop's own practices. Each field is optional: a practice the answers do not state
is left out of the policy and listed under "To confirm" (documents/unconfirmed.py)."""

from typing import Any

from django.utils.translation import gettext_noop

from policybuilder.documents.us_states import consumer_bands, state_codes

NOT_SURE = "not_sure"
SECURITY_MEASURES = ("https", "hashed_passwords", "staff_access", "two_factor", "encrypted_storage")
OTHER_RECIPIENTS = ("fraud_prevention", "advisers", "business_buyer")
SENSITIVE_FLAGS = ("health", "children", "precise_location", "biometrics")
# Ways of getting verifiable parental consent that 16 CFR 312.5(b)(2) accepts.
PARENTAL_CONSENT = (
    "signed_form",
    "card_transaction",
    "phone_or_video",
    "id_check",
    "knowledge_questions",
    "email_plus",
)
US_CONSUMER_BANDS = tuple(band.key for band in consumer_bands())
US_STATE_CODES = state_codes()
AU_EXCEPTIONS = (
    "trades_in_personal_information",
    "health_service",
    "related_body",
    "government_contractor",
    "opted_in",
)


def _choice(*values: str) -> dict[str, Any]:
    return {"type": "string", "enum": [*values, NOT_SURE]}


def _text(max_length: int, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, **extra}


def _texts(max_items: int, max_length: int) -> dict[str, Any]:
    return {"type": "array", "maxItems": max_items, "items": _text(max_length, minLength=1)}


def _set(values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "array", "uniqueItems": True, "items": {"type": "string", "enum": list(values)}}


def _one_of(values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


def _amount(high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "maximum": high}


def practices_schema(*, survey_tool: dict[str, Any]) -> dict[str, Any]:
    """How the shop runs: consent tool, opt-out signals, email marketing, accounts, security, recipients."""
    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            "consent_banner": _choice("tool", "none"),
            "consent_tool": _text(120, description="the consent tool or banner, like Cookiebot"),
            "consent_link": _text(60, description="the words of the link that reopens cookie choices"),
            "gpc": _choice("honoured", "not_honoured"),
            "gpc_how": _text(300, description="completes 'When your browser sends it, ...'"),
            "gpc_account": _choice("yes", "no"),
            "dnt": _choice("no_change", "stops_tracking"),
            "optout_link": _text(80, description="the words of the link that lets visitors opt out of sale or sharing"),
            "marketing_email": _choice("none", "past_buyers_opt_out", "consent_only"),
            "accounts_created": _choice("customer_password", "shop_emails_password"),
            "phone_cards": _choice("entered_not_kept", "kept"),
            "surveys_anonymous": _choice("yes", "no"),
            "survey_tool": {"anyOf": [*survey_tool["anyOf"], {"type": "null"}],
                            "description": "must be {name, privacy_url} or null when you run surveys yourself"},
            "fraud_checks": _choice("automated_decline", "human_review", "none"),
            "security": _set(SECURITY_MEASURES),
            "other_recipients": _set(OTHER_RECIPIENTS),
            "ai_training": _choice("yes", "no"),
        },
    }  # fmt: skip


def sensitive_schema() -> dict[str, Any]:
    """Special and sensitive data the shop holds, and the other personal details it asks for."""
    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            **{flag: {"type": "boolean"} for flag in SENSITIVE_FLAGS},
            "other_fields": _texts(20, 80),
            "purpose": _text(300, description="completes 'We use it to ...'"),
            "retention_months": {"type": "integer", "minimum": 1, "maximum": 120},
            "consent": {"type": "boolean", "description": "you ask for consent before you collect it (US state laws, APPI art. 20(2), PIPL art. 29)"},
        },
    }  # fmt: skip


def sales_schema() -> dict[str, Any]:
    """What a shop that sells personal data sells, to whom, and why (GDPR art 13(1)(e); CCPA § 1798.115)."""
    return {
        "type": "object", "additionalProperties": False,
        "properties": {"categories": _texts(20, 120), "buyers": _texts(20, 120), "purpose": _text(300),
                       "buyer_names": {**_texts(50, 120), "description": "the businesses you sell to or may sell to, by name (Rhode Island)"},
                       "sensitive": {"type": "boolean", "description": "what you sell includes sensitive data (health, precise location, biometrics, children's data)"}},
    }  # fmt: skip


def coppa_schema() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False,
        "properties": {"parental_consent": {"type": "string", "enum": list(PARENTAL_CONSENT)}},
    }  # fmt: skip


def size_schema() -> dict[str, Any]:
    """The figures that decide whether a size-tested law applies (thresholds: clauses/laws.yaml)."""
    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            "annual_revenue_usd": {**_amount(10**12), "description": "total (gross) revenue last year, in US dollars (CCPA)"},
            "california_consumers": {**_amount(10**9), "description": "California consumers or households whose personal information you buy, sell or share a year (CCPA)"},
            "revenue_share_from_data_pct": {**_amount(100), "description": "percent of yearly revenue from selling or sharing personal information (CCPA)"},
            "au_turnover_aud": {**_amount(10**12), "description": "annual turnover in the last financial year, in Australian dollars (Privacy Act s 6D)"},
            "au_exceptions": {**_set(AU_EXCEPTIONS), "description": "exceptions to the small business exemption that apply, or [] for none (Privacy Act s 6D(4)-6EA)"},
            "gdpr_occasional": {**_choice("yes", "no"), "description": "your processing of EU/UK data is occasional and low-risk (GDPR art 27(2)): no representative needed"},
            "lgpd_small_agent": {**_choice("yes", "no"), "description": "a small processing agent under ANPD Resolution CD/ANPD 2/2022: no encarregado needed"},
            "us_consumers": {**_one_of(US_CONSUMER_BANDS), "description": "people in the US whose data you handle a year, buyers and site visitors (US state privacy laws)"},
            "us_state_consumers": {"type": "object", "additionalProperties": False,
                                   "properties": {code: _one_of(US_CONSUMER_BANDS) for code in US_STATE_CODES},
                                   "description": "for each state law's code (us-va ...), that state's residents among them"},
            "sba_small_business": {**_choice("yes", "no"), "description": "a small business by the US Small Business Administration's size standard (Texas, Nebraska, Minnesota)"},
            "jp_representative": {**_text(200), "description": "the name of the business's representative, such as its representative director (APPI art. 32(1)(i))"},
            "jp_transfers": {**_choice("contract", "consent"), "description": "how companies outside Japan, the EU and the UK may get data on customers in Japan: bound by contract to the APPI's standard, or with the customer's consent (APPI art. 28)"},
            "cn_consent": {**_choice("yes", "no"), "description": "a separate consent is asked before data on customers in China goes to another company for its own use or abroad (PIPL arts 23 and 39)"},
        },
    }  # fmt: skip


def not_applicable_schema(codes: tuple[str, ...]) -> dict[str, Any]:
    """For a law the shop is too small for: leave its section out, or give its rights anyway."""
    choice = {"type": "string", "enum": ["leave_out", "give_anyway"],
              "description": "when this law does not reach your business: leave its sections out, or give its rights anyway"}  # fmt: skip
    return {"type": "object", "additionalProperties": False, "properties": {code: choice for code in codes}}


def _part(answers: dict[str, Any], key: str) -> dict[str, Any]:
    value = answers.get(key)
    return value if isinstance(value, dict) else {}


def practice_errors(answers: Any) -> list[str]:
    """What a complete answer set must say that a schema cannot express: the details of data sales,
    the purpose of sensitive data, and a child-directed shop's consent method and limits."""
    if not isinstance(answers, dict):
        return []
    errors = []
    if answers.get("sells_data") is True:
        sales = _part(answers, "sales")
        for key, what in (("categories", "what personal data you sell"), ("buyers", "what kinds of business buy it"),
                          ("purpose", "what the buyers use it for")):  # fmt: skip
            if not sales.get(key):
                errors.append(f"sales.{key}: you said you sell personal data: say {what}")
    sensitive = _part(answers, "sensitive")
    if (any(sensitive.get(f) is True for f in SENSITIVE_FLAGS) or sensitive.get("other_fields")) and not sensitive.get(
        "purpose"
    ):
        errors.append("sensitive.purpose: say why you ask for these details, so the policy can tell customers")
    return errors + coppa_errors(answers) + coppa_retention_errors(answers)


def coppa_errors(answers: dict[str, Any]) -> list[str]:
    """COPPA (16 CFR 312.4-312.5): a shop made for children under 13 needs verifiable parental consent
    before it collects a child's data, and may not pass it on for ads or sale without that consent."""
    if answers.get("children") is not True:
        return []
    errors = []
    analytics = _part(answers, "analytics")
    if analytics.get("advertising"):
        errors.append(
            "analytics.advertising: a shop made for children under 13 cannot run ad tags. They collect "
            "children's data for ads, which COPPA (16 CFR 312.5) allows only with a parent's verifiable "
            "consent for that use. Remove the ad tags, or answer that the shop is not aimed at children"
        )
    if answers.get("sells_data") is True:
        errors.append(
            "sells_data: under COPPA, a shop made for children under 13 cannot sell their data without "
            "separate verifiable parental consent (16 CFR 312.5(a)(2)). Stop selling data, or answer No"
        )
    coppa = _part(answers, "coppa")
    if not coppa.get("parental_consent"):
        errors.append(
            "coppa.parental_consent: say how you get a parent's verifiable consent before you collect a "
            "child's data (16 CFR 312.5(b)), for example a signed form or a small card payment; "
            "COPPA requires the policy to say so (16 CFR 312.4(d))"
        )
    return errors


# English in the answers contract's errors, like the others there; the retention form shows it translated.
COPPA_ACCOUNT_LIMIT = gettext_noop(
    # Translators: an error on the retention form, which capitalises its first letter and adds a full stop.
    "under COPPA, a shop made for children under 13 may keep a child's data only as long as it needs it, "
    "never without limit (16 CFR 312.10): give the number of years after the last sign-in when you delete an account"
)


def coppa_retention_errors(answers: dict[str, Any]) -> list[str]:
    """A child-directed shop with accounts must say when an unused account is deleted (asked on the
    retention page, so not part of coppa_errors, which the COPPA page shows)."""
    if answers.get("children") is not True or _part(answers, "data").get("accounts") is not True:
        return []
    kept = _part(answers, "retention").get("account", "until_deleted")
    return [f"retention.account: {COPPA_ACCOUNT_LIMIT}"] if kept == "until_deleted" else []
