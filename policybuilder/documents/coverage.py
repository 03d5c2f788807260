"""The coverage report: every applicable legal item, and the clause that satisfies it or a gap,
with each law's decision (applies or not, why, from which answer) and its voluntary sections."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from jinja2 import TemplateError

from policybuilder.documents.applicability import NO
from policybuilder.documents.engine import ClauseError, CompiledLibrary, expression_compile
from policybuilder.documents.law_texts import item_texts, law_name, law_phrase
from policybuilder.documents.laws import WORLD, Decision, Laws
from policybuilder.documents.lists import and_list
from policybuilder.documents.us_states import state_name, us_states
from policybuilder.library.types import LegalItemData

# Which law a legal item belongs to -> is that law on for this shop.
_LAW_ON: dict[str, Callable[[Laws], bool]] = {
    "all": lambda laws: True,
    "gdpr": lambda laws: laws.gdpr,
    "us": lambda laws: laws.us,
    "us-ca": lambda laws: laws.us_ca,
    "ca": lambda laws: laws.ca,
    "br": lambda laws: laws.br,
    "au": lambda laws: laws.au,
    "children": lambda laws: laws.coppa,
    "us-states": lambda laws: laws.us_states,
    "qc": lambda laws: laws.quebec,
    **{code: attrgetter(code) for code in WORLD},
}
# An item group's law codes, where they differ from its own: the GDPR's two, and every state law.
_DECIDED_BY = {"gdpr": ("eu", "uk"), "us-states": tuple(st.code for st in us_states())}


@dataclass(frozen=True)
class CoverageItem:
    item_id: str
    citation: str
    summary: str
    level: str
    clauses: tuple[str, ...]  # slugs of the selected clauses that satisfy it; empty for a gap
    hint: str
    met: bool = True  # its covered_if holds: the text says what the law asks of this shop

    @property
    def covered(self) -> bool:
        return bool(self.clauses) and self.met


@dataclass(frozen=True)
class LawCoverage:
    code: str
    name: str
    items: tuple[CoverageItem, ...]
    decisions: tuple[Decision, ...] = ()  # why the law is checked (eu and uk for the GDPR group)

    @property
    def voluntary(self) -> bool:
        """The shop gives these sections although the law is not known to require them."""
        return bool(self.decisions) and all(d.voluntary for d in self.decisions)

    @property
    def required(self) -> bool:
        """Its gaps count: false only for a law the shop is known to be too small for."""
        return not (self.decisions and all(d.applies == NO for d in self.decisions))

    @property
    def gaps(self) -> tuple[CoverageItem, ...]:
        return tuple(i for i in self.items if not i.covered)


@dataclass(frozen=True)
class Coverage:
    laws: tuple[LawCoverage, ...]
    notes: tuple[str, ...]  # things the owner should know or check, beyond the items
    decisions: tuple[Decision, ...] = ()  # every law, applying or not, with its name

    @property
    def gaps(self) -> tuple[CoverageItem, ...]:
        return tuple(gap for law in self.laws if law.required for gap in law.gaps)

    @property
    def complete(self) -> bool:
        return not self.gaps


def _law_name(code: str, library: CompiledLibrary, laws: Laws) -> str:
    """A law's name in the language being written (law_texts.py)."""
    if code == "gdpr":
        parts = [law_name(library.laws[c]) for c, on in (("eu", laws.eu), ("uk", laws.uk)) if on and c in library.laws]
        # Translators: joins the EU's and the UK's law names in the coverage report.
        return _(" and ").join(parts) or "GDPR"
    if code == "us-states":
        return _("US state privacy laws")
    return law_name(library.laws[code]) if code in library.laws else code


@lru_cache(maxsize=512)
def _covered_if(source: str, item_id: str) -> Callable[..., Any]:
    # Legal items are compiled with the library; their covered_if is compiled here, once per expression.
    return expression_compile(source, where=f"legal item {item_id}")


def _holds(item: LegalItemData, condition: Callable[..., Any], context: dict[str, Any], what: str) -> bool:
    try:
        return bool(condition(**context))
    except TemplateError as exc:  # an editor's mistake: report it, never hide the item
        raise ClauseError(f"legal item {item.item_id}: its {what} failed: {exc}") from exc


def _item(item: LegalItemData, clauses: tuple[str, ...], context: dict[str, Any]) -> CoverageItem:
    met = not clauses or _holds(item, _covered_if(item.covered_if, item.item_id), context, "covered_if")
    summary, hint = item_texts(item)
    return CoverageItem(
        item_id=item.item_id, citation=law_phrase(item.citation), summary=summary, level=item.level,
        clauses=clauses, hint=hint, met=met,
    )  # fmt: skip


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
        if not _LAW_ON.get(item.law, lambda _: False)(laws) or not _holds(item, compiled.applies, context, "condition"):
            continue
        groups.setdefault(item.law, []).append(_item(item, tuple(satisfied_by.get(item.item_id, ())), context))
    decisions = tuple(replace(d, name=_law_name(d.code, library, laws)) for d in laws.decisions)
    by_code = {d.code: d for d in decisions}
    return Coverage(
        laws=tuple(
            LawCoverage(
                code=code,
                name=_law_name(code, library, laws),
                items=tuple(items),
                decisions=tuple(
                    by_code[c] for c in _DECIDED_BY.get(code, (code,)) if c in by_code and by_code[c].shown
                ),
            )  # fmt: skip
            for code, items in groups.items()
        ),
        notes=coverage_notes(context, added=tuple(_law_name(code, library, laws) for code in laws.added)),
        decisions=decisions,
    )


def decisions_grouped(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Saved decisions (coverage JSON) with the US state laws that share a reason merged into one, named
    by their states: a shop without US customers reads one line, not twenty-one."""
    states = {st.code: state_name(st) for st in us_states()}
    grouped: list[dict[str, Any]] = []
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for decision in decisions:
        if decision["code"] not in states:
            grouped.append(decision)
            continue
        key = (decision["applies"], decision["reason"], decision["answer"], tuple(decision.get("notes", ())))
        if key in merged:
            merged[key]["states"].append(states[decision["code"]])
            continue
        merged[key] = decision | {"states": [states[decision["code"]]]}
        grouped.append(merged[key])
    for decision in merged.values():
        names = decision["states"]
        # Translators: the coverage report's line for several US state laws decided alike.
        many = _("The state privacy laws of %(states)s") % {"states": and_list(names)}
        decision["name"] = decision["name"] if len(names) == 1 else many
    return grouped


def coverage_notes(context: dict[str, Any], *, added: tuple[str, ...] = ()) -> tuple[str, ...]:
    """What the owner must do or check so that the policy stays true; `added` names the laws the shop's own
    country brought in."""
    notes, laws = [], context["laws"]
    if laws.home_uncovered:
        notes.append(
            _(
                "Your own country's law is not covered by this draft: have it checked. This policy was checked "
                "only against the laws listed here, not against the privacy law of %(country)s."
            )
            % {"country": laws.home_uncovered}
        )
    sales = context["sales"]
    if laws.us and sales and sales.sensitive:
        # Small businesses too (the SBA-exempt states), or where the state's law is in the policy (Maryland).
        notes.extend(law_phrase(st.sensitive_sale) for st in us_states() if st.sensitive_sale and (st.sba_exempt or st.code in laws.states))  # fmt: skip
    if laws.quebec and not str(context["language"]).startswith("fr"):  # fr or fr-CA
        notes.append(
            _(
                "Customers in Québec: the Charter of the French language requires a business's website to be available "
                "in French (whether it names privacy policies is not confirmed). This draft is not in French: have a "
                "French version made before you publish it for Québec."
            )
        )
    if laws.ch and context["shop"].country != "CH":
        notes.append(
            _(
                "Switzerland: a business based elsewhere needs a Swiss representative only if it handles the data of "
                "people there on a large scale, regularly and with a high risk (FADP art. 14). If you do, name one and "
                "publish their name and address."
            )
        )
    if laws.cn and context["shop"].country != "CN":
        notes.append(
            _(
                "Mainland China: a business outside China that sells to people there must set up an office or name a "
                "representative in China, and report its name and contact to the authorities (PIPL art. 53)."
            )
        )
    elif laws.cn and any(t.cn and not t.ours for t in context["transfers"]):
        notes.append(
            _(
                "Mainland China: sending data abroad also needs the CAC's standard contract, a certification or a "
                "security assessment (PIPL art. 38), unless an exemption applies: the CAC's 2024 provisions exempt, "
                "among others, what a contract with the customer needs (cross-border shopping, delivery, payment). "
                "Check which you rely on, and assess the impact first (PIPL arts 55-56)."
            )
        )
    if laws.jp_transfers == "contract":
        notes.append(
            _(
                "Japan: where a contract binds a company abroad to the APPI's standard, check about once a year that it "
                "keeps to it, and be ready to tell a customer how it protects the data (PPC Enforcement Rules art. 18)."
            )
        )
    if laws.nz or laws.sg:
        notes.append(
            _(
                "New Zealand and Singapore: before a company abroad gets customers' data for its own use, check that it "
                "protects the data as well as their law does (NZ IPP 12; PDPA s 26), or ask the customer first."
            )
        )
    for name in added:
        # Translators: %(law)s is a law's name ("EU General Data Protection Regulation (GDPR)").
        notes.append(_("%(law)s: added because of where your business is based.") % {"law": name})
    for provider in context["services"]:
        if provider.custom:
            notes.append(
                _(
                    "%(service)s is not in our catalogue: check what data it receives and where it is based, "
                    "and add that to the policy if it sends data abroad."
                )
                % {"service": provider.name}
            )
    if laws.gdpr and context["cookie_trackers"]:
        notes.append(
            _("Your site must ask for consent before it loads analytics or advertising cookies (a cookie banner).")
        )
    if context["sells_or_shares"] and laws.signal_states:
        notes.append(
            ngettext(
                "The privacy law of %(states)s requires your site to honour Global Privacy Control as an opt-out of "
                "sale and targeted advertising.",
                "The privacy laws of %(states)s require your site to honour Global Privacy Control as an opt-out of "
                "sale and targeted advertising.",
                len(laws.signal_states),
            )
            % {"states": and_list(laws.signal_states)}
        )
    if context["sells_or_shares"] and laws.us_ca and not laws.us_ca_exempt:
        notes.append(
            _(
                'Your site needs a "Do Not Sell or Share My Personal Information" (or "Your Privacy Choices") link '
                "and must honour Global Privacy Control."
            )
        )
    return tuple(notes)
