"""International transfers, decided law by law: for each law with rules on data leaving its territory,
whether data about its customers reaches a recipient outside that territory, and what allows it.

A decision is (recipient, destination, law): one provider can be no transfer under one law (a German
carrier, for EU customers) and a transfer under another (the same carrier, for a shop's UK customers).
The shop itself counts: a shop outside the EEA or the UK holds its customers' data in its own country.
The data customers give it directly is not a transfer under the GDPR's Chapter V (EDPB Guidelines 05/2021,
final version of 14 February 2023: no exporter) nor a restricted transfer for the ICO (the shop does not
initiate one), and Brazil's ANPD treats collection straight from the customer the same way (Resolution
CD/ANPD 19/2024); those laws apply to the shop directly (GDPR and UK GDPR art. 3(2), LGPD art. 3), so
the policy says where the data is held and names no safeguard.

Transfer groups one recipient's decisions, so a clause prints one line per recipient.

What allows each transfer, law by law, is decided in safeguards.py.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from policybuilder.documents import countries
from policybuilder.documents.laws import Laws
from policybuilder.documents.lists import and_list
from policybuilder.documents.providers import Provider
from policybuilder.documents.safeguards import LawDecision, transfer_decision

TERRITORY: dict[str, frozenset[str]] = {
    "eu": countries.EEA,
    "uk": frozenset({"GB"}),
    "br": frozenset({"BR"}),
    "ca": frozenset({"CA"}),
    "au": frozenset({"AU"}),
    "ch": frozenset({"CH"}),
    "jp": frozenset({"JP"}),
    "cn": frozenset({"CN"}),
}
# Where each law's customers live, after "customers in" (translated where read: `place`). A country's name
# has a context: the questionnaire's list of places (questionnaire/customer_forms.py) has the same English
# words as a checkbox label, where German says "Schweiz", not this table's "der Schweiz".
PLACE = {
    # Translators: where a law's customers live, after "customers in" ("For customers in the EU").
    "eu": gettext_lazy("the EU"),
    "uk": gettext_lazy("the UK"),
    "br": pgettext_lazy("place, as in 'customers in …'", "Brazil"),
    "ca": pgettext_lazy("place, as in 'customers in …'", "Canada"),
    "au": pgettext_lazy("place, as in 'customers in …'", "Australia"),
    "ch": pgettext_lazy("place, as in 'customers in …'", "Switzerland"),
    "jp": pgettext_lazy("place, as in 'customers in …'", "Japan"),
    "cn": gettext_lazy("mainland China"),
}
# The countries Japan's PPC recognises as protecting personal data to the APPI's standard (APPI art. 28(1);
# PPC Notice No. 1 of 2019, extended to the UK after Brexit): the EEA states and the UK.
JP_EQUIVALENT = countries.EEA | {"GB"}
# The laws whose policy text names a safeguard per recipient; Canada's, Australia's, Japan's and China's
# rules are said once for all recipients, in their own clauses (PIPEDA principle 4.1.3, APP 8, APPI art. 28,
# PIPL art. 39).
# Switzerland names every destination, adequate ones too (FADP art. 19(4)).
NAMED = ("eu", "uk", "ch", "br")
# Why a shop outside a law's territory needs no safeguard for what customers give it directly. For
# Switzerland by analogy: the FADP reaches a foreign shop through its effects (art. 3(1)), and a
# disclosure abroad (art. 16) needs a Swiss exporter; the FDPIC's own view on this is not confirmed.
# Translators: legal citations: use the usual name and abbreviations in your language ("RGPD art. 3(2)").
DIRECT = {"eu": gettext_noop("GDPR art. 3(2)"), "uk": gettext_noop("UK GDPR art. 3(2)"),
          "br": gettext_noop("LGPD art. 3"), "ch": gettext_noop("FADP art. 3(1)")}  # fmt: skip


def place(law: str) -> str:
    """Where `law`'s customers live, in the active language: "the EU", "Brazil"."""
    return str(PLACE[law])


@dataclass(frozen=True)
class Basis:
    """A safeguard and the customers it is for ("customers in the EU and the UK"; empty when one law names
    safeguards in this policy, so the line needs no "for whom")."""

    who: str
    safeguard: str


@dataclass(frozen=True)
class Transfer:
    """One recipient outside the territory of at least one applicable law, with each of those laws' answers."""

    provider: Provider | None  # None: the shop itself, holding in its own country what customers give it
    country: str
    country_name: str  # as it stands after "in": "the United States"
    decisions: tuple[LawDecision, ...]
    several_laws: bool = False  # more than one law names safeguards in this policy: say for whom each holds

    @property
    def ours(self) -> bool:
        return self.provider is None

    @property
    def laws(self) -> tuple[str, ...]:
        return tuple(d.law for d in self.decisions)

    @property
    def eu(self) -> bool:
        return "eu" in self.laws

    @property
    def uk(self) -> bool:
        return "uk" in self.laws

    @property
    def br(self) -> bool:
        return "br" in self.laws

    @property
    def ca(self) -> bool:
        return "ca" in self.laws

    @property
    def ch(self) -> bool:
        return "ch" in self.laws

    @property
    def au(self) -> bool:
        return "au" in self.laws

    @property
    def jp(self) -> bool:
        return "jp" in self.laws

    @property
    def cn(self) -> bool:
        return "cn" in self.laws

    @property
    def jp_equivalent(self) -> bool:
        """Japan's PPC recognises the country as protecting personal data to the APPI's standard."""
        return self.country in JP_EQUIVALENT

    @property
    def places(self) -> tuple[str, ...]:
        """Where the customers live whose laws name a safeguard for this recipient: ("the EU", "the UK")."""
        return tuple(place(d.law) for d in self.decisions if d.safeguard)

    @property
    def bases(self) -> tuple[Basis, ...]:
        """Each distinct safeguard once, with the customers it is for: laws that give the same answer share a
        line, their citations joined ("the exception for ... (GDPR art. 49(1)(b); LGPD art. 33, IX)")."""
        grouped: dict[str, tuple[list[str], list[str]]] = {}
        for d in self.decisions:
            if d.safeguard:
                places, citations = grouped.setdefault(d.words, ([], []))
                places.append(place(d.law))
                citations.extend([d.cited] if d.cited else [])
        return tuple(
            Basis(
                # Translators: whom a safeguard is for; %(places)s is "the EU and the UK".
                who=_("customers in %(places)s") % {"places": and_list(places)} if self.several_laws else "",
                safeguard=f"{words} ({'; '.join(citations)})" if citations else words,
            )
            for words, (places, citations) in grouped.items()
        )


# The catalogue's regional companies (`entities`) stand inside a law's territory: an "EU" company is
# established in the EEA, a "GB" one in the UK. A controller's regional company is the one that region's
# customers deal with; a processor's is the one that region's shops contract with (services.yaml's header).
# Data going to such a company does not leave the territory: its own onward transfers are its duty.
REGIONAL = {"eu": "EU", "uk": "GB"}


def _within_by_regional_company(provider: Provider, law: str, *, shop_country: str) -> bool:
    region = REGIONAL.get(law, "")
    if region not in dict(provider.entities):
        return False
    if provider.independent:  # a controller or joint controller: the customers' region decides
        return True
    return shop_country in TERRITORY[law]  # a processor: the shop's own contract decides


def _abroad(provider: Provider, law: str, *, shop_country: str) -> bool:
    if not provider.country or provider.country in TERRITORY[law]:
        return False
    return not _within_by_regional_company(provider, law, shop_country=shop_country)


def _active(laws: Laws) -> tuple[str, ...]:
    return tuple(law for law in TERRITORY if getattr(laws, law))


def transfers_resolve(*, providers: tuple[Provider, ...], shop_country: str, laws: Laws) -> tuple[Transfer, ...]:
    """Every recipient outside the territory of an applicable law, the shop itself first; called once per policy.

    A provider without a country (one the owner added and did not place) is left out: coverage asks for it.
    """
    active = _active(laws)
    several = sum(law in NAMED for law in active) > 1
    ours = tuple(
        LawDecision(law, _(DIRECT[law]) if law in DIRECT else "")
        for law in active
        if shop_country not in TERRITORY[law]
    )
    found = []
    if ours:
        found.append(Transfer(None, shop_country, countries.country_in(shop_country), ours, several_laws=several))
    for provider in dict.fromkeys(providers):
        decisions = tuple(
            transfer_decision(provider, law=law) for law in active if _abroad(provider, law, shop_country=shop_country)
        )
        if decisions:
            where = countries.country_in(provider.country)
            found.append(Transfer(provider, provider.country, where, decisions, several_laws=several))
    return tuple(found)
