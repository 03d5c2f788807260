"""Country names and the regional groupings that decide which transfers need a safeguard."""

from functools import lru_cache

import pycountry

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


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The everyday English name of an ISO 3166-1 alpha-2 code ('' for an unknown code)."""
    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return ""
    return getattr(country, "common_name", None) or country.name


def country_in(code: str) -> str:
    """'the United States' or 'Germany': the name as it stands after 'in'."""
    name = country_name(code)
    return f"the {name}" if code.upper() in _WITH_THE else name


@lru_cache(maxsize=512)
def region_name(country: str, region: str) -> str:
    """The name of an ISO 3166-2 subdivision ('TX' in 'US' is 'Texas'), '' when unknown."""
    if not country or not region:
        return ""
    subdivision = pycountry.subdivisions.get(code=f"{country.upper()}-{region.upper()}")
    return subdivision.name if subdivision else ""


def is_country(code: str) -> bool:
    return bool(country_name(code))


def is_region(country: str, region: str) -> bool:
    return bool(region_name(country, region))
