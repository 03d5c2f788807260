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

from policybuilder.documents.law_tests import NO, UNKNOWN, YES, figure, library_rules


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


def _residents(st: State, size: dict[str, Any], at_least: int) -> tuple[bool | None, str]:
    """Whether the shop handles the data of at least `at_least` of the state's residents a year."""
    own = _band((size.get("us_state_consumers") or {}).get(st.code))
    if own is not None:
        met = own.low >= at_least
        return met, f"{own.words} {st.state} residents a year"
    whole = _band(size.get("us_consumers"))
    if whole is not None and whole.high is not None and whole.high <= at_least:
        return False, f"{whole.words} people in the whole US a year"
    if whole is not None:
        return None, f"{whole.words} people in the US a year, but not how many live in {st.state}"  # fmt: skip
    return None, "you have not said how many people in the US you handle data about"


def _share(size: dict[str, Any], condition: dict[str, Any]) -> tuple[bool | None, str]:
    value = size.get("revenue_share_from_data_pct")
    if value is None:
        return None, "you have not given the share of your revenue from selling personal data"
    met = value > condition["share_above"] if "share_above" in condition else value >= condition["share_at_least"]
    return met, f"{figure(value, 'percent')} of revenue from selling data"


def _sells(answers: dict[str, Any]) -> tuple[bool | None, str]:
    if "sells_data" not in answers:
        return None, "you have not said whether you sell personal data"
    sells = answers["sells_data"] is True
    return sells, "you sell personal data" if sells else "you do not sell personal data"


def _condition_words(condition: dict[str, Any], st: State) -> str:
    parts = (
        [f"at least {figure(condition['consumers'], 'count')} {st.state} residents a year"]
        if "consumers" in condition
        else []
    )
    if "revenue_above" in condition:
        parts.append(f"revenue above {figure(condition['revenue_above'], 'usd')}")
    if "share_above" in condition:
        parts.append(f"over {condition['share_above']}% of revenue from selling data")
    if "share_at_least" in condition:
        parts.append(f"{condition['share_at_least']}% of revenue from selling data")
    if condition.get("sells"):
        parts.append("any gain from selling data")
    return " and ".join(parts)


def _test(st: State, condition: dict[str, Any], answers: dict[str, Any]) -> tuple[bool | None, list[str]]:
    """One test: met when every one of its conditions is met, failed when any one fails."""
    size = answers.get("size") or {}
    checks = [_residents(st, size, condition["consumers"])] if "consumers" in condition else []
    if "revenue_above" in condition:
        revenue = size.get("annual_revenue_usd")
        said = f"your revenue is {figure(revenue, 'usd')}" if revenue is not None else "you have not given your revenue"
        checks.append((None if revenue is None else revenue > condition["revenue_above"], said))
    if "share_above" in condition or "share_at_least" in condition:
        checks.append(_share(size, condition))
    if condition.get("sells"):
        checks.append(_sells(answers))
    results = [met for met, _ in checks]
    if False in results:
        return False, [words for met, words in checks if met is False]
    return (None if None in results else True), [words for _, words in checks]


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


_TRIGGER_WORDS = {"sells_data": "you sell personal data", "sensitive_data": "you hold sensitive data"}


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def state_outcome(st: State, answers: dict[str, Any], *, today: date) -> Outcome:
    """Decide one state's law for a shop with US customers."""
    size = answers.get("size") or {}
    if today < st.in_force:
        return Outcome(NO, f"It takes effect on {st.in_force:%-d %B %Y}.", "", st.source)
    for name in st.triggers:
        if _trigger(name, answers):
            return Outcome(YES, _sentence(f"{_TRIGGER_WORDS[name]}, which brings it at any size"), _answer(name), st.trigger_source)  # fmt: skip
    sba = size.get("sba_small_business")
    if st.sba_exempt and sba == "yes":
        return Outcome(NO, "You said your business is small by the SBA's standard, which it exempts.", "size.sba_small_business", st.source)  # fmt: skip
    floor = _revenue_floor(st, size)
    if floor is False:
        return Outcome(NO, f"Your revenue, {figure(size['annual_revenue_usd'], 'usd')}, is {_floor_words(st)}.", "size.annual_revenue_usd", st.source)  # fmt: skip
    if not st.tests:  # Texas, Nebraska: every business that is not small
        if sba == "no":
            return Outcome(YES, "You said your business is not small by the SBA's standard.", "size.sba_small_business", st.source)  # fmt: skip
        return Outcome(UNKNOWN, "You have not said whether your business is small by the SBA's standard.", "size.sba_small_business", st.source)  # fmt: skip
    results = [(_test(st, condition, answers), condition) for condition in st.tests]
    answer = "size.us_consumers, size.us_state_consumers, size.revenue_share_from_data_pct"
    met = [words for (result, words), _ in results if result is True]
    if met and floor is None:
        return Outcome(UNKNOWN, f"You meet its volume test but have not given your revenue: it reaches only businesses whose revenue is {_floor_words(st, negative=False)}.", "size.annual_revenue_usd", st.source)  # fmt: skip
    if met and st.sba_exempt and sba != "no":
        return Outcome(UNKNOWN, "You meet its volume test, but have not said whether your business is small by the SBA's standard, which it exempts.", "size.sba_small_business", st.source)  # fmt: skip
    if met:
        return Outcome(YES, f"It reaches you: {'; '.join(met[0])}.", answer, st.source)
    tests = "; or ".join(_condition_words(condition, st) for condition in st.tests)
    if all(result is False for (result, _), _ in results):
        why = "; ".join(dict.fromkeys(w for (_, words), _ in results for w in words))
        return Outcome(NO, f"Its tests: {tests}. You: {why}.", answer, st.source)
    unknown = next(words for (result, words), _ in results if result is None)
    return Outcome(UNKNOWN, f"Its tests: {tests}. So far, {'; '.join(unknown)}.", answer, st.source)


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
        return f"below its floor of {limit}" if negative else f"{limit} or more"
    limit = figure(st.revenue_above or 0, "usd")
    return f"not above its floor of {limit}" if negative else f"above {limit}"


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
