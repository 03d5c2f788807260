"""A policy in another language: the translated clause, section and service texts it needs, each used
only while it translates the English as it is now (library/translations.py).

A policy in French needs the French of every clause it selects, of every section it shows and of the
catalogue texts of every service it names. If one is missing or stale, the policy is not built in
French: the message names each text, so an editor knows what to fix. Phrases written in Python (country
names, list joins, dates, the catalogue's defaults) come from Django's gettext catalogues (locale/),
switched on for the whole assembly.
"""

from collections import Counter
from dataclasses import replace
from typing import cast

from jinja2 import Template, TemplateError, nodes

from policybuilder.documents.engine import ENV, CompiledClause, CompiledLibrary, template_compile
from policybuilder.documents.facts import PolicyFacts
from policybuilder.documents.tax_records import tax_record_rule
from policybuilder.languages import SOURCE, language, text_languages
from policybuilder.library.translations import CONFIRMED
from policybuilder.library.types import SectionData, ServiceData, TranslationData


def _found(library: CompiledLibrary, kind: str, key: str, code: str) -> TranslationData | None:
    """The translation a text in `code` uses: a variant's own where it has one (even a stale one: it exists
    because the variant's wording differs), else its base language's."""
    return next(
        (library.translations[k] for k in ((kind, key, c) for c in text_languages(code)) if k in library.translations),
        None,
    )


def _current(library: CompiledLibrary, kind: str, key: str, code: str) -> TranslationData | None:
    """The translation of one text, if it translates the English as it is now."""
    found = _found(library, kind, key, code)
    return found if found is not None and found.translates == library.revisions.get((kind, key)) else None


def translation_errors(library: CompiledLibrary, code: str, needed: list[tuple[str, str]]) -> list[str]:
    """One message naming every text of `needed` ((kind, slug) pairs) with no current translation."""
    if code == SOURCE:
        return []
    name = language(code).name
    missing = []
    for kind, key in dict.fromkeys(needed):
        if _current(library, kind, key, code) is None:
            why = "stale: the English has changed" if _found(library, kind, key, code) else "not translated"
            missing.append(f"{kind} “{key}” ({why})")
    if not missing:
        return []
    return [
        f"language: this policy cannot be built in {name} yet, because these texts have no current {name} "
        f"translation: {', '.join(missing)}. An editor fixes them in the admin, under Translations."
    ]


def tax_rule_errors(facts: PolicyFacts, code: str) -> list[str]:
    """The policy names its country's record-keeping rule (tax-records.yaml) in `code`: it needs a current
    translation of it, unless the owner set their own period (the rule is then our own phrase)."""
    tax = tax_record_rule(facts.shop.country)
    if code == SOURCE or tax.rule_in(code) is not None or facts.retention.orders_rule != tax.rule:
        return []
    name = language(code).name
    given = dict(tax.translations)
    why = "stale: the English has changed" if any(c in given for c in text_languages(code)) else "not translated"
    return [
        f"language: this policy cannot be built in {name} yet, because the record-keeping rule for "
        f"{tax.country} in clauses/tax-records.yaml has no current {name} translation ({why})."
    ]


def catalogue_translated(library: CompiledLibrary, code: str) -> dict[str, ServiceData]:
    """The catalogue with each service's purpose and data received in `code`, where a current translation
    exists (translation_errors stops a policy that names a service without one)."""
    if code == SOURCE:
        return library.catalogue
    catalogue = {}
    for slug, service in library.catalogue.items():
        found = _current(library, "service", slug, code)
        catalogue[slug] = replace(service, purpose=found.body, receives=found.receives) if found else service
    return catalogue


def clause_translated(library: CompiledLibrary, clause: CompiledClause, code: str) -> tuple[str, Template]:
    """A selected clause's title and template in `code` (call translation_errors first)."""
    if code == SOURCE:
        return clause.data.title, clause.template
    found = _current(library, "clause", clause.data.slug, code)
    if found is None:
        raise LookupError(f"clause {clause.data.slug} has no current {code} translation")
    template = library.translated.get((clause.data.slug, code))
    if template is None:
        template = library.translated[(clause.data.slug, code)] = template_compile(found)
    return found.title, template


def section_title(library: CompiledLibrary, section: SectionData, code: str) -> str:
    found = _current(library, "section", section.slug, code) if code != SOURCE else None
    return found.title if found else section.title


def unreviewed(library: CompiledLibrary, code: str, used: list[tuple[str, str]]) -> int:
    """How many of the translations a policy used are machine-written and not yet confirmed by an editor."""
    if code == SOURCE:
        return 0
    return sum(
        1 for kind, key in dict.fromkeys(used) if (t := _current(library, kind, key, code)) and t.review != CONFIRMED
    )


def _paths(node: nodes.Node, own: set[str]) -> list[str]:
    """The facts an expression reads, as dotted paths ("laws.jp", "shop.name"), outermost only."""
    found = []
    chains = [node] if isinstance(node, nodes.Getattr) else []
    for getattr_ in [*chains, *node.find_all(nodes.Getattr)]:
        path, inner = [getattr_.attr], getattr_.node
        while isinstance(inner, nodes.Getattr):
            path.append(inner.attr)
            inner = inner.node
        if isinstance(inner, nodes.Name) and inner.name not in own:
            found.append(".".join([inner.name, *reversed(path)]))
    found += [n.name for n in node.find_all(nodes.Name) if n.ctx == "load" and n.name not in own]
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in own:
        found.append(node.name)
    return [p for p in found if not any(other.startswith(p + ".") for other in found)]


def _facts_used(body: str) -> tuple[Counter[str], set[str]]:
    """What a template decides on (the facts its conditions and loops read, counted) and every fact it reads."""
    tree = ENV.parse(body)
    own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    tests: Counter[str] = Counter()
    for node in tree.find_all((nodes.If, nodes.CondExpr, nodes.For)):
        part = node.iter if isinstance(node, nodes.For) else cast(nodes.If | nodes.CondExpr, node).test
        tests.update(_paths(part, own))
    return tests, set(_paths(tree, own))


def structure_errors(english: str, translated: str) -> list[str]:
    """Where a clause translation decides on other facts than its English, or reads others, so that it
    could say something the English does not, or leave out a condition. Wording and the order of the
    printed facts are the translator's; the conditions are not."""
    try:
        (source_tests, source), (our_tests, ours) = _facts_used(english), _facts_used(translated)
    except TemplateError as exc:
        return [f"the template does not compile: {exc.message}"]
    errors = []
    if source - ours or source_tests - our_tests:
        missing = sorted((source - ours) | set(source_tests - our_tests))
        errors.append(f"it leaves out what the English reads: {', '.join(missing)}")
    if ours - source or our_tests - source_tests:
        extra = sorted((ours - source) | set(our_tests - source_tests))
        errors.append(f"it reads what the English does not: {', '.join(extra)}")
    return errors
