"""The US state consumer privacy laws, each decided by its own tests as `clauses/laws.yaml` states
them (`rules.us_states`): the residents it counts, the share of revenue from selling data, a revenue
floor, the SBA small-business exemption and the triggers that need no volume at all.

A state's residents are counted from the owner's band for that state when given, and otherwise
from the band for the whole US, which can only rule a law out: 20,000 people across the US cannot
be 25,000 in one state, but 200,000 across the US says nothing about how many live in Iowa.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.utils.translation import gettext as _

from policybuilder.documents import countries
from policybuilder.documents.law_tests import NO, UNKNOWN, YES, figure, library_rules
from policybuilder.documents.law_texts import law_phrase
from policybuilder.documents.lists import semicolon
from policybuilder.documents.shop import date_written
from policybuilder.languages import SOURCE, language_active


@dataclass(frozen=True)
class Band:
    key: str
    low: int  # the band holds counts from low ...
    high: int | None  # ... up to, not including, high (None: no upper end)
    words: str


@dataclass(frozen=True)
class State:
    code: str  # "us-va"
    state: str  # "Virginia"
    law: str  # the law's name
    source: str  # the section that sets who it reaches
    in_force: date
    checked: str
    tests: tuple[dict[str, Any], ...]  # any one met is enough; each a set of conditions all met
    revenue_at_least: int | None = None  # a floor every test needs as well (Utah) ...
    revenue_above: int | None = None  # ... or a figure to exceed (Tennessee)
    sba_exempt: bool = False  # a small business by the SBA's standard is outside it
    triggers: tuple[str, ...] = ()  # facts that bring the law whatever the volume
    trigger_source: str = ""
    sensitive_sale: str = ""  # its rule on selling sensitive data, for the coverage report
    optout_signal: bool = False  # the law requires honouring universal opt-out signals (GPC)


@dataclass(frozen=True)
class Outcome:
    applies: str  # YES | NO | UNKNOWN
    reason: str
    answer: str  # the answers it comes from
    source: str


@cache
def consumer_bands() -> tuple[Band, ...]:
    return tuple(Band(b["key"], b["low"], b.get("high"), b["words"]) for b in library_rules()["us_consumer_bands"])


def _band(key: str | None) -> Band | None:
    return next((b for b in consumer_bands() if b.key == key), None)


@cache
def us_states() -> tuple[State, ...]:
    states = []
    for code, entry in library_rules()["us_states"].items():
        states.append(
            State(
                code=code, state=entry["state"], law=entry["law"], source=entry["source"],
                in_force=date.fromisoformat(str(entry["in_force"])), checked=str(entry["checked"]),
                tests=tuple(entry.get("tests") or ()), revenue_at_least=entry.get("revenue_at_least"),
                revenue_above=entry.get("revenue_above"),
                sba_exempt=bool(entry.get("sba_exempt")), triggers=tuple(entry.get("triggers") or ()),
                trigger_source=entry.get("trigger_source", ""), sensitive_sale=entry.get("sensitive_sale", ""),
                optout_signal=bool(entry.get("optout_signal")),
            )
        )  # fmt: skip
    return tuple(states)


def state_codes() -> tuple[str, ...]:
    return tuple(s.code for s in us_states())


def state_name(state: Any) -> str:
    """A US state's name in the language being written: laws.yaml gives the English, pycountry the others."""
    if language_active() == SOURCE:
        return str(state.state)
    return countries.region_name("US", state.code.split("-")[1]) or str(state.state)


def band_words(band: Band) -> str:
    """A band ("fewer than 10,000") in the language being written."""
    return law_phrase(band.words)


def _residents(st: State, size: dict[str, Any], at_least: int) -> tuple[bool | None, str]:
    """Whether the shop handles the data of at least `at_least` of the state's residents a year."""
    own = _band((size.get("us_state_consumers") or {}).get(st.code))
    if own is not None:
        met = own.low >= at_least
        # Translators: %(count)s is a band of people ("fewer than 10,000"), %(state)s a US state.
        return met, _("%(count)s %(state)s residents a year") % {"count": band_words(own), "state": state_name(st)}
    whole = _band(size.get("us_consumers"))
    if whole is not None and whole.high is not None and whole.high <= at_least:
        return False, _("%(count)s people in the whole US a year") % {"count": band_words(whole)}
    if whole is not None:
        said = {"count": band_words(whole), "state": state_name(st)}
        return None, _("%(count)s people in the US a year, but not how many live in %(state)s") % said
    return None, _("you have not said how many people in the US you handle data about")


def _share(size: dict[str, Any], condition: dict[str, Any]) -> tuple[bool | None, str]:
    value = size.get("revenue_share_from_data_pct")
    if value is None:
        return None, _("you have not given the share of your revenue from selling personal data")
    met = value > condition["share_above"] if "share_above" in condition else value >= condition["share_at_least"]
    # Translators: %(share)s is a percentage ("40%").
    return met, _("%(share)s of revenue from selling data") % {"share": figure(value, "percent")}


def _sells(answers: dict[str, Any]) -> tuple[bool | None, str]:
    if "sells_data" not in answers:
        return None, _("you have not said whether you sell personal data")
    sells = answers["sells_data"] is True
    return sells, _("you sell personal data") if sells else _("you do not sell personal data")


def _condition_words(condition: dict[str, Any], st: State) -> str:
    parts = []
    if "consumers" in condition:
        said = {"count": figure(condition["consumers"], "count"), "state": state_name(st)}
        parts.append(_("at least %(count)s %(state)s residents a year") % said)
    if "revenue_above" in condition:
        parts.append(_("revenue above %(limit)s") % {"limit": figure(condition["revenue_above"], "usd")})
    if "share_above" in condition:
        parts.append(_("over %(share)s of revenue from selling data") % {"share": figure(condition["share_above"], "percent")})  # fmt: skip
    if "share_at_least" in condition:
        parts.append(_("at least %(share)s of revenue from selling data") % {"share": figure(condition["share_at_least"], "percent")})  # fmt: skip
    if condition.get("sells"):
        parts.append(_("any gain from selling data"))
    return _(" and ").join(parts)


def _test(st: State, condition: dict[str, Any], answers: dict[str, Any]) -> tuple[bool | None, list[str]]:
    """One test: met when every one of its conditions is met, failed when any one fails."""
    size = answers.get("size") or {}
    checks = [_residents(st, size, condition["consumers"])] if "consumers" in condition else []
    if "revenue_above" in condition:
        revenue = size.get("annual_revenue_usd")
        said = (
            _("your revenue is %(revenue)s") % {"revenue": figure(revenue, "usd")}
            if revenue is not None
            else _("you have not given your revenue")
        )
        checks.append((None if revenue is None else revenue > condition["revenue_above"], said))
    if "share_above" in condition or "share_at_least" in condition:
        checks.append(_share(size, condition))
    if condition.get("sells"):
        checks.append(_sells(answers))
    results = [met for met, _words in checks]
    if False in results:
        return False, [words for met, words in checks if met is False]
    return (None if None in results else True), [words for _met, words in checks]


def _trigger(name: str, answers: dict[str, Any]) -> bool | None:
    if name == "sells_data":
        return _sells(answers)[0]
    if name == "sensitive_data":
        sensitive = answers.get("sensitive")
        if not isinstance(sensitive, dict) or not sensitive:
            return None
        # schema_practices.SENSITIVE_FLAGS, spelt out: that module imports this one.
        return any(sensitive.get(flag) is True for flag in ("health", "children", "precise_location", "biometrics"))
    raise ValueError(f"unknown trigger {name!r} in laws.yaml us_states")


def _trigger_reason(name: str) -> str:
    if name == "sells_data":
        return _("You sell personal data, which brings it at any size.")
    return _("You hold sensitive data, which brings it at any size.")


def state_outcome(st: State, answers: dict[str, Any], *, today: date) -> Outcome:
    """Decide one state's law for a shop with US customers."""
    size = answers.get("size") or {}
    if today < st.in_force:
        # Translators: %(date)s is the day a law takes effect.
        return Outcome(
            NO,
            _("It takes effect on %(date)s.") % {"date": date_written(st.in_force.isoformat(), us_style=False)},
            "",
            st.source,
        )
    for name in st.triggers:
        if _trigger(name, answers):
            return Outcome(YES, _trigger_reason(name), _answer(name), st.trigger_source)
    sba = size.get("sba_small_business")
    if st.sba_exempt and sba == "yes":
        return Outcome(NO, _("You said your business is small by the SBA's standard, which it exempts."), "size.sba_small_business", st.source)  # fmt: skip
    floor = _revenue_floor(st, size)
    if floor is False:
        said = {"revenue": figure(size["annual_revenue_usd"], "usd"), "floor": _floor_words(st)}
        return Outcome(NO, _("Your revenue, %(revenue)s, is %(floor)s.") % said, "size.annual_revenue_usd", st.source)  # fmt: skip
    if not st.tests:  # Texas, Nebraska: every business that is not small
        if sba == "no":
            return Outcome(YES, _("You said your business is not small by the SBA's standard."), "size.sba_small_business", st.source)  # fmt: skip
        return Outcome(UNKNOWN, _("You have not said whether your business is small by the SBA's standard."), "size.sba_small_business", st.source)  # fmt: skip
    results = [(_test(st, condition, answers), condition) for condition in st.tests]
    answer = "size.us_consumers, size.us_state_consumers, size.revenue_share_from_data_pct"
    met = [words for (result, words), _condition in results if result is True]
    if met and floor is None:
        # Translators: %(floor)s is a revenue floor ("US$25,000,000 or more", "above US$25,000,000").
        reason = _("You meet its volume test but have not given your revenue: it reaches only businesses whose revenue is %(floor)s.") % {"floor": _floor_words(st, negative=False)}  # fmt: skip
        return Outcome(UNKNOWN, reason, "size.annual_revenue_usd", st.source)
    if met and st.sba_exempt and sba != "no":
        return Outcome(UNKNOWN, _("You meet its volume test, but have not said whether your business is small by the SBA's standard, which it exempts."), "size.sba_small_business", st.source)  # fmt: skip
    if met:
        return Outcome(YES, _("It reaches you: %(said)s.") % {"said": semicolon().join(met[0])}, answer, st.source)
    # Translators: joins a law's alternative tests ("at least 100,000 residents ...; or ...").
    tests = _("; or ").join(_condition_words(condition, st) for condition in st.tests)
    if all(result is False for (result, _words), _condition in results):
        why = semicolon().join(dict.fromkeys(w for (_result, words), _condition in results for w in words))
        # Translators: %(tests)s is what the law asks, %(said)s what the owner's answers say.
        return Outcome(NO, _("Its tests: %(tests)s. You: %(said)s.") % {"tests": tests, "said": why}, answer, st.source)
    unknown = next(words for (result, words), _condition in results if result is None)
    said = {"tests": tests, "said": semicolon().join(unknown)}
    return Outcome(UNKNOWN, _("Its tests: %(tests)s. So far, %(said)s.") % said, answer, st.source)


def _revenue_floor(st: State, size: dict[str, Any]) -> bool | None:
    """Whether the shop's revenue clears the state's floor: True also when the state has none."""
    if st.revenue_at_least is None and st.revenue_above is None:
        return True
    revenue = size.get("annual_revenue_usd")
    if revenue is None:
        return None
    return revenue >= st.revenue_at_least if st.revenue_at_least is not None else revenue > (st.revenue_above or 0)


def _floor_words(st: State, *, negative: bool = True) -> str:
    if st.revenue_at_least is not None:
        limit = figure(st.revenue_at_least, "usd")
        return _("below its floor of %(limit)s") % {"limit": limit} if negative else _("%(limit)s or more") % {"limit": limit}  # fmt: skip
    limit = figure(st.revenue_above or 0, "usd")
    return _("not above its floor of %(limit)s") % {"limit": limit} if negative else _("above %(limit)s") % {"limit": limit}  # fmt: skip


def _answer(trigger: str) -> str:
    return {"sells_data": "sells_data", "sensitive_data": "sensitive"}[trigger]


def states_to_count(size: dict[str, Any]) -> tuple[State, ...]:
    """The states whose residents the owner should count: those the US-wide band cannot rule out."""
    whole = _band(size.get("us_consumers"))
    if whole is None:
        return ()
    counted = []
    for st in us_states():
        lowest = min((int(t["consumers"]) for t in st.tests if "consumers" in t), default=None)
        if lowest is not None and (whole.high is None or whole.high > lowest):
            counted.append(st)
    return tuple(counted)
