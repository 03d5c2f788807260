"""Assembly: answers in, a complete policy out (sections, coverage report, readability)."""

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, ngettext

from policybuilder.documents.clause_html import markdown_html
from policybuilder.documents.coverage import Coverage, coverage_build
from policybuilder.documents.engine import (
    CompiledLibrary,
    clause_render,
    clause_selected,
    facts_context,
    library_current,
)
from policybuilder.documents.facts import PolicyFacts, facts_build
from policybuilder.documents.readability import Readability, readability_measure
from policybuilder.documents.schema import answers_schema, answers_validate
from policybuilder.documents.text import markdown_units
from policybuilder.documents.to_confirm import Unconfirmed
from policybuilder.documents.translate import (
    catalogue_translated,
    clause_translated,
    section_title,
    tax_rule_errors,
    translation_errors,
    unreviewed,
)
from policybuilder.documents.unconfirmed import unconfirmed_build
from policybuilder.languages import SOURCE, language


class InvalidAnswers(ValueError):
    """The answers break the contract; `errors` has one message per bad field."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class RenderedClause:
    slug: str
    title: str
    markdown: str
    html: str


@dataclass(frozen=True)
class RenderedSection:
    slug: str
    title: str
    clauses: tuple[RenderedClause, ...]

    @property
    def show_clause_titles(self) -> bool:
        return len(self.clauses) > 1


@dataclass(frozen=True)
class Policy:
    answers: dict[str, Any]
    facts: PolicyFacts
    sections: tuple[RenderedSection, ...]
    coverage: Coverage
    library_revision: str
    unconfirmed: tuple[Unconfirmed, ...]  # what the owner has still to confirm ("To confirm")
    title: str = ""  # "Privacy policy for <shop>", in the policy's language

    @cached_property
    def readability(self) -> Readability:
        # Measured on demand: the HTML export does not need it, the JSON export and result page do.
        # Links count by their words only: a reader sees "ico.org.uk", not the address behind it.
        return readability_measure(
            [unit for s in self.sections for c in s.clauses for unit in markdown_units(c.markdown, addresses=False)],
            code=self.facts.language,
        )


def catalogue_slugs(library: CompiledLibrary) -> dict[str, list[str]]:
    slugs: dict[str, list[str]] = {}
    for service in library.catalogue.values():
        slugs.setdefault(service.kind, []).append(service.slug)
    return slugs


_schemas: dict[str, dict[str, Any]] = {}


def schema_current(library: CompiledLibrary | None = None) -> dict[str, Any]:
    """The answers JSON Schema for the library as it is now (built once per library revision).

    Callers must not change the returned schema: it is shared.
    """
    library = library or library_current()
    schema = _schemas.get(library.revision)
    if schema is None:
        _schemas.clear()  # only the current revision is ever asked for again
        schema = _schemas[library.revision] = answers_schema(catalogue_slugs=catalogue_slugs(library))
    return schema


def policy_assemble(*, answers: Any, library: CompiledLibrary | None = None) -> Policy:
    """Validate the answers and assemble the policy in its language; raises InvalidAnswers (a bad answer, or
    a language some needed text has no current translation in) and nothing else happens."""
    library = library or library_current()
    errors = answers_validate(answers, schema=schema_current(library))
    if errors:
        raise InvalidAnswers(errors)
    code = str(answers.get("language") or SOURCE)
    with translation.override(language(code).django):  # the Python phrases (gettext) in the same language
        return _assemble(answers, library, code)


def _assemble(answers: dict[str, Any], library: CompiledLibrary, code: str) -> Policy:
    facts = facts_build(answers=answers, catalogue=catalogue_translated(library, code), english=library.catalogue)
    context = facts_context(facts)
    chosen = [clause for clause in library.clauses if clause_selected(clause, context)]
    needed = [("clause", c.data.slug) for c in chosen] + [("section", c.data.section) for c in chosen]
    needed += [("service", provider.slug) for provider in facts.services if provider.slug]
    errors = translation_errors(library, code, needed) + tax_rule_errors(facts, code)
    if errors:
        raise InvalidAnswers(errors)
    rendered: dict[str, list[RenderedClause]] = {}
    selected: list[tuple[str, tuple[str, ...]]] = []
    for clause in chosen:
        title, template = clause_translated(library, clause, code)
        markdown = clause_render(clause, context, template=template)
        if not markdown:
            continue
        data = clause.data
        selected.append((data.slug, data.satisfies))
        html = markdown_html(markdown)
        rendered.setdefault(data.section, []).append(
            RenderedClause(slug=data.slug, title=title, markdown=markdown, html=html)
        )
    sections = tuple(
        RenderedSection(slug=s.slug, title=section_title(library, s, code), clauses=tuple(rendered[s.slug]))
        for s in library.sections
        if s.slug in rendered
    )
    coverage = coverage_build(library=library, context=context, selected=selected)
    machine = unreviewed(library, code, needed)
    if machine:
        # Translators: the coverage report's note on a translated policy; %(language)s is its language's own name.
        note = ngettext(
            "This version in %(language)s uses %(count)s machine-written translation that no native speaker has "
            "yet reviewed for legal accuracy: have it checked before you publish it.",
            "This version in %(language)s uses %(count)s machine-written translations that no native speaker has "
            "yet reviewed for legal accuracy: have it checked before you publish it.",
            machine,
        ) % {"language": language(code).native, "count": machine}
        coverage = replace(coverage, notes=(note, *coverage.notes))
    return Policy(
        answers=answers,
        facts=facts,
        sections=sections,
        coverage=coverage,
        library_revision=library.revision,
        unconfirmed=unconfirmed_build(facts=facts, answers=answers),
        title=gettext("Privacy policy for %(shop)s") % {"shop": facts.shop.name},
    )
