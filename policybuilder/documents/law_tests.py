"""The tests that decide whether a size-tested law reaches a shop, and the other legal rules that
depend on a figure or a fixed wording, as `clauses/laws.yaml` states them (its `rules` part).

Thresholds are legal facts with a source and a date checked, so they live in the reviewed library
file and never in code: a new CPPA adjustment is a one-line change there.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents.law_texts import law_phrase
from policybuilder.documents.lists import semicolon

YES, NO, UNKNOWN = "yes", "no", "unknown"
_UNITS = {"usd": "US${}", "aud": "A${}", "count": "{}"}
# (the test is "above", met) -> how a reason compares the figure with the threshold
_COMPARISONS = {
    # Translators: %(figure)s is a figure in words ("your annual gross revenue"), %(value)s the owner's
    # answer, %(limit)s the law's threshold; as in the three sentences below.
    (True, True): gettext_noop("%(figure)s is %(value)s, above %(limit)s"),
    (True, False): gettext_noop("%(figure)s is %(value)s, not above %(limit)s"),
    (False, True): gettext_noop("%(figure)s is %(value)s, at least %(limit)s"),
    (False, False): gettext_noop("%(figure)s is %(value)s, below %(limit)s"),
}
# The keys of laws.yaml's rules whose text a reader sees: translated as phrases (law_texts.law_phrase).
PHRASE_KEYS = ("label", "question", "words", "says", "sensitive_sale")


@dataclass(frozen=True)
class Test:
    answer: str  # the field under `size` in the answers ("annual_revenue_usd")
    label: str  # the figure in words, for "Your ... is ..."
    source: str  # the statute or regulation, exact section
    checked: str  # the date the figure was checked, or "not confirmed"
    question: str  # the To confirm question; {limit} is the threshold
    unit: str = "count"
    above: int | None = None  # met when the figure is above this
    at_least: int | None = None  # met when the figure is this or more
    exceptions: tuple[tuple[str, str, str], ...] = ()  # (value, words, source): met when any is given

    def limit(self) -> str:
        value = self.above if self.above is not None else self.at_least
        return figure(value or 0, self.unit)


@dataclass(frozen=True)
class Outcome:
    applies: str  # YES | NO | UNKNOWN
    reason: str  # why, in plain words
    answer: str  # the answer (or answers) it comes from, as paths in the answers contract
    source: str  # the test's legal source
    missing: tuple[Test, ...] = ()  # the tests whose figure the owner has not given


def figure(value: int, unit: str) -> str:
    """A figure as the language being written groups its digits (26,625,000; 26.625.000)."""
    number = number_format(value, force_grouping=True)
    if unit == "percent":
        # Translators: a percentage, with the space the language puts before % (French "25 %", no-break).
        return _("%(number)s%%") % {"number": number}
    return _UNITS.get(unit, "{}").format(number)


@cache
def library_rules() -> dict[str, Any]:
    """The `rules` part of clauses/laws.yaml, read once per process.

    Read from the library file, not its database copy: the database has no field for these rules,
    laws and legal items are not edited in the admin (loadclauses always makes them follow the
    files), and the files ship with every deployment. Cached because they change only with a deploy.
    """
    data = yaml.safe_load((settings.CLAUSES_DIR / "laws.yaml").read_text(encoding="utf-8"))
    return dict(data.get("rules") or {})


def rule_phrases() -> list[str]:
    """Every English phrase of the rules a reader sees, in file order: what laws.<code>.yaml translates."""
    found: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in PHRASE_KEYS and node not in found:
            found.append(node)

    walk(library_rules())
    return found


def _test(entry: dict[str, Any]) -> Test:
    exceptions = tuple((key, e["words"], e["source"]) for key, e in (entry.get("exceptions") or {}).items())
    return Test(
        answer=entry["answer"], label=entry["label"], source=entry["source"], checked=str(entry["checked"]),
        question=entry["question"], unit=entry.get("unit", "count"), above=entry.get("above"),
        at_least=entry.get("at_least"), exceptions=exceptions,
    )  # fmt: skip


def size_tests(code: str) -> tuple[Test, ...]:
    """The tests of one law, in the order the law lists them: the law applies when any one is met."""
    return tuple(_test(entry) for entry in library_rules()["size_tests"][code])


def _met(test: Test, size: dict[str, Any]) -> bool | None:
    """Whether the shop meets one test; None when the owner has not given the figure."""
    value = size.get(test.answer)
    if value is None:
        return None
    if test.exceptions:
        return bool(set(value) & {key for key, _words, _source in test.exceptions})
    return value > test.above if test.above is not None else value >= (test.at_least or 0)


def _said(test: Test, size: dict[str, Any], *, met: bool) -> str:
    value = size[test.answer]
    if test.exceptions:
        if not met:
            return _("you said none of its exceptions applies to your business")
        words = [law_phrase(w) for key, w, _source in test.exceptions if key in value]
        # Translators: %(things)s is what the owner said of the business ("trades in personal information").
        return _("you said your business %(things)s") % {"things": _(" and ").join(words)}
    comparison = _(_COMPARISONS[(test.above is not None, met)])
    return comparison % {"figure": law_phrase(test.label), "value": figure(value, test.unit), "limit": test.limit()}


def size_outcome(code: str, size: dict[str, Any]) -> Outcome:
    """Decide a size-tested law (us-ca, au) from the `size` answers: yes when any test is met, no when
    every figure is given and none is met, unknown otherwise."""
    tests = size_tests(code)
    missing: list[Test] = []
    below: list[Test] = []
    for test in tests:
        met = _met(test, size)
        if met:
            source = next((s for key, _words, s in test.exceptions if key in size[test.answer]), test.source)
            said = _said(test, size, met=True)
            return Outcome(YES, said[:1].upper() + said[1:] + ".", f"size.{test.answer}", source)
        (missing if met is None else below).append(test)
    if missing:
        said = semicolon().join(_said(t, size, met=False) for t in below)
        given = {"figures": _(" or ").join(law_phrase(t.label) for t in missing), "said": said}
        # Translators: %(figures)s names the figures not given ("your annual turnover or the exceptions ...").
        reason = (
            _("You have not given %(figures)s. So far, %(said)s.") if said else _("You have not given %(figures)s.")
        )
        answers = ", ".join(f"size.{t.answer}" for t in missing)
        return Outcome(UNKNOWN, reason % given, answers, "; ".join(t.source for t in tests), missing=tuple(missing))
    said = semicolon().join(_said(t, size, met=False) for t in tests)
    reason = _("Your business meets none of its tests: %(said)s.") % {"said": said}
    return Outcome(NO, reason, ", ".join(f"size.{t.answer}" for t in tests), "; ".join(t.source for t in tests))


def rule(name: str) -> Any:
    """One of the other rules (`gdpr_representative`, `lgpd_small_agent`, `ccpa_optout_link`, ...)."""
    return library_rules()[name]
