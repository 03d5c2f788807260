"""Rows that say a fact once: providers that get the same data for the same job share a row of the
recipients table, and recipients in one country on the same safeguards share a line on transfers."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents.laws import Laws
from policybuilder.documents.lists import and_list
from policybuilder.documents.providers import Provider
from policybuilder.documents.safeguards import LawDecision
from policybuilder.documents.transfers import NAMED, REGIONAL, TERRITORY, Transfer, place

TERRITORY_OF = {region: law for law, region in REGIONAL.items()}  # an entity's region -> the law of that territory


@dataclass(frozen=True)
class RecipientEntry:
    provider: Provider
    note: str  # plain words after the name: the regional company customers deal with, a joint controller


@dataclass(frozen=True)
class RecipientRow:
    entries: tuple[RecipientEntry, ...]
    purpose: str
    receives: tuple[str, ...]

    @property
    def providers(self) -> tuple[Provider, ...]:
        return tuple(e.provider for e in self.entries)


@dataclass(frozen=True)
class TransferPlace:
    country_name: str
    providers: tuple[Provider, ...]


@dataclass(frozen=True)
class TransferGroup:
    places: tuple[TransferPlace, ...]
    cells: tuple[str, ...]  # the safeguard for each column of `TransferTable.columns`, in a few words
    kinds: tuple[str, ...] = ()  # the key of each cell's safeguard (SHORT, NOT_ABROAD_KIND); "" for one SHORT lacks


@dataclass(frozen=True)
class TransferTable:
    columns: tuple[str, ...]  # "the EU", "the UK", "Brazil": the laws that name a safeguard per company
    rows: tuple[TransferGroup, ...]
    kinds: frozenset[str] = frozenset()  # the keys of the short safeguards the cells show ("dpf", "not_needed")


def _note(provider: Provider, laws: Laws, shop_country: str) -> str:
    """What a reader needs after a company's name: for a controller, the company customers in the EU or the
    UK deal with where it is another one; for a processor, the regional company a shop in that region
    contracts with (so the transfers table's "not needed" reads true); "a joint controller" where the GDPR
    makes it so."""
    by_company: dict[str, list[str]] = {}
    for e in provider.regional:
        law = TERRITORY_OF.get(e.region, "")
        if provider.independent and law and getattr(laws, law):
            by_company.setdefault(e.company, []).append(e.where)
    notes = [
        # Translators: after a company's name in the recipients table: "Google Analytics, for customers in the
        # EU and the UK: Google Ireland Limited". %(places)s is "the EU", "the UK" or both.
        _("for customers in %(places)s: %(company)s") % {"places": and_list(where), "company": company}
        for company, where in by_company.items()
    ]
    notes += [
        # Translators: after a company's name in the recipients table: "Stripe, through Stripe Payments Europe Limited".
        _("through %(company)s") % {"company": e.company}
        for e in provider.regional
        if not provider.independent and e.region in TERRITORY_OF and shop_country in TERRITORY[TERRITORY_OF[e.region]]
    ]
    if provider.joint and laws.gdpr:
        # Translators: after a company's name in the recipients table (GDPR art. 26).
        notes.append(_("a joint controller"))
    return ", ".join(notes)


def recipient_rows(providers: tuple[Provider, ...], *, laws: Laws, shop_country: str) -> tuple[RecipientRow, ...]:
    """One row per (job, data received), in the order each first appears: fourteen carriers that all
    receive a name, an address and a parcel's size make one row, not fourteen."""
    rows: dict[tuple[str, tuple[str, ...]], list[RecipientEntry]] = {}
    for p in providers:
        rows.setdefault((p.purpose, tuple(p.receives)), []).append(
            RecipientEntry(provider=p, note=_note(p, laws, shop_country))
        )
    return tuple(RecipientRow(entries=tuple(es), purpose=key[0], receives=key[1]) for key, es in rows.items())


# A safeguard's name in a table cell, by its stable key (transfers.LawDecision.kind); the text under the
# table says once what each one is and which article allows it. English here, translated where shown.
SHORT = {
    # Translators: short names of safeguards for data sent abroad, in the cells of the transfers table.
    "adequacy_ch": gettext_noop("Adequacy (Switzerland)."),
    "swiss_clauses": gettext_noop("Swiss-recognised clauses."),
    "delivery": gettext_noop("Needed to deliver your order."),
    "adequacy_eu": gettext_noop("Adequacy decision."),
    "adequacy_uk": gettext_noop("Adequacy regulations."),
    "adequacy_br": gettext_noop("Adequacy (the EU)."),
    "dpf": gettext_noop("Data Privacy Framework."),
    "dpf_uk": gettext_noop("Data Privacy Framework, UK Extension."),
    "sccs": gettext_noop("Standard contractual clauses."),
    "uk_idta": gettext_noop("UK transfer agreement or addendum."),
    "bcr": gettext_noop("Binding corporate rules."),
    "anpd_clauses": gettext_noop("ANPD standard clauses."),
}
NOT_ABROAD_KIND = "not_needed"
# Translators: a cell of the transfers table: for these customers the data does not leave their law's territory.
NOT_ABROAD = gettext_noop("Not needed.")


def safeguard_short(decision: LawDecision) -> str:
    """The decision's safeguard in a few words, in the active language."""
    if decision.kind in SHORT:
        return _(SHORT[decision.kind])
    return decision.safeguard  # a safeguard this table does not know yet: shown in full rather than lost


def _cell(decision: LawDecision | None) -> tuple[str, str]:
    """(key, words) of one cell: the safeguard's key ("" for one SHORT lacks) and its short name."""
    if decision is None or not decision.safeguard:
        return NOT_ABROAD_KIND, _(NOT_ABROAD)
    return (decision.kind if decision.kind in SHORT else ""), safeguard_short(decision)


def transfer_groups(transfers: tuple[Transfer, ...], columns: tuple[str, ...]) -> tuple[TransferGroup, ...]:
    """The companies abroad (the shop itself left out), one row per set of safeguards: countries on the
    same safeguards share a row, each company named once with its country."""
    groups: dict[tuple[tuple[str, str], ...], dict[str, list[Provider]]] = {}
    for t in transfers:
        if t.provider is not None:
            by_law = {d.law: d for d in t.decisions}
            cells = tuple(_cell(by_law.get(law)) for law in columns)
            groups.setdefault(cells, {}).setdefault(t.country_name, []).append(t.provider)
    return tuple(
        TransferGroup(
            places=tuple(TransferPlace(c, tuple(ps)) for c, ps in by_country.items()),
            cells=tuple(words for _kind, words in cells),
            kinds=tuple(kind for kind, _words in cells),
        )
        for cells, by_country in groups.items()
    )


def transfer_columns(transfers: tuple[Transfer, ...]) -> tuple[str, ...]:
    """The laws that name a safeguard for some company abroad, in the order transfers.NAMED gives."""
    named = {d.law for t in transfers if t.provider is not None for d in t.decisions if d.safeguard}
    return tuple(law for law in NAMED if law in named)


def transfer_table(transfers: tuple[Transfer, ...]) -> TransferTable:
    columns = transfer_columns(transfers)
    rows = transfer_groups(transfers, columns)
    return TransferTable(
        columns=tuple(place(law) for law in columns),
        rows=rows,
        kinds=frozenset(kind for row in rows for kind in row.kinds if kind),
    )
