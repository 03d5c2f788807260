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

Each safeguard is a stable key (`LawDecision.kind`, which grouping.SHORT names in a table cell) and its
words and citation in the policy's language: code decides on the key, never on the words.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from policybuilder.documents import countries
from policybuilder.documents.laws import Laws
from policybuilder.documents.lists import and_list
from policybuilder.documents.providers import Provider

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
class LawDecision:
    """Under `law`, the data goes to the recipient's country, allowed by a safeguard: `words` and the article
    `cited`, in the policy's language (both empty where the policy names none for this recipient: Canada and
    Australia, said once per law). `kind` is the safeguard's stable key (grouping.SHORT), "" for none and for
    the shop itself, whose `words` are only the article that makes the law apply to it directly."""

    law: str
    words: str = ""
    cited: str = ""
    kind: str = ""

    @property
    def safeguard(self) -> str:
        """The safeguard in full: "the exception for data needed to deliver your order (GDPR art. 49(1)(b))"."""
        return f"{self.words} ({self.cited})" if self.cited else self.words


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


# The set words of the catalogue's `safeguard` (services.yaml's header): what the company itself relies on.
TERMS = {
    "dpf": "data privacy framework",
    "uk_extension": "uk extension",
    "sccs": "standard contractual clauses",
    "bcr": "binding corporate rules",
    "delivery": "49(1)(b)",
}


def _terms(provider: Provider) -> frozenset[str]:
    """The tools the catalogue says the company relies on for data from the EU and UK. "delivery" (the
    exception for what is needed to deliver an order) counts only for a carrier that offers nothing else."""
    text = provider.safeguard.lower()
    found = {name for name, words in TERMS.items() if words in text}
    return frozenset(found - {"delivery"} if found & {"dpf", "sccs", "bcr"} else found)


# The safeguards: each one's words are a whole phrase naming what allows data to reach a company abroad,
# its citation (in brackets after the words) a separate phrase, so that laws with the same words share them.


def _delivery(cited: str) -> LawDecision:
    """The exception for what is needed to deliver an order; `law` is set by transfer_decision."""
    # Translators: what allows data to go abroad; a legal citation follows it in brackets.
    return LawDecision("", _("the exception for data needed to deliver your order"), cited, "delivery")


def _eu_safeguard(provider: Provider) -> LawDecision:
    terms = _terms(provider)
    if "delivery" in terms:  # a carrier that signs no clauses (a state postal service): art 49(1)(b) alone
        # Translators: a legal citation: use your language's usual name and abbreviations ("RGPD art. 49(1)(b)").
        return _delivery(_("GDPR art. 49(1)(b)"))
    if provider.country in countries.EU_ADEQUATE:
        # Translators: %(country)s is a country's name as it stands after "in" ("the United States").
        words = _("an EU adequacy decision for %(country)s") % {"country": countries.country_in(provider.country)}
        return LawDecision("", words, "", "adequacy_eu")
    if provider.country == "US" and "dpf" in terms:
        return LawDecision("", _("the EU-US Data Privacy Framework"), "", "dpf")
    if "bcr" in terms:
        return LawDecision("", _("its binding corporate rules, approved by EU data protection authorities"), "", "bcr")
    return LawDecision("", _("EU standard contractual clauses"), "", "sccs")


def _uk_safeguard(provider: Provider) -> LawDecision:
    terms = _terms(provider)
    if "delivery" in terms:
        # Translators: a legal citation: use your language's usual name and abbreviations.
        return _delivery(_("UK GDPR art. 49(1)(b)"))
    if provider.country in countries.EEA or provider.country in countries.UK_ADEQUATE:
        # Translators: %(country)s is a country's name as it stands after "in" ("the United States").
        words = _("UK adequacy regulations for %(country)s") % {"country": countries.country_in(provider.country)}
        return LawDecision("", words, "", "adequacy_uk")
    if provider.country == "US" and "uk_extension" in terms:
        return LawDecision("", _("the UK Extension to the EU-US Data Privacy Framework"), "", "dpf_uk")
    words = _("the UK's international data transfer agreement or its addendum to the EU clauses")
    return LawDecision("", words, "", "uk_idta")


def _br_safeguard(provider: Provider) -> LawDecision:
    if "delivery" in _terms(provider):
        # Translators: a legal citation (Brazil's data protection law): use your language's usual abbreviations.
        return _delivery(_("LGPD art. 33, IX"))
    if provider.country in countries.EEA:  # Resolution CD/ANPD 32/2026 recognises the EU and EEA as adequate
        return LawDecision("", _("Brazil's recognition of the EU as adequate"), _("LGPD art. 33, I"), "adequacy_br")
    words = _("standard contractual clauses approved by Brazil's ANPD")
    return LawDecision("", words, _("LGPD art. 33, II, b"), "anpd_clauses")


def _ch_safeguard(provider: Provider) -> LawDecision:
    if "delivery" in _terms(provider):
        # Translators: what allows data to go abroad; a legal citation follows it in brackets.
        words = _("the exception for data needed to perform your contract")
        # Translators: a legal citation (Switzerland's data protection act): use your language's usual name.
        return LawDecision("", words, _("FADP art. 17(1)(b)"), "delivery")
    if provider.country in countries.EEA or provider.country in countries.CH_ADEQUATE:
        # Translators: %(country)s is a country's name ("Germany", "United Kingdom").
        words = _("Switzerland's finding of adequate protection in %(country)s") % {
            "country": countries.country_name(provider.country)
        }
        return LawDecision("", words, _("FADP art. 16(1)"), "adequacy_ch")
    words = _("EU standard contractual clauses, recognised by the Swiss data protection commissioner")
    return LawDecision("", words, _("FADP art. 16(2)(d)"), "swiss_clauses")


SAFEGUARDS = {"eu": _eu_safeguard, "uk": _uk_safeguard, "br": _br_safeguard, "ch": _ch_safeguard}


def transfer_decision(provider: Provider, *, law: str) -> LawDecision:
    """What allows data about `law`'s customers to reach `provider` in its country (no safeguard for Canada and
    Australia, whose rules the policy states once). Call only where the country is outside the law's territory."""
    decide = SAFEGUARDS.get(law)
    return replace(decide(provider), law=law) if decide else LawDecision(law)


def transfer_safeguard(provider: Provider, *, law: str) -> str:
    """transfer_decision's safeguard in words, its citation included ('' for Canada and Australia)."""
    return transfer_decision(provider, law=law).safeguard


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
