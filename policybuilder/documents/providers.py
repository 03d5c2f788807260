"""Providers: the services a shop uses, from the catalogue or added by the owner by name."""

from dataclasses import dataclass

from policybuilder.documents import countries
from policybuilder.library.types import ServiceData

# What a service the catalogue lacks is assumed to receive, by kind: the least it needs to work.
CUSTOM_DEFAULTS: dict[str, tuple[tuple[str, ...], str]] = {
    "payment": (("your name and billing details", "your payment details", "the amount you pay"), "take payments"),
    "analytics": (("pages you view", "device and browser details"), "measure how our site is used"),
    "advertising": (("an ad identifier", "pages you view and what you buy"), "show and measure our ads"),
    "newsletter": (("your email address", "which emails you open"), "send our newsletter"),
    "shipping": (("your name", "your delivery address", "your phone number", "parcel details"), "deliver your order"),
    "survey": (("your survey answers", "your email address, if you give it"), "run our customer surveys"),
    "platform": (
        (
            "your name, email address, phone number and addresses",
            "your orders and whether you have paid",
            "your IP address and device details, in its logs",
        ),
        "run our online shop: the website, the checkout and our order records",
    ),
}
# The regions a policy names a regional company for, and how it names them.
REGION_WHERE = {"EU": "the EU", "GB": "the UK"}


@dataclass(frozen=True)
class Entity:
    """The company customers in one region deal with, where it is not the provider's usual company."""

    region: str  # "EU" (the EU and EEA) or an ISO country code ("GB")
    company: str

    @property
    def where(self) -> str:
        """The region after "customers in": "the EU", "the UK"."""
        return REGION_WHERE.get(self.region) or countries.country_in(self.region)


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
