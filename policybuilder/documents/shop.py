"""The shop as its policy names it: its contacts, its country and region, its representatives, and the
date of the policy as it writes it. facts_build resolves it from the "business" answers."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from policybuilder.documents import countries
from policybuilder.languages import SOURCE, language_active, long_date


@dataclass(frozen=True)
class Contact:
    name: str
    address: str
    email: str


@dataclass(frozen=True)
class Shop:
    name: str
    legal_name: str
    website: str
    email: str
    phone: str
    address: str
    country: str
    country_name: str
    country_in: str
    region: str
    region_name: str
    eu_representative: Contact | None
    uk_representative: Contact | None
    privacy_officer: str
    representative: str = ""  # the business's representative by name, for Japan's APPI (size.jp_representative)

    @property
    def outside_eu(self) -> bool:
        return self.country not in countries.EEA

    @property
    def outside_uk(self) -> bool:
        return self.country != "GB"

    @property
    def us_style_dates(self) -> bool:
        return self.country == "US"


def _contact(answer: dict[str, str] | None) -> Contact | None:
    if not answer:
        return None
    return Contact(name=answer["name"], address=answer.get("address", ""), email=answer.get("email", ""))


def date_written(value: str, *, us_style: bool) -> str:
    """The date as the policy writes it: in English "December 15, 2026" (a US shop) or "15 December 2026";
    in another language its own long date ("15 décembre 2026", "15. Dezember 2026", "1er mai 2026"), as the
    public pages write it (languages.long_date)."""
    day = date.fromisoformat(value)
    code = language_active()
    if code != SOURCE:
        return long_date(day, code)
    return f"{day:%B} {day.day}, {day.year}" if us_style else f"{day.day} {day:%B} {day.year}"


def shop_resolve(business: dict[str, Any], size: dict[str, Any] | None = None) -> Shop:
    country = business["country"].upper()
    region = business.get("region", "").upper()
    return Shop(
        name=business["name"],
        legal_name=business.get("legal_name") or business["name"],
        website=business.get("website", ""),
        email=business["email"],
        phone=business.get("phone", ""),
        # Optional: only some laws require a postal address (applicability.address_errors checks them).
        address=", ".join(line.strip() for line in business.get("address", "").splitlines() if line.strip()),
        country=country,
        country_name=countries.country_name(country),
        country_in=countries.country_in(country),
        region=region,
        region_name=countries.region_name(country, region),
        eu_representative=_contact(business.get("eu_representative")),
        uk_representative=_contact(business.get("uk_representative")),
        privacy_officer=business.get("privacy_officer", ""),
        representative=(size or {}).get("jp_representative", ""),
    )
