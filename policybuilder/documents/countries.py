"""Country names and the regional groupings that decide which transfers need a safeguard.

Names are in the active language (the policy's: assembly runs inside translation.override): English
as pycountry has it, other languages from pycountry's own translations of ISO 3166 (its locale files).
"""

import gettext
from functools import lru_cache

import pycountry
from django.utils.translation import get_language, to_locale

EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)
# Countries with an EU adequacy decision (GDPR art 45), as of 2026. The US decision covers only
# companies certified under the Data Privacy Framework, so the US is left to the catalogue's entry.
# Canada's covers organisations under PIPEDA (a Crown corporation is not: the catalogue says so).
# Brazil: Commission Implementing Decision of 26 January 2026, adopted with ANPD Resolution CD/ANPD
# 32/2026, which recognises the EU and EEA in return (checked on reports of both, 2026-12-01).
EU_ADEQUATE = frozenset(["AD", "AR", "BR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY"])
# Countries covered by UK adequacy regulations besides the EEA (the list the UK kept in 2021, Korea
# added in 2022; the US only through the UK Extension to the Data Privacy Framework, which the
# catalogue's safeguard tells). The Data (Use and Access) Act 2025 keeps existing regulations in force.
# Countries the Swiss Federal Council lists as protecting data adequately (FADP art. 16(1); Annex 1 of
# the Data Protection Ordinance, SR 235.11) besides the EEA. From the FDPIC's published list as we know
# it; not re-read this session. The US counts only for companies certified under the Swiss-US Data
# Privacy Framework, which the catalogue does not record yet, so US companies fall back to clauses.
CH_ADEQUATE = frozenset(["AD", "AR", "CA", "FO", "GB", "GG", "GI", "IL", "IM", "JE", "MC", "NZ", "UY"])
UK_ADEQUATE = frozenset(["AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "UY", "GI"])
# Names that read with "the" in a sentence ("based in the United States").
_WITH_THE = frozenset(["US", "GB", "NL", "AE", "PH", "CZ", "BS", "GM", "DO", "CF", "KY", "FK", "MV", "MH", "SB", "VA"])


def _locale() -> str:
    """The active language as pycountry names its locales ("fr", "pt_BR"); "" for English."""
    code = get_language() or "en"
    return "" if code.split("-")[0].lower() == "en" else to_locale(code)


@lru_cache(maxsize=16)
def _names(domain: str, locale: str) -> gettext.NullTranslations:
    """pycountry's translations of one ISO standard ("iso3166-1", "iso3166-2") into `locale`, one per language."""
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale], fallback=True)


def country_name(code: str) -> str:
    """The everyday name of an ISO 3166-1 alpha-2 code in the active language ('' for an unknown code)."""
    return _country_name(code, _locale())


@lru_cache(maxsize=2048)
def _country_name(code: str, locale: str) -> str:
    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return ""
    common = getattr(country, "common_name", None)
    if not locale:
        return common or country.name
    return _names("iso3166-1", locale).gettext(common or country.name)


def country_in(code: str) -> str:
    """'the United States' or 'Germany': the name as it stands after 'in'. In other languages the name
    alone: the clause's translation says what goes before it."""
    name = country_name(code)
    return f"the {name}" if code.upper() in _WITH_THE and not _locale() else name


def region_name(country: str, region: str) -> str:
    """The name of an ISO 3166-2 subdivision ('TX' in 'US' is 'Texas') in the active language, '' when unknown."""
    return _region_name(country, region, _locale())


@lru_cache(maxsize=512)
def _region_name(country: str, region: str, locale: str) -> str:
    if not country or not region:
        return ""
    subdivision = pycountry.subdivisions.get(code=f"{country.upper()}-{region.upper()}")
    if not subdivision:
        return ""
    return _names("iso3166-2", locale).gettext(subdivision.name) if locale else subdivision.name


def is_country(code: str) -> bool:
    return bool(country_name(code))


def is_region(country: str, region: str) -> bool:
    return bool(region_name(country, region))
