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


@dataclass(frozen=True)
class Provider(ServiceData):
    """A service the shop uses: a catalogue entry, or one the owner added by name."""

    country_name: str = ""
    custom: bool = False

    @property
    def independent(self) -> bool:
        return self.role == "controller"


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
