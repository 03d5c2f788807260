"""The clause engine: one sandboxed Jinja environment, and the library compiled for it.

Clause bodies are Markdown with Jinja variables, written by editors in the browser, so they
render only in Jinja's sandbox, with StrictUndefined (a missing fact is an error, never a blank
in a legal document). Every value a template prints is escaped for Markdown on the way out, so
markup, Markdown or template syntax in an answer comes out as the literal characters.
"""

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError
from jinja2 import StrictUndefined, Template, TemplateError
from markdown_it import MarkdownIt

from policybuilder.documents.facts import PolicyFacts
from policybuilder.documents.lists import and_list, or_list
from policybuilder.documents.places import in_place
from policybuilder.documents.sandbox import SAFE_FILTERS, ClauseSandbox, bounded_range, output_bounded, template_check
from policybuilder.library.revision import revision_current
from policybuilder.library.selectors import library_snapshot
from policybuilder.library.translations import source_revision, sources
from policybuilder.library.types import (
    ClauseData,
    LawData,
    LegalItemData,
    LibraryData,
    SectionData,
    ServiceData,
    TranslationData,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# A web or mail address may stand inside a Markdown link, (...): its own parentheses get a backslash
# too, or a URL ending in ")" would close the link early. Other text keeps them as typed.
_ADDRESS = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_MD_NUMBERED = re.compile(r"^(\d+)[.)]")


class ClauseError(ValueError):
    """A clause that cannot be compiled or rendered; the message names the clause and the line."""


class LibraryUnavailable(ClauseError):
    """The database holds no clause library yet."""

    def __init__(self) -> None:
        super().__init__("the clause library is not in the database: run `make db` (migrate, then loadclauses)")


def md_escape(value: Any) -> str:
    """Make one printed value literal in Markdown: every syntax character gets a backslash."""
    if value is None:
        raise TemplateError("a clause printed an empty value (None); guard it with {% if %}")
    text = " ".join(str(value).split())  # an answer never starts a new Markdown block
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if _ADDRESS.match(text):
        text = text.replace("(", "\\(").replace(")", "\\)")
    numbered = _MD_NUMBERED.match(text)
    if numbered:  # "1. Shop" would start an ordered list
        return f"{numbered[1]}\\{text[numbered.end(1) :]}"
    return "\\" + text if text and text[0] in "#+=-" else text


def _in_places(items: Any) -> str:
    """'in A, in B or in C' as the language says it: "dans l'UE ou au Royaume-Uni"."""
    return or_list([in_place(str(item)) for item in items])


def _names(providers: Any) -> str:
    return and_list([p.name for p in providers])


def environment_make() -> ClauseSandbox:
    env = ClauseSandbox(
        undefined=StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters = {name: f for name, f in env.filters.items() if name in SAFE_FILTERS}
    env.filters.update(and_list=and_list, or_list=or_list, in_places=_in_places, names=_names)
    env.globals = {"range": bounded_range}
    return env


ENV = environment_make()
MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def facts_context(facts: PolicyFacts) -> dict[str, Any]:
    """The names a clause may use (clauses/README.md lists them), and nothing else."""
    return {
        "shop": facts.shop,
        "data": facts.data,
        "payments": facts.payments,
        "analytics": facts.analytics,
        "advertising": facts.advertising,
        "platform": facts.platform,
        "newsletter": facts.newsletter,
        "double_opt_in": facts.double_opt_in,
        "shipping": facts.shipping,
        "services": facts.services,
        "processors": facts.processors,
        "independent_providers": facts.independent_providers,
        "processor_rows": facts.processor_rows,
        "controller_rows": facts.controller_rows,
        "transfer_table": facts.transfer_table,
        "cookie_trackers": facts.cookie_trackers,
        "uses_cookies": facts.uses_cookies,
        "third_party_tracking": facts.third_party_tracking,
        "sells_data": facts.sells_data,
        "sells_data_known": facts.sells_data_known,
        "sells_or_shares": facts.sells_or_shares,
        "consent_based": facts.consent_based,
        "children": facts.children,
        "teens": facts.teens,
        "laws": facts.laws,
        "transfers": facts.transfers,
        "transfer_countries": facts.transfer_countries,
        "kinds": facts.kinds,
        "ccpa_collected": facts.ccpa_collected,
        "ccpa_disclosed": facts.ccpa_disclosed,
        "ccpa_shared": facts.ccpa_shared,
        "retention": facts.retention,
        "practices": facts.practices,
        "sensitive": facts.sensitive,
        "sales": facts.sales,
        "parental_consent": facts.parental_consent,
        "effective_date": facts.effective_date,
        "language": facts.language,
        "prevailing": facts.prevailing,
        "prevails_here": facts.prevails_here,
        "versions_url": facts.versions_url,
    }


@dataclass(frozen=True)
class CompiledClause:
    data: ClauseData
    when: Callable[..., Any]
    template: Template


@dataclass(frozen=True)
class CompiledItem:
    data: LegalItemData
    applies: Callable[..., Any]


@dataclass(frozen=True)
class CompiledLibrary:
    revision: str
    sections: tuple[SectionData, ...]
    clauses: tuple[CompiledClause, ...]  # in document order
    catalogue: dict[str, ServiceData]
    laws: dict[str, LawData]
    items: tuple[CompiledItem, ...]
    translations: dict[tuple[str, str, str], TranslationData] = field(default_factory=dict)  # (kind, key, language)
    revisions: dict[tuple[str, str], str] = field(default_factory=dict)  # each English text's source revision
    # Translated clause templates, compiled when a policy in that language first needs them.
    translated: dict[tuple[str, str], Template] = field(default_factory=dict, compare=False, repr=False)


def _always(**_: Any) -> bool:
    return True


def expression_compile(source: str, *, where: str) -> Callable[..., Any]:
    """Compile a `when` or `applies` condition; most are plain "true", which needs no evaluation."""
    if source.strip() == "true":
        return _always
    try:
        return ENV.compile_expression(source, undefined_to_none=False)
    except TemplateError as exc:
        raise ClauseError(f"{where}: the condition {source!r} does not compile: {exc}") from exc


def template_compile(clause: ClauseData | TranslationData) -> Template:
    slug = clause.slug if isinstance(clause, ClauseData) else f"{clause.key} ({clause.language})"
    try:
        tree = ENV.parse(clause.body)
        template_check(tree)
        return ENV.from_string(tree)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"clause {slug}, line {line}" if line else f"clause {slug}"
        raise ClauseError(f"{where}: {exc.message}") from exc


def library_compile(data: LibraryData) -> CompiledLibrary:
    """Compile every clause body and condition once; raises ClauseError naming the first bad one."""
    section_order = {s.slug: s.order for s in data.sections}
    ordered = sorted(data.clauses, key=lambda c: (section_order[c.section], c.order, c.slug))
    return CompiledLibrary(
        revision=data.revision,
        sections=tuple(sorted(data.sections, key=lambda s: s.order)),
        clauses=tuple(
            CompiledClause(
                data=c, when=expression_compile(c.when, where=f"clause {c.slug}"), template=template_compile(c)
            )
            for c in ordered
        ),
        catalogue={s.slug: s for s in data.services},
        laws={law.code: law for law in data.laws},
        items=tuple(
            CompiledItem(data=i, applies=expression_compile(i.applies, where=f"legal item {i.item_id}"))
            for i in data.items
        ),
        translations={(t.kind, t.key, t.language): t for t in data.translations},
        revisions={key: source_revision(key[0], entry) for key, entry in sources(data).items()},
    )


def clause_render(clause: CompiledClause, context: dict[str, Any], *, template: Template | None = None) -> str:
    """Render one clause body (or its translation, `template`) to Markdown; raises ClauseError naming the
    clause and the line."""
    try:
        return output_bounded((template or clause.template).generate(context)).strip()
    except TemplateError as exc:
        raise ClauseError(f"clause {clause.data.slug}: {exc}") from exc


def clause_selected(clause: CompiledClause, context: dict[str, Any]) -> bool:
    try:
        return bool(clause.when(**context))
    except TemplateError as exc:
        raise ClauseError(f"clause {clause.data.slug}: its condition failed: {exc}") from exc


_compiled: CompiledLibrary | None = None
_compiled_lock = threading.Lock()


def library_current() -> CompiledLibrary:
    """The compiled library at the current revision (library/revision.py), compiled again only on change."""
    global _compiled
    try:
        revision = revision_current()
        if _compiled is None or _compiled.revision != revision:
            with _compiled_lock:
                if _compiled is None or _compiled.revision != revision:
                    _compiled = library_compile(library_snapshot())
    except DatabaseError as exc:
        raise LibraryUnavailable() from exc
    if not _compiled.clauses:
        raise LibraryUnavailable()
    return _compiled
