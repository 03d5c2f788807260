"""What allows data about one law's customers to reach a company abroad, law by law (EU, UK, Brazil,
Switzerland): an adequacy decision, the Data Privacy Framework, contract terms, binding corporate rules or
the exception for what delivery needs. transfers.py asks here once it knows the data leaves a territory.

Each safeguard is a stable key (`LawDecision.kind`, which grouping.SHORT names in a table cell) and its
words and citation in the policy's language: code decides on the key, never on the words.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from policybuilder.documents import countries
from policybuilder.documents.providers import Provider


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
