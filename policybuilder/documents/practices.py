"""What the shop does, as the owner said it: consent tool, opt-out signals, marketing email, accounts,
security, other recipients, sensitive data and data sales. An unanswered or "not sure" practice is
"" (or empty), and a clause never states it: unconfirmed.py lists it for the owner instead."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents.lists import and_list
from policybuilder.documents.providers import Provider, provider_resolve
from policybuilder.documents.schema_practices import NOT_SURE
from policybuilder.languages import language_active, text_languages
from policybuilder.library.types import ServiceData

# The names are English here and translated where they are read (the policy's language is chosen per policy).
SPECIAL_NAMES = {
    # Translators: kinds of sensitive data, in lists ("We collect health information and ... only after you agree").
    "health": gettext_noop("health information"),
    "children": gettext_noop("information about children"),
    "precise_location": gettext_noop("precise location data"),
    "biometrics": gettext_noop("biometric information"),
}
CCPA_SENSITIVE = ("health", "precise_location", "biometrics")  # Cal. Civ. Code § 1798.140(ae)
RECIPIENT_NAMES = {
    # Translators: recipients in a list completing "We also share data with ...".
    "fraud_prevention": gettext_noop("fraud prevention services, to check orders for fraud"),
    "advisers": gettext_noop("our professional advisers, such as our accountant and lawyers, to get their advice"),
    "business_buyer": gettext_noop("a buyer of our business, or of part of it, if we sell it"),
}


@dataclass(frozen=True)
class Practices:
    consent_banner: str  # "tool" | "none" | "" (not said)
    consent_tool: str
    consent_link: str
    gpc: str  # "honoured" | "not_honoured" | ""
    gpc_how: str
    gpc_account: bool  # opt-outs by signal also apply to a signed-in account
    dnt: str  # how the site responds to Do Not Track: "no_change" | "stops_tracking" | ""
    marketing_email: str  # "none" | "past_buyers_opt_out" | "consent_only" | ""
    accounts_created: str  # "customer_password" | "shop_emails_password" | ""
    phone_cards: str  # "entered_not_kept" | "kept" | ""
    surveys_anonymous: str  # "yes" | "no" | ""
    survey_tool: Provider | None
    fraud_checks: str  # "automated_decline" | "human_review" | "none" | ""
    security: tuple[str, ...]  # the measures the owner confirmed
    other_recipients: tuple[str, ...]  # keys of RECIPIENT_NAMES
    ai_training: str = ""  # personal data used to train large language models: "yes" | "no" | ""

    @property
    def has_banner(self) -> bool:
        return self.consent_banner == "tool"

    @property
    def other_recipient_names(self) -> tuple[str, ...]:
        return tuple(_(RECIPIENT_NAMES[key]) for key in self.other_recipients)


@dataclass(frozen=True)
class Sensitive:
    known: bool  # the owner answered the question at all
    special: tuple[str, ...]  # keys of SPECIAL_NAMES the shop holds
    other_fields: tuple[str, ...]  # other details it asks for ("date of birth", "profession")
    purpose: str  # completes "We use it to ..."
    retention_months: int = 0  # 0: not said, kept as long as order records
    consent: bool = False  # the owner said the shop asks for consent before collecting it

    @property
    def special_names(self) -> tuple[str, ...]:
        return tuple(_(SPECIAL_NAMES[key]) for key in self.special)

    @property
    def ccpa_names(self) -> tuple[str, ...]:
        """What California law calls sensitive personal information among the special kinds held."""
        return tuple(_(SPECIAL_NAMES[key]) for key in self.special if key in CCPA_SENSITIVE)

    @property
    def purpose_phrase(self) -> str:
        """The owner's purpose, completing "We use it to ..."."""
        return _to_phrase(self.purpose)

    @property
    def held(self) -> bool:
        return bool(self.special or self.other_fields)

    @property
    def description(self) -> str:
        """'health information and your date of birth': everything beyond what every shop collects."""
        return and_list([*self.special_names, *self.other_fields])


@dataclass(frozen=True)
class Sales:
    categories: tuple[str, ...]
    buyers: tuple[str, ...]
    purpose: str
    sensitive: bool | None = None  # what is sold includes sensitive data; None: not said
    buyer_names: tuple[str, ...] = ()  # the buyers by name, where the owner gave them

    @property
    def purpose_phrase(self) -> str:
        """The buyers' purpose, completing "the buyers use it to ..."."""
        return _to_phrase(self.purpose)


# The word an owner's purpose may start with, by the policy's language: "to check orders", "um Bestellungen
# zu prüfen", "pour vérifier les commandes". The clauses write that word themselves ("We use it to ...",
# "solo para ...") or put the purpose after a colon, so it is taken off the owner's text. Only the leading
# word: German's closing "zu" belongs to the verb and stays. English is taken off in every language, since
# an owner may answer in English whatever the policy's language.
_PURPOSE_WORDS = {"en": "to ", "es": "para ", "fr": "pour ", "de": "um ", "pt-BR": "para ", "it": "per "}


def _to_phrase(purpose: str) -> str:
    """An owner's "to check ..." or "check ...", as the words that follow "to" in a sentence (or its
    word in the policy's language)."""
    phrase = purpose.strip()
    own = next((_PURPOSE_WORDS[c] for c in text_languages(language_active()) if c in _PURPOSE_WORDS), "")
    for word in (own, _PURPOSE_WORDS["en"]):  # a variant (fr-CA) uses its base's word
        if word and phrase.startswith(word):
            phrase = phrase.removeprefix(word)
            break
    return phrase.rstrip(".")


def _said(value: Any) -> str:
    """An answer as a clause may use it: "not sure" and absent both mean nothing is said."""
    return "" if value in (None, NOT_SURE) else str(value)


def practices_resolve(answers: dict[str, Any], *, catalogue: dict[str, ServiceData]) -> Practices:
    practices = answers.get("practices", {})
    newsletter_said = "newsletter" in answers
    marketing = _said(practices.get("marketing_email"))
    if not marketing and newsletter_said and answers["newsletter"] is None:
        marketing = "none"  # "Do you send a newsletter or marketing emails?" was answered No
    survey_tool = practices.get("survey_tool")
    return Practices(
        consent_banner=_said(practices.get("consent_banner")),
        consent_tool=practices.get("consent_tool", "").strip(),
        consent_link=practices.get("consent_link", "").strip(),
        gpc=_said(practices.get("gpc")),
        gpc_how=practices.get("gpc_how", "").strip(),
        gpc_account=practices.get("gpc_account") == "yes",
        dnt=_said(practices.get("dnt")),
        marketing_email=marketing,
        accounts_created=_said(practices.get("accounts_created")),
        phone_cards=_said(practices.get("phone_cards")),
        surveys_anonymous=_said(practices.get("surveys_anonymous")),
        survey_tool=provider_resolve(survey_tool, kind="survey", catalogue=catalogue) if survey_tool else None,
        fraud_checks=_said(practices.get("fraud_checks")),
        security=tuple(practices.get("security", ())),
        other_recipients=tuple(practices.get("other_recipients", ())),
        ai_training=_said(practices.get("ai_training")),
    )


def sensitive_resolve(answers: dict[str, Any]) -> Sensitive:
    sensitive = answers.get("sensitive")
    if sensitive is None:
        return Sensitive(known=False, special=(), other_fields=(), purpose="")
    return Sensitive(
        known=True,
        special=tuple(key for key in SPECIAL_NAMES if sensitive.get(key) is True),
        other_fields=tuple(f.strip() for f in sensitive.get("other_fields", ()) if f.strip()),
        purpose=sensitive.get("purpose", "").strip(),
        retention_months=int(sensitive.get("retention_months", 0)),
        consent=sensitive.get("consent") is True,
    )


def sales_resolve(answers: dict[str, Any]) -> Sales | None:
    if answers.get("sells_data") is not True:
        return None
    sales = answers.get("sales", {})
    return Sales(
        categories=tuple(sales.get("categories", ())),
        buyers=tuple(sales.get("buyers", ())),
        purpose=sales.get("purpose", ""),
        sensitive=sales.get("sensitive"),
        buyer_names=tuple(sales.get("buyer_names", ())),
    )
