"""Rows that say a fact once: providers that get the same data for the same job share a row of the
recipients table, and recipients in one country on the same safeguards share a line on transfers."""

from dataclasses import dataclass

from policybuilder.documents.applicability import Laws
from policybuilder.documents.providers import Provider
from policybuilder.documents.transfers import NAMED, PLACE, REGIONAL, TERRITORY, Transfer

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


@dataclass(frozen=True)
class TransferTable:
    columns: tuple[str, ...]  # "the EU", "the UK", "Brazil": the laws that name a safeguard per company
    rows: tuple[TransferGroup, ...]


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
    notes = [f"for customers in {' and '.join(where)}: {company}" for company, where in by_company.items()]
    notes += [
        f"through {e.company}"
        for e in provider.regional
        if not provider.independent and e.region in TERRITORY_OF and shop_country in TERRITORY[TERRITORY_OF[e.region]]
    ]
    if provider.joint and laws.gdpr:
        notes.append("a joint controller")
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


# A safeguard's name in a table cell, by how its full wording starts; the text under the table says once
# what each one is and which article allows it.
SHORT = (
    ("Switzerland's finding of adequate", "Adequacy (Switzerland)."),
    ("EU standard contractual clauses, recognised by the Swiss", "Swiss-recognised clauses."),
    ("the exception for data needed to perform your contract", "Needed to deliver your order."),
    ("the exception for data needed to deliver", "Needed to deliver your order."),
    ("an EU adequacy decision", "Adequacy decision."),
    ("UK adequacy regulations", "Adequacy regulations."),
    ("Brazil's recognition", "Adequacy (the EU)."),
    ("the EU-US Data Privacy Framework", "Data Privacy Framework."),
    ("the UK Extension", "Data Privacy Framework, UK Extension."),
    ("EU standard contractual clauses", "Standard contractual clauses."),
    ("the UK's international data transfer agreement", "UK transfer agreement or addendum."),
    ("its binding corporate rules", "Binding corporate rules."),
    ("standard contractual clauses approved by Brazil's ANPD", "ANPD standard clauses."),
)
NOT_ABROAD = "Not needed."


def safeguard_short(safeguard: str) -> str:
    for start, short in SHORT:
        if safeguard.startswith(start):
            return short
    return safeguard  # a wording this table does not know yet: shown in full rather than lost


def transfer_groups(transfers: tuple[Transfer, ...], columns: tuple[str, ...]) -> tuple[TransferGroup, ...]:
    """The companies abroad (the shop itself left out), one row per set of safeguards: countries on the
    same safeguards share a row, each company named once with its country."""
    groups: dict[tuple[str, ...], dict[str, list[Provider]]] = {}
    for t in transfers:
        if t.provider is not None:
            by_law = {d.law: d.safeguard for d in t.decisions}
            cells = tuple(safeguard_short(by_law[law]) if by_law.get(law) else NOT_ABROAD for law in columns)
            groups.setdefault(cells, {}).setdefault(t.country_name, []).append(t.provider)
    return tuple(
        TransferGroup(places=tuple(TransferPlace(c, tuple(ps)) for c, ps in by_country.items()), cells=cells)
        for cells, by_country in groups.items()
    )


def transfer_columns(transfers: tuple[Transfer, ...]) -> tuple[str, ...]:
    """The laws that name a safeguard for some company abroad, in the order transfers.NAMED gives."""
    named = {d.law for t in transfers if t.provider is not None for d in t.decisions if d.safeguard}
    return tuple(law for law in NAMED if law in named)


def transfer_table(transfers: tuple[Transfer, ...]) -> TransferTable:
    columns = transfer_columns(transfers)
    return TransferTable(columns=tuple(PLACE[law] for law in columns), rows=transfer_groups(transfers, columns))
