"""Providers: the services a shop uses, from the catalogue or added by the owner by name."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents import countries
from policybuilder.library.types import ServiceData

# What a service the catalogue lacks is assumed to receive, by kind: the least it needs to work. English
# here, translated when a provider is resolved (the policy's language is chosen per policy).
CUSTOM_DEFAULTS: dict[str, tuple[tuple[str, ...], str]] = {
    "payment": (
        # Translators: for a service the shop owner added by name: what it gets (a column of the recipients
        # table) and then, after each list, what for (a purpose, capitalised by the table).
        (gettext_noop("your name and billing details"), gettext_noop("your payment details"),
         gettext_noop("the amount you pay")),
        gettext_noop("take payments"),
    ),
    "analytics": (
        (gettext_noop("pages you view"), gettext_noop("device and browser details")),
        gettext_noop("measure how our site is used"),
    ),
    "advertising": (
        (gettext_noop("an ad identifier"), gettext_noop("pages you view and what you buy")),
        gettext_noop("show and measure our ads"),
    ),
    "newsletter": ((gettext_noop("your email address"), gettext_noop("which emails you open")), gettext_noop("send our newsletter")),
    "shipping": (
        (gettext_noop("your name"), gettext_noop("your delivery address"), gettext_noop("your phone number"),
         gettext_noop("parcel details")),
        gettext_noop("deliver your order"),
    ),
    "survey": (
        (gettext_noop("your survey answers"), gettext_noop("your email address, if you give it")),
        gettext_noop("run our customer surveys"),
    ),
    "platform": (
        (
            gettext_noop("your name, email address, phone number and addresses"),
            gettext_noop("your orders and whether you have paid"),
            gettext_noop("your IP address and device details, in its logs"),
        ),
        gettext_noop("run our online shop: the website, the checkout and our order records"),
    ),
}  # fmt: skip
# The regions a policy names a regional company for, and how it names them (after "customers in").
REGION_WHERE = {"EU": gettext_noop("the EU"), "GB": gettext_noop("the UK")}


@dataclass(frozen=True)
class Entity:
    """The company customers in one region deal with, where it is not the provider's usual company."""

    region: str  # "EU" (the EU and EEA) or an ISO country code ("GB")
    company: str

    @property
    def where(self) -> str:
        """The region after "customers in": "the EU", "the UK"."""
        where = REGION_WHERE.get(self.region)
        return _(where) if where else countries.country_in(self.region)


@dataclass(frozen=True)
class Provider(ServiceData):
    """A service the shop uses: a catalogue entry, or one the owner added by name."""

    country_name: str = ""
    custom: bool = False

    @property
    def independent(self) -> bool:
        """It decides for itself how it uses the data it gets, under its own notice. A joint controller
        does too, once the data has left the shop's site; only a processor acts on the shop's orders alone."""
        return self.role in ("controller", "joint")

    @property
    def joint(self) -> bool:
        """The shop and the company decide together how the data is collected on the shop's site and sent to
        the company (CJEU C-40/17, Fashion ID): joint controllers for that step, GDPR art. 26."""
        return self.role == "joint"

    @property
    def regional(self) -> tuple[Entity, ...]:
        """The companies customers in particular regions deal with, where they differ from `company`."""
        return tuple(Entity(region=region, company=company) for region, company in self.entities)

    @property
    def company_eu(self) -> str:
        """The company customers in the EU deal with: the EU entity where there is one, else `company`."""
        return dict(self.entities).get("EU", self.company)


def provider_resolve(entry: str | dict[str, str], *, kind: str, catalogue: dict[str, ServiceData]) -> Provider:
    """Turn one answer (a catalogue slug, or {name, privacy_url}) into a Provider."""
    if isinstance(entry, str):
        service = catalogue[entry]
        return Provider(**vars(service), country_name=countries.country_name(service.country))
    receives, purpose = CUSTOM_DEFAULTS[kind]
    receives, purpose = tuple(_(r) for r in receives), _(purpose)
    country = entry.get("country", "").upper()
    return Provider(
        slug="", name=entry["name"], kind=kind, company=entry["name"], country=country,
        country_name=countries.country_name(country),
        privacy_url=entry["privacy_url"], receives=receives, purpose=purpose, role="processor",
        safeguard="", opt_out_url="", sets_cookies=kind in {"analytics", "advertising"}, custom=True,
    )  # fmt: skip


def analytics_retention_months(analytics: tuple[Provider, ...]) -> int | None:
    """How long the shop's analytics tools keep data unless it changes their setting: the longest of the
    documented defaults (GA4 keeps event data 2 months unless set to 14), or None when none is known.

    Called by facts_build for retention_resolve's analytics default; the longest, because one stated
    period must hold for every tool the shop uses."""
    known = [p.retention_months for p in analytics if p.retention_months is not None]
    return max(known) if known else None
