"""International transfers: which providers receive data abroad, and the safeguard each law asks for."""

from dataclasses import dataclass

from policybuilder.documents import countries
from policybuilder.documents.applicability import Laws
from policybuilder.documents.providers import Provider


@dataclass(frozen=True)
class Transfer:
    provider: Provider
    country_name: str
    safeguard: str


def _abroad(provider: Provider, *, shop_country: str, laws: Laws) -> bool:
    """Whether data sent to this provider leaves a place whose law the shop must answer to."""
    where = provider.country
    if not where:
        return False  # unknown for a service the owner added; coverage asks them to check
    home_block = countries.EEA if shop_country in countries.EEA else {shop_country}
    return (
        where not in home_block
        or (laws.eu and where not in countries.EEA)
        or (laws.uk and where != "GB")
        or (laws.ca and where != "CA")
        or (laws.au and where != "AU")
        or (laws.br and where != "BR")
    )


def transfer_safeguard(provider: Provider, *, laws: Laws) -> str:
    """The safeguard that lets data go to the provider's country, in the terms of the law that asks.

    Under the EU GDPR the catalogue's own entry wins: it knows the provider (a US company may or
    may not be certified under the Data Privacy Framework). The UK has its own adequacy rules and
    data bridge; other laws ask for a binding contract.
    """
    where = countries.country_in(provider.country)
    if laws.eu:
        if provider.safeguard:
            return provider.safeguard
        if provider.country in countries.EU_ADEQUATE:
            return f"an EU adequacy decision for {where}"
        return "standard contractual clauses"
    if laws.uk:
        if provider.country in countries.EEA or provider.country in countries.UK_ADEQUATE:
            return f"UK adequacy rules for {where}"
        if "Data Privacy Framework" in provider.safeguard:
            return "the UK Extension to the EU-US Data Privacy Framework"
        return "the UK International Data Transfer Addendum to standard contractual clauses"
    return "a contract that binds them to protect it"


def transfers_resolve(*, providers: tuple[Provider, ...], shop_country: str, laws: Laws) -> tuple[Transfer, ...]:
    return tuple(
        Transfer(provider=p, country_name=countries.country_in(p.country), safeguard=transfer_safeguard(p, laws=laws))
        for p in providers
        if _abroad(p, shop_country=shop_country, laws=laws)
    )
