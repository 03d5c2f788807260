"""Trying an unsaved clause or service out: the current library with one entry swapped for the edited one.

Both the validation on save and the live preview go through here, so what the preview shows is
exactly what saving would check.
"""

from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any

from policybuilder.documents.assemble import schema_current
from policybuilder.documents.clause_html import markdown_html
from policybuilder.documents.engine import (
    ClauseError,
    CompiledClause,
    CompiledLibrary,
    clause_render,
    clause_selected,
    expression_compile,
    facts_context,
    library_compile,
    library_current,
    template_compile,
)
from policybuilder.documents.facts import facts_build
from policybuilder.documents.schema import answers_validate
from policybuilder.editing.samples import Sample, samples_all
from policybuilder.library.selectors import library_snapshot
from policybuilder.library.types import ClauseData, ServiceData


def _compiles(clause: ClauseData) -> bool:
    try:
        expression_compile(clause.when, where=clause.slug)
        template_compile(clause)
    except ClauseError:
        return False
    return True


def library_base() -> CompiledLibrary:
    """The current compiled library; when a stored clause does not compile (one forced into the database),
    the library without it, so that editors can still try out and save the fix."""
    try:
        return library_current()
    except ClauseError:
        data = library_snapshot()
        return library_compile(replace(data, clauses=tuple(c for c in data.clauses if _compiles(c))))


def library_with_clause(clause: ClauseData, *, library: CompiledLibrary | None = None) -> CompiledLibrary:
    """The current library with `clause` in place of the stored clause of the same slug (or added);
    raises ClauseError when the clause does not compile."""
    library = library or library_base()
    compiled = CompiledClause(
        data=clause,
        when=expression_compile(clause.when, where=f"clause {clause.slug}"),
        template=template_compile(clause),
    )
    order = {s.slug: s.order for s in library.sections}
    clauses = [c for c in library.clauses if c.data.slug != clause.slug] + [compiled]
    clauses.sort(key=lambda c: (order.get(c.data.section, 0), c.data.order, c.data.slug))
    return replace(library, clauses=tuple(clauses))


def library_with_service(service: ServiceData, *, library: CompiledLibrary | None = None) -> CompiledLibrary:
    """The current library with `service` in the catalogue in place of the stored one of the same slug."""
    library = library or library_base()
    return replace(library, catalogue=library.catalogue | {service.slug: service})


@dataclass(frozen=True)
class ClauseTrial:
    """One clause tried on one sample shop: whether it is used, and its text or what went wrong."""

    sample: Sample
    selected: bool
    markdown: str = ""
    html: str = ""
    error: str = ""
    line: int | None = None


def template_line(exc: BaseException) -> int | None:
    """The clause line a rendering error happened on, from the template frames Jinja puts in tracebacks."""
    line: int | None = None
    error: BaseException | None = exc
    while error is not None:  # the engine wraps the error: the template frames are on the innermost one
        tb: TracebackType | None = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<template>":
                line = tb.tb_lineno
            tb = tb.tb_next
        error = error.__cause__
    return line


def samples_usable(library: CompiledLibrary) -> list[Sample]:
    """The shipped sample shops whose answers hold with `library`'s catalogue (all of them, unless a
    catalogue entry they name is missing, as in a database not loaded yet)."""
    schema = schema_current(library)
    return [sample for sample in samples_all().values() if not answers_validate(sample.answers, schema=schema)]


def sample_context(sample: Sample, library: CompiledLibrary) -> dict[str, Any]:
    """The names a clause sees for `sample`, with `library`'s catalogue."""
    return facts_context(facts_build(answers=sample.answers, catalogue=library.catalogue))


def clause_try(*, clause: CompiledClause, sample: Sample, context: dict[str, Any]) -> ClauseTrial:
    """Select and render `clause` for `sample` (whose context is given); errors are returned, not raised."""
    slug = clause.data.slug
    try:
        if not clause_selected(clause, context):
            return ClauseTrial(sample=sample, selected=False)
    except ClauseError as exc:
        return ClauseTrial(sample=sample, selected=False, error=_plain(exc, slug))
    try:
        markdown = clause_render(clause, context)
    except ClauseError as exc:
        return ClauseTrial(sample=sample, selected=True, error=_plain(exc, slug), line=template_line(exc))
    return ClauseTrial(sample=sample, selected=True, markdown=markdown, html=markdown_html(markdown))


def clause_compiled(library: CompiledLibrary, slug: str) -> CompiledClause:
    return next(c for c in library.clauses if c.data.slug == slug)


def _plain(exc: ClauseError, slug: str) -> str:
    """The engine's message without the "clause <slug>:" prefix the editor does not need."""
    return str(exc).removeprefix(f"clause {slug}: ").removeprefix(f"clause {slug}, ")
