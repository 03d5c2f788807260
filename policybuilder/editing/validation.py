"""Validation of an edited clause or service before it is saved, and of every stored clause at start-up.

Each problem names its line and says in plain words what is wrong. The checks, cheapest first:
the condition compiles and reads only real facts; the body parses, passes the sandbox's checks and
reads only real facts; `satisfies` names real legal items; then a trial rendering against every
shipped sample shop, inside the sandbox's bounds.
"""

import difflib
import time
from collections.abc import Iterable
from dataclasses import replace

from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.parser import Parser

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.engine import ENV, ClauseError, CompiledLibrary, expression_compile, template_compile
from policybuilder.documents.sandbox import template_check
from policybuilder.documents.translate import structure_errors
from policybuilder.editing.names import Problem, expression_names_check, template_names_check
from policybuilder.editing.trial import (
    ClauseTrial,
    clause_compiled,
    clause_try,
    library_base,
    library_with_clause,
    library_with_service,
    sample_context,
    samples_usable,
)
from policybuilder.library.models import LegalItem
from policybuilder.library.selectors import english_source, library_snapshot
from policybuilder.library.types import ClauseData, ServiceData

MAX_BODY = 20_000
TRIAL_SECONDS = 5.0  # for all samples together; a real clause takes milliseconds
_PLAIN = {
    "unexpected end of template": "The text ends while a block is still open: every {% if %} needs an "
    "{% endif %} and every {% for %} an {% endfor %}.",
    "expected token 'end of print statement'": "A {{ … }} is not closed properly, or holds two values "
    "side by side: check its braces and quotes.",
    "unexpected '}'": "There is a stray '}': values are written {{ like.this }} and blocks {% like this %}.",
    "No filter named": "That filter does not exist. A clause can use: " + ", ".join(sorted(ENV.filters)) + ".",
    "Encountered unknown tag": "A block tag is misspelt, or closes a block that is not open.",
    "has no attribute": "A value is empty for this shop: guard it with {% if … %} before using it.",
    "is undefined": "A name the clause reads does not exist for this shop.",
}


def _plain(message: str) -> str:
    for start, plain in _PLAIN.items():
        if start.lower() in message.lower():
            return f"{plain} (The template engine says: {message})"
    return message


def _sandbox_line(exc: SecurityError) -> tuple[int | None, str]:
    """template_check's messages start "line N: "."""
    head, _, rest = str(exc.message).partition(": ")
    return (int(head[5:]), rest) if head.startswith("line ") and head[5:].isdigit() else (None, str(exc.message))


def when_problems(when: str) -> list[Problem]:
    if not when.strip():
        return [Problem(None, "The condition is empty: write `true` to use the clause in every policy.", "when")]
    try:
        expression_compile(when, where="condition")
    except ClauseError as exc:
        message = getattr(exc.__cause__, "message", None) or str(exc)
        return [Problem(None, f"The condition does not work: {_plain(message)}", "when")]
    names = expression_names_check(Parser(ENV, when, state="variable").parse_expression())
    return [Problem(None, f"In the condition: {p.message}", "when") for p in names]


def body_problems(clause: ClauseData) -> list[Problem]:
    if len(clause.body) > MAX_BODY:
        return [Problem(None, f"The text has {len(clause.body)} characters; a clause may have at most {MAX_BODY}.")]
    try:
        tree = ENV.parse(clause.body)
        template_check(tree)
    except TemplateSyntaxError as exc:
        return [Problem(exc.lineno, _plain(exc.message or ""))]
    except SecurityError as exc:
        line, message = _sandbox_line(exc)
        return [Problem(line, f"Not allowed in a clause: {message}")]
    problems = template_names_check(tree)
    if not problems:
        try:
            template_compile(clause)
        except ClauseError as exc:
            cause = exc.__cause__
            return [Problem(getattr(cause, "lineno", None), _plain(getattr(cause, "message", None) or str(exc)))]
    return problems


def satisfies_problems(satisfies: Iterable[str], *, known: set[str] | None = None) -> list[Problem]:
    known = known if known is not None else set(LegalItem.objects.values_list("item_id", flat=True))
    problems = []
    for item in satisfies:
        if item not in known:
            close = difflib.get_close_matches(item, known, n=1)
            hint = f" Did you mean `{close[0]}`?" if close else " The legal items page lists every id."
            problems.append(Problem(None, f"`{item}` is not a legal item.{hint}", "satisfies"))
    return problems


def _grouped(found: dict[tuple[int | None, str, str], list[str]]) -> list[Problem]:
    """One problem per distinct error, naming every sample shop it happened for."""
    problems = []
    for (line, message, field), shops in found.items():
        named = ", ".join(shops[:3]) + (f" and {len(shops) - 3} more" if len(shops) > 3 else "")
        problems.append(
            Problem(line, f"For the sample {'shops' if len(shops) > 1 else 'shop'} {named}: {message}", field)
        )
    return problems


def _trial_key(trial: ClauseTrial) -> tuple[int | None, str, str]:
    return trial.line, _plain(trial.error), "body" if trial.selected else "when"


def trial_problems(clause: ClauseData, *, library: CompiledLibrary | None = None) -> list[Problem]:
    """Render the clause for every shipped sample shop; problems say for which shops it failed."""
    try:
        library = library_with_clause(clause, library=library or library_base())
    except ClauseError as exc:
        return [Problem(None, str(exc))]
    compiled = clause_compiled(library, clause.slug)
    found: dict[tuple[int | None, str, str], list[str]] = {}
    started = time.monotonic()
    for sample in samples_usable(library):
        trial = clause_try(clause=compiled, sample=sample, context=sample_context(sample, library))
        if trial.error:
            found.setdefault(_trial_key(trial), []).append(sample.label)
        if time.monotonic() - started > TRIAL_SECONDS:
            return [*_grouped(found), Problem(None, f"Trying it on the sample shops took over {TRIAL_SECONDS:g} s.")]
    return _grouped(found)


def library_problems() -> dict[str, list[Problem]]:
    """Every stored clause's problems, by slug: the start-up check. One context per sample for all clauses."""
    data = library_snapshot()
    items = {item.item_id for item in data.items}
    found = {}
    for clause in data.clauses:
        problems = [
            *when_problems(clause.when),
            *body_problems(clause),
            *satisfies_problems(clause.satisfies, known=items),
        ]
        if problems:
            found[clause.slug] = problems
    library = library_base()
    failures: dict[str, dict[tuple[int | None, str, str], list[str]]] = {}
    for sample in samples_usable(library):
        context = sample_context(sample, library)
        for compiled in library.clauses:
            trial = clause_try(clause=compiled, sample=sample, context=context)
            if trial.error and compiled.data.slug not in found:
                failures.setdefault(compiled.data.slug, {}).setdefault(_trial_key(trial), []).append(sample.label)
    return found | {slug: _grouped(failed) for slug, failed in failures.items()}


def clause_problems(clause: ClauseData) -> list[Problem]:
    """Everything wrong with an edited clause; empty when it may be saved. Called by the admin form."""
    problems = [*when_problems(clause.when), *body_problems(clause), *satisfies_problems(clause.satisfies)]
    return problems or trial_problems(clause)


def translation_problems(kind: str, key: str, title: str, body: str) -> list[Problem]:
    """A clause translation gets the English clause's checks, on its own text, and must read the same facts
    as the English (documents/translate.py structure_errors); other translations have nothing to compile."""
    english = english_source(kind, key)
    if kind != "clause" or not isinstance(english, ClauseData):
        return []
    problems = clause_problems(replace(english, title=title, body=body))
    problems += [
        Problem(None, f"The translation does not follow the English: {error}.", "body")
        for error in structure_errors(english.body, body)
    ]
    return problems


def service_problems(service: ServiceData) -> list[Problem]:
    """Assemble every sample policy with the edited service in the catalogue; empty when all of them work."""
    base = library_base()
    library = library_with_service(service, library=base)
    problems = []
    for sample in samples_usable(base):
        try:
            policy_assemble(answers=sample.answers, library=library)
        except (ClauseError, InvalidAnswers) as exc:
            problems.append(Problem(None, f"The policy for the sample shop {sample.label} fails: {exc}", "__all__"))
    return problems
