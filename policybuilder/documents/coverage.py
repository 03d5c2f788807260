"""The coverage report: every applicable legal item, and the clause that satisfies it or a gap."""

from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from policybuilder.documents.applicability import Laws
from policybuilder.documents.engine import ClauseError, CompiledLibrary

# Which law a legal item belongs to -> is that law on for this shop.
_LAW_ON = {
    "all": lambda laws: True,
    "gdpr": lambda laws: laws.gdpr,
    "us": lambda laws: laws.us,
    "us-ca": lambda laws: laws.us_ca,
    "ca": lambda laws: laws.ca,
    "br": lambda laws: laws.br,
    "au": lambda laws: laws.au,
    "children": lambda laws: laws.coppa,
}


@dataclass(frozen=True)
class CoverageItem:
    item_id: str
    citation: str
    summary: str
    level: str
    clauses: tuple[str, ...]  # slugs of the selected clauses that satisfy it; empty for a gap
    hint: str

    @property
    def covered(self) -> bool:
        return bool(self.clauses)


@dataclass(frozen=True)
class LawCoverage:
    code: str
    name: str
    items: tuple[CoverageItem, ...]

    @property
    def gaps(self) -> tuple[CoverageItem, ...]:
        return tuple(i for i in self.items if not i.covered)


@dataclass(frozen=True)
class Coverage:
    laws: tuple[LawCoverage, ...]
    notes: tuple[str, ...]  # things the owner should know or check, beyond the items

    @property
    def gaps(self) -> tuple[CoverageItem, ...]:
        return tuple(gap for law in self.laws for gap in law.gaps)

    @property
    def complete(self) -> bool:
        return not self.gaps


def _law_name(code: str, library: CompiledLibrary, laws: Laws) -> str:
    if code == "gdpr":
        parts = [library.laws[c].name for c, on in (("eu", laws.eu), ("uk", laws.uk)) if on and c in library.laws]
        return " and ".join(parts) or "GDPR"
    return library.laws[code].name if code in library.laws else code


def coverage_build(
    *, library: CompiledLibrary, context: dict[str, Any], selected: list[tuple[str, tuple[str, ...]]]
) -> Coverage:
    """Check the selected clauses (slug, satisfies) against every legal item that applies."""
    laws: Laws = context["laws"]
    satisfied_by: dict[str, list[str]] = {}
    for slug, item_ids in selected:
        for item_id in item_ids:
            satisfied_by.setdefault(item_id, []).append(slug)
    groups: dict[str, list[CoverageItem]] = {}
    for compiled in library.items:
        item = compiled.data
        if not _LAW_ON.get(item.law, lambda _: False)(laws):
            continue
        try:
            applies = compiled.applies(**context)
        except TemplateError as exc:  # an editor's mistake: report it, never hide the item
            raise ClauseError(f"legal item {item.item_id}: its condition failed: {exc}") from exc
        if not applies:
            continue
        groups.setdefault(item.law, []).append(
            CoverageItem(
                item_id=item.item_id,
                citation=item.citation,
                summary=item.summary,
                level=item.level,
                clauses=tuple(satisfied_by.get(item.item_id, ())),
                hint=item.hint,
            )  # fmt: skip
        )
    return Coverage(
        laws=tuple(
            LawCoverage(code=code, name=_law_name(code, library, laws), items=tuple(items))
            for code, items in groups.items()
        ),
        notes=coverage_notes(context),
    )


def coverage_notes(context: dict[str, Any]) -> tuple[str, ...]:
    """What the owner must do or check so that the policy stays true."""
    notes, laws = [], context["laws"]
    for code in laws.added:
        notes.append(f"The {code.upper()} rules were added because of where your business is based.")
    for provider in context["services"]:
        if provider.custom:
            notes.append(
                f"{provider.name} is not in our catalogue: check what data it receives and where it is based, "
                "and add that to the policy if it sends data abroad."
            )
    if laws.gdpr and context["cookie_trackers"]:
        notes.append(
            "Your site must ask for consent before it loads analytics or advertising cookies (a cookie banner)."
        )
    if context["sells_or_shares"] and laws.us_ca:
        notes.append(
            'Your site needs a "Do Not Sell or Share My Personal Information" link and must honour Global Privacy Control.'
        )
    return tuple(notes)
