"""Which laws reach a shop, each by its own test: the places its customers live and its own country,
for the CCPA and the Australian Privacy Act the size tests of clauses/laws.yaml (law_tests.py), and
for each US state law its own thresholds (us_states.py).

For every law the result says whether it applies (yes, no or unknown), why, and from which answer.
A size-tested law the shop is too small for keeps its sections only when the owner gives those
rights anyway (or has not said): clauses then use the voluntary wording, never "the law gives you".
"""

import re
from dataclasses import replace
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents import countries
from policybuilder.documents.law_tests import NO, UNKNOWN, YES, Outcome, rule, size_outcome
from policybuilder.documents.law_texts import law_phrase
from policybuilder.documents.laws import LAW_ORDER, WORLD, Decision, Laws
from policybuilder.documents.us_states import state_codes, state_outcome, us_states

SIZE_TESTED = ("us-ca", "au")
# The countries whose own law the library covers, for the shop's home country.
COVERED_HOMES = frozenset({*countries.EEA, "GB", "US", "CA", "BR", "AU", *(code.upper() for code in WORLD)})
# Where each law's customers are, and whether the shop's own country brings the law by itself. The decisions'
# reasons are written in the language being written: the coverage report is in the policy's language.
_PLACES = {
    "eu": (gettext_noop("customers in the EU or EEA"), lambda country: country in countries.EEA),
    "uk": (gettext_noop("customers in the UK"), lambda country: country == "GB"),
    "us": (gettext_noop("customers in the US"), lambda country: country == "US"),
    "us-ca": (gettext_noop("customers in California"), lambda country: False),
    "ca": (gettext_noop("customers in Canada"), lambda country: country == "CA"),
    "br": (gettext_noop("customers in Brazil"), lambda country: country == "BR"),
    "au": (gettext_noop("customers in Australia"), lambda country: False),
    "ch": (gettext_noop("customers in Switzerland"), lambda country: country == "CH"),
    "jp": (gettext_noop("customers in Japan"), lambda country: country == "JP"),
    "nz": (gettext_noop("customers in New Zealand"), lambda country: country == "NZ"),
    "sg": (gettext_noop("customers in Singapore"), lambda country: country == "SG"),
    "cn": (gettext_noop("customers in mainland China"), lambda country: country == "CN"),
}


def _place_decision(code: str, *, chosen: list[str], country: str) -> Decision:
    where, brought = _PLACES[code]
    if brought(country):
        name = countries.country_in(country)
        # Translators: %(country)s is the shop's country as it stands after "in" ("the United States").
        return Decision(code, YES, _("Your business is based in %(country)s.") % {"country": name}, "business.country", shown=True)  # fmt: skip
    if code in chosen:
        # Translators: %(where)s is "customers in the UK" and the like.
        return Decision(code, YES, _("You said you have %(where)s.") % {"where": _(where)}, "jurisdictions", shown=True)  # fmt: skip
    if code == "us" and "us-ca" in chosen:
        return Decision(code, YES, _("You said you have customers in California."), "jurisdictions", shown=True)
    return Decision(code, NO, _("You did not say you have %(where)s.") % {"where": _(where)}, "jurisdictions", shown=False)  # fmt: skip


def _size_decision(code: str, *, chosen: list[str], answers: dict[str, Any]) -> Decision:
    """A size-tested law: its test, then the owner's choice for a law the shop is too small for."""
    if code not in chosen:
        return _place_decision(code, chosen=chosen, country="")
    outcome: Outcome = size_outcome(code, answers.get("size") or {})
    choice = (answers.get("not_applicable") or {}).get(code)
    where = f"not_applicable.{code}"
    if outcome.applies == YES:
        notes: tuple[str, ...] = ()
    elif outcome.applies == UNKNOWN:
        notes = (_("Until you give the figures, its sections stay, worded so that they do not say the law requires them."),)  # fmt: skip
    elif choice == "leave_out":
        # Translators: %(answer)s is an answer's path in the answers contract ("not_applicable.us-ca").
        notes = (_("Its sections are left out, as you asked (%(answer)s).") % {"answer": where},)
    elif choice == "give_anyway":
        notes = (_("Its sections stay, worded as rights you give although the law does not require them (%(answer)s).") % {"answer": where},)  # fmt: skip
    else:
        notes = (_("You have not said whether to leave its sections out (%(answer)s): they stay, worded as voluntary.") % {"answer": where},)  # fmt: skip
    shown = outcome.applies != NO or choice != "leave_out"
    return Decision(code, outcome.applies, outcome.reason, outcome.answer, shown, outcome.source, notes)


def _state_decisions(answers: dict[str, Any], *, us: bool) -> dict[str, Decision]:
    """Each US state law, for a shop with US customers. A law that may apply (its figures not given)
    keeps its items, worded as voluntary; one that does not keeps them only when the owner gives the
    rights anyway (`not_applicable.us-states`); one not yet in force never."""
    choice = (answers.get("not_applicable") or {}).get("us-states")
    when = str(answers.get("effective_date") or "")
    today = date.fromisoformat(when) if len(when) == 10 else date.today()
    decided = {}
    for st in us_states():
        if not us:
            decided[st.code] = Decision(st.code, NO, _("You did not say you have customers in the US."), "jurisdictions", shown=False)  # fmt: skip
            continue
        outcome = state_outcome(st, answers, today=today)
        in_force = today >= st.in_force
        shown = outcome.applies != NO or (choice == "give_anyway" and in_force)
        notes: tuple[str, ...] = ()
        if outcome.applies == NO and in_force and choice == "give_anyway":
            notes = (_("Its items stay, worded as rights you give although the law does not require them (%(answer)s).") % {"answer": "not_applicable.us-states"},)  # fmt: skip
        decided[st.code] = Decision(st.code, outcome.applies, outcome.reason, outcome.answer, shown, outcome.source, notes)  # fmt: skip
    return decided


def _quebec_decision(canada: Decision, *, region: str) -> Decision:
    if not canada.shown:
        return Decision("qc", NO, _("You did not say you have customers in Canada."), canada.answer, shown=False)
    if region == "QC":  # a shop in Québec: its own province's law, whoever its customers are
        return Decision("qc", YES, _("Your business is based in Québec."), "business.region", shown=True)
    reason = _("Québec's law reaches any business that collects personal information of people in Québec, and a shop selling in Canada can have customers there.")  # fmt: skip
    return Decision("qc", YES, reason, canada.answer, shown=True)


def _home(country: str, decided: dict[str, Decision]) -> str:
    """The law of the shop's own country, when it is in the policy. It reaches everything the shop does
    with anyone's data, not only with its residents': GDPR and UK GDPR art. 3(1), FADP art. 2(1), LGPD
    art. 3, I, PIPEDA s. 4(1), PIPL art. 3, Privacy Act 2020 (NZ) s. 4, the APPI and the PDPA (Singapore),
    which bind a business in their country whoever the data is about, and the Privacy Act 1988 (Cth) for
    an APP entity (size tested). The rights clause then gives its rights to everyone. The US has no
    such law of general reach."""
    if country == "AU":
        return "au" if decided["au"].applies == YES and decided["au"].shown else ""
    code = next((c for c, (_, brought) in _PLACES.items() if c != "us" and brought(country)), "")
    return code if code and decided[code].shown else ""


def _home_uncovered(country: str) -> str:
    return countries.country_name(country) if country and country not in COVERED_HOMES else ""


def _ccpa_link(answers: dict[str, Any]) -> str:
    """The opt-out link, when the words the owner gave for their site's opt-out link are ones the law names.
    A cookie banner's link is not enough (11 CCR § 7026(a)(4)), so this is an answer of its own."""
    words = " ".join(str((answers.get("practices") or {}).get("optout_link", "")).split()).casefold()
    return next((name for name in rule("ccpa_optout_link")["names"] if name.casefold() == words), "")


def _toll_free(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    digits = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return phone if len(digits) == 10 and digits[:3] in rule("ccpa_toll_free")["prefixes"] else ""


def _said(answers: dict[str, Any], key: str) -> str:
    """The owner's answer to one of the size step's choices; "" when not given or "not sure"."""
    value = str((answers.get("size") or {}).get(key) or "")
    return "" if value == "not_sure" else value


def _said_yes(answers: dict[str, Any], key: str) -> bool:
    return _said(answers, key) == "yes"


def _exemption_notes(decided: dict[str, Decision], answers: dict[str, Any]) -> dict[str, Decision]:
    """The laws whose duty the owner said an exemption lifts get a note saying so, for the coverage report."""
    notes: dict[str, str] = {}
    if _said_yes(answers, "gdpr_occasional"):
        # Translators: %(source)s is a legal citation ("GDPR art 27(2)(a)").
        note = _("You said your processing is occasional and low-risk (size.gdpr_occasional): naming a representative is optional (%(source)s).") % {"source": rule("gdpr_representative")["source"]}  # fmt: skip
        notes |= {code: note for code in ("eu", "uk")}
    if _said_yes(answers, "lgpd_small_agent"):
        notes["br"] = _("You said you are a small processing agent (size.lgpd_small_agent): the policy gives a channel for data subjects instead of naming an encarregado (%(source)s).") % {"source": rule("lgpd_small_agent")["source"]}  # fmt: skip
    changed = {code: replace(decided[code], notes=decided[code].notes + (note,)) for code, note in notes.items()}
    return decided | {code: decision for code, decision in changed.items() if decision.shown}


def laws_resolve(*, chosen: list[str], country: str, children: bool, answers: dict[str, Any] | None = None) -> Laws:
    """Decide every law for one shop; called once per assembly from facts_build."""
    answers = answers or {}
    decided = {code: _place_decision(code, chosen=chosen, country=country) for code in LAW_ORDER if code in _PLACES}
    decided |= {code: _size_decision(code, chosen=chosen, answers=answers) for code in SIZE_TESTED}
    decided |= _state_decisions(answers, us=decided["us"].shown)
    region = str((answers.get("business") or {}).get("region", "")).upper()
    decided["qc"] = _quebec_decision(decided["ca"], region=region if country == "CA" else "")
    said = _("You said your shop is made for children under 13.") if children else _("You did not say your shop is made for children under 13.")  # fmt: skip
    decided["children"] = Decision("children", YES if children else NO, said, "children", shown=children)
    decided = _exemption_notes(decided, answers)
    on = {code for code, d in decided.items() if d.shown}
    phone = str((answers.get("business") or {}).get("phone", ""))
    return Laws(
        eu="eu" in on, uk="uk" in on, us="us" in on, us_ca="us-ca" in on, ca="ca" in on, br="br" in on,
        au="au" in on, coppa="children" in on,
        added=tuple(c for c in LAW_ORDER if c in on and decided[c].answer == "business.country" and c not in chosen),
        decisions=tuple(decided[code] for code in LAW_ORDER),
        gdpr_rep_optional=_said_yes(answers, "gdpr_occasional"),
        br_small_agent=_said_yes(answers, "lgpd_small_agent") and "br" in on,
        ccpa_link=_ccpa_link(answers), ccpa_toll_free=_toll_free(phone),
        states=tuple(c for c in state_codes() if c in on), qc="qc" in on, home_uncovered=_home_uncovered(country),
        home=_home(country, decided),
        jp_transfers=_said(answers, "jp_transfers") if "jp" in on else "",
        cn_consent=_said(answers, "cn_consent") if "cn" in on else "",
        **{code: code in on for code in WORLD},
    )  # fmt: skip


def address_errors(answers: Any) -> list[str]:
    """A postal address is required only where an applicable law requires one (laws.yaml
    `address_required`); called by answers_validate. Returns one message per law, naming it."""
    business = answers.get("business") if isinstance(answers, dict) else None
    if not isinstance(business, dict) or str(business.get("address", "")).strip():
        return []
    chosen, country = list(answers.get("jurisdictions") or []), str(business.get("country", "")).upper()
    on = {code for code in _PLACES if _place_decision(code, chosen=chosen, country=country).shown}
    on |= {"children"} if answers.get("children") is True else set()
    # Translators: %(says)s is what a law asks for ("PIPEDA asks for the address of the person accountable
    # for privacy"), %(source)s its citation.
    said = _("%(says)s (%(source)s). Please give one; a PO box is fine.")
    return [
        "business.address: " + said % {"says": law_phrase(entry["says"]), "source": entry["source"]}
        for entry in rule("address_required")
        if entry["law"] in on
    ]
