"""PolicyAnswers -> PolicyFacts: the one typed context every clause template sees.

Answers are what the shop owner said; facts add what follows from them: the catalogue
entries behind each service slug, the laws that apply, where data goes abroad, the
retention periods and the inventory of data kinds. Clauses only ever read facts.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from policybuilder.documents.applicability import laws_resolve
from policybuilder.documents.disclosures import Disclosure, disclosures_build
from policybuilder.documents.grouping import RecipientRow, TransferTable, recipient_rows, transfer_table
from policybuilder.documents.inventory import DataKind, kinds_build
from policybuilder.documents.laws import Laws
from policybuilder.documents.practices import (
    Practices,
    Sales,
    Sensitive,
    practices_resolve,
    sales_resolve,
    sensitive_resolve,
)
from policybuilder.documents.providers import Provider, analytics_retention_months, provider_resolve
from policybuilder.documents.retention import Retention, retention_resolve
from policybuilder.documents.shop import Shop, date_written, shop_resolve
from policybuilder.documents.spelling import catalogue_us
from policybuilder.documents.transfers import Transfer, transfers_resolve
from policybuilder.languages import VERSION_IN
from policybuilder.library.types import ServiceData


@dataclass(frozen=True)
class Data:
    accounts: bool
    contact_form: bool
    surveys: bool
    reviews: bool
    phone_orders: bool
    server_logs: bool
    essential_cookies: bool


@dataclass(frozen=True)
class Payments:
    providers: tuple[Provider, ...]
    stores_card_numbers: bool
    card_numbers_known: bool  # the owner said whether the shop stores card numbers
    card_gateway: bool = False  # a provider takes card numbers itself and shows the shop the card's type and end

    @property
    def independent(self) -> tuple[Provider, ...]:
        return tuple(p for p in self.providers if p.independent)


@dataclass(frozen=True)
class Shipping:
    carriers: tuple[Provider, ...]
    ships_from: str
    international: bool


@dataclass(frozen=True)
class PolicyFacts:
    shop: Shop
    data: Data
    payments: Payments
    analytics: tuple[Provider, ...]
    advertising: tuple[Provider, ...]
    platform: Provider | None  # the company that hosts the shop and holds its orders; None on the shop's own site
    newsletter: Provider | None
    double_opt_in: bool
    shipping: Shipping
    laws: Laws
    children: bool
    teens: bool | None  # aimed at teenagers under 16; None when the owner has not said
    sells_data: bool
    sells_data_known: bool  # the owner said whether the shop sells data: only then does a policy say it does not
    effective_date: str
    effective_date_iso: str
    language: str
    # The language version the owner says prevails where versions differ, named as the policy writes it after
    # "the version in"; "" (the default): each version stands on its own. prevails_here: this is that version.
    prevailing: str
    prevails_here: bool
    versions_url: str  # where the published policy's earlier versions are listed; "" until it is published
    retention: Retention
    practices: Practices
    sensitive: Sensitive
    sales: Sales | None  # what is sold, to whom and why; None unless the shop sells data
    parental_consent: str  # how a child-directed shop gets verifiable parental consent ("" otherwise)
    transfers: tuple[Transfer, ...] = field(default=())
    kinds: tuple[DataKind, ...] = field(default=())  # filled in by facts_build
    ccpa_disclosed: tuple[Disclosure, ...] = field(default=())  # to service providers, for a business purpose
    ccpa_shared: tuple[Disclosure, ...] = field(default=())  # to ad platforms: "sharing" under the CCPA

    @property
    def services(self) -> tuple[Provider, ...]:
        platform = (self.platform,) if self.platform else ()
        newsletter = (self.newsletter,) if self.newsletter else ()
        survey_tool = (self.practices.survey_tool,) if self.practices.survey_tool else ()
        return (
            *platform,
            *self.payments.providers,
            *self.analytics,
            *self.advertising,
            *newsletter,
            *survey_tool,
            *self.shipping.carriers,
        )

    @property
    def cookie_trackers(self) -> tuple[Provider, ...]:
        return tuple(p for p in (*self.analytics, *self.advertising) if p.sets_cookies)

    @property
    def uses_cookies(self) -> bool:
        return self.data.essential_cookies or self.data.accounts or bool(self.cookie_trackers)

    @property
    def third_party_tracking(self) -> bool:
        return bool(self.analytics or self.advertising)

    @property
    def sells_or_shares(self) -> bool:
        return self.sells_data or bool(self.advertising)

    @property
    def consent_based(self) -> bool:
        return bool(
            self.newsletter or self.cookie_trackers or self.advertising or self.data.surveys or self.data.reviews
        )

    @property
    def ccpa_collected(self) -> tuple[str, ...]:
        """Every CCPA category collected, in the order the data kinds list them."""
        return tuple(dict.fromkeys(c for kind in self.kinds for c in kind.ccpa))

    @property
    def transfer_countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.country_name for t in self.transfers))

    @property
    def independent_providers(self) -> tuple[Provider, ...]:
        return tuple(p for p in self.services if p.independent)

    @property
    def processors(self) -> tuple[Provider, ...]:
        return tuple(p for p in self.services if not p.independent)

    @property
    def processor_rows(self) -> tuple[RecipientRow, ...]:
        return recipient_rows(self.processors, laws=self.laws, shop_country=self.shop.country)

    @property
    def controller_rows(self) -> tuple[RecipientRow, ...]:
        return recipient_rows(self.independent_providers, laws=self.laws, shop_country=self.shop.country)

    @property
    def transfer_table(self) -> TransferTable:
        return transfer_table(self.transfers)


def carrier_scoped(carrier: Provider, *, international: bool, english: ServiceData | None) -> Provider:
    """A carrier as this shop uses it: customs data only for a shop that ships abroad. The catalogue
    lists everything a carrier can receive; a policy must not tell a domestic shop's customers about customs.
    The customs items are found in the English entry (`english`), the one language the catalogue is written
    in first: a translation lists the same items in the same order."""
    if international:
        return carrier
    source = english.receives if english else carrier.receives
    abroad = {i for i, item in enumerate(source) if "customs" in item.lower()}
    return replace(carrier, receives=tuple(r for i, r in enumerate(carrier.receives) if i not in abroad))


def _takes_cards(entry: ServiceData | None) -> bool:
    """A card gateway: the catalogue's English entry says it receives the card number itself (Stripe, Adyen).
    A wallet or pay-later service (PayPal, Klarna, Apple Pay) keeps the card to itself, and a service the
    owner added by name says nothing: the shop's record then holds only how the customer paid."""
    return entry is not None and any(item.startswith("your card number") for item in entry.receives)


def facts_build(
    *, answers: dict[str, Any], catalogue: dict[str, ServiceData], english: dict[str, ServiceData] | None = None
) -> PolicyFacts:
    """Derive the facts from a validated answer set; called once per policy assembly. `catalogue` is in the
    policy's language; `english` is the same catalogue in English when it is not (see carrier_scoped)."""
    english = english or catalogue
    shop = shop_resolve(answers["business"], answers.get("size"))
    catalogue = catalogue_us(catalogue, us=shop.us_style_dates)  # "cart", not "basket", for a US shop
    data = answers.get("data", {})
    jurisdictions = answers.get("jurisdictions", [])
    children = bool(answers.get("children", False))
    laws = laws_resolve(chosen=jurisdictions, country=shop.country, children=children, answers=answers)

    def resolve(entries: list[Any], kind: str) -> tuple[Provider, ...]:
        return tuple(provider_resolve(e, kind=kind, catalogue=catalogue) for e in entries)

    payments, analytics = answers["payments"], answers.get("analytics", {})
    newsletter, shipping = answers.get("newsletter"), answers.get("shipping", {})
    platform = answers.get("platform")
    facts = PolicyFacts(
        shop=shop,
        data=Data(
            accounts=bool(data.get("accounts", False)),
            contact_form=bool(data.get("contact_form", False)),
            surveys=bool(data.get("surveys", False)),
            reviews=bool(data.get("reviews", False)),
            phone_orders=bool(data.get("phone_orders", False)),
            server_logs=bool(data.get("server_logs", True)),
            essential_cookies=bool(data.get("essential_cookies", True)),
        ),
        payments=Payments(
            providers=resolve(payments["gateways"], "payment"),
            stores_card_numbers=bool(payments.get("stores_card_numbers", False)),
            card_numbers_known="stores_card_numbers" in payments,
            card_gateway=any(_takes_cards(english.get(str(g))) for g in payments["gateways"]),
        ),
        analytics=resolve(analytics.get("services", []), "analytics"),
        advertising=resolve(analytics.get("advertising", []), "advertising"),
        platform=provider_resolve(platform, kind="platform", catalogue=catalogue) if platform else None,
        newsletter=provider_resolve(newsletter["provider"], kind="newsletter", catalogue=catalogue)
        if newsletter
        else None,
        double_opt_in=bool(newsletter and newsletter.get("double_opt_in", False)),
        shipping=Shipping(
            carriers=tuple(
                carrier_scoped(c, international=bool(shipping.get("international", False)), english=english.get(c.slug))
                for c in resolve(shipping.get("carriers", []), "shipping")
            ),
            ships_from=shipping.get("ships_from", ""),
            international=bool(shipping.get("international", False)),
        ),
        laws=laws,
        children=children,
        teens=answers.get("teens"),
        sells_data=bool(answers.get("sells_data", False)),
        sells_data_known="sells_data" in answers,
        effective_date=date_written(answers["effective_date"], us_style=shop.us_style_dates),
        effective_date_iso=answers["effective_date"],
        language=answers.get("language", "en"),
        prevailing=str(VERSION_IN[answers["prevailing_language"]]) if answers.get("prevailing_language") else "",
        prevails_here=answers.get("prevailing_language") == answers.get("language", "en"),
        versions_url=answers.get("publication", {}).get("versions_url", ""),
        retention=retention_resolve(
            answers=answers.get("retention", {}),
            country=shop.country,
            analytics_default=analytics_retention_months(resolve(analytics.get("services", []), "analytics")),
        ),
        practices=practices_resolve(answers, catalogue=catalogue),
        sensitive=sensitive_resolve(answers),
        sales=sales_resolve(answers),
        parental_consent=answers.get("coppa", {}).get("parental_consent", "") if children else "",
    )
    transfers = transfers_resolve(providers=facts.services, shop_country=shop.country, laws=laws)
    kinds = kinds_build(facts)
    return replace(
        facts,
        transfers=transfers,
        kinds=kinds,
        ccpa_disclosed=disclosures_build(facts, kinds=kinds, advertising=False),
        ccpa_shared=disclosures_build(facts, kinds=kinds, advertising=True),
    )
