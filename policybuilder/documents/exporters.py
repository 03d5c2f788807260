"""Exporters: one assembled policy as a standalone HTML page, Markdown, plain text or JSON."""

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from functools import lru_cache, wraps
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from policybuilder.documents.assemble import Policy
from policybuilder.documents.coverage import Coverage
from policybuilder.documents.engine import md_escape
from policybuilder.documents.laws import Decision
from policybuilder.documents.text import markdown_to_text
from policybuilder.languages import language

FORMATS = ("html", "md", "txt", "json")


def in_policy_language(export: Callable[[Policy], str]) -> Callable[[Policy], str]:
    """An export's own words (headings, "Last updated:") in the policy's language."""

    @wraps(export)
    def exported(policy: Policy) -> str:
        with translation.override(language(policy.facts.language).django):
            return export(policy)

    return exported


@lru_cache(maxsize=1)
def _policy_css() -> str:
    # Inlined so that the exported page makes no request of its own.
    return (settings.BASE_DIR / "static" / "css" / "policy.css").read_text(encoding="utf-8")


@in_policy_language
def policy_html(policy: Policy) -> str:
    """The standalone HTML page: inline CSS, no external requests, a table of contents."""
    return render_to_string("documents/policy.html", {"policy": policy, "css": _policy_css()})


# A link to a section of the same policy ("[Your rights](#rights)"): Markdown has no heading ids to land on,
# so the exported Markdown keeps the words and drops the link.
SECTION_LINK = re.compile(r"\[([^\]]+)\]\(#[\w-]+\)")


def _heading(shop: str) -> str:
    """The exports' first line, in the language active for the export (services.policy_store sets it)."""
    return gettext("Privacy policy: %(shop)s") % {"shop": shop}


@in_policy_language
def policy_markdown(policy: Policy) -> str:
    shop = policy.facts.shop
    parts = [f"# {_heading(md_escape(shop.name))}", f"{gettext('Last updated:')} {policy.facts.effective_date}"]
    for section in policy.sections:
        parts.append(f"## {section.title}")
        for clause in section.clauses:
            if section.show_clause_titles:
                parts.append(f"### {clause.title}")
            parts.append(SECTION_LINK.sub(r"\1", clause.markdown))
    return "\n\n".join(parts) + "\n"


@in_policy_language
def policy_text(policy: Policy) -> str:
    shop = policy.facts.shop
    title = _heading(shop.name)
    parts = [f"{title}\n{'=' * len(title)}", f"{gettext('Last updated:')} {policy.facts.effective_date}"]
    for section in policy.sections:
        parts.append(f"{section.title.upper()}\n{'-' * len(section.title)}")
        for clause in section.clauses:
            if section.show_clause_titles:
                parts.append(clause.title)
            parts.append(markdown_to_text(clause.markdown))
    return "\n\n".join(parts) + "\n"


def policy_data(policy: Policy) -> dict[str, Any]:
    """Everything about the policy as plain data: answers, sections, coverage, readability."""
    coverage = policy.coverage
    return {
        "title": policy.title,
        "language": policy.facts.language,
        "effective_date": policy.facts.effective_date_iso,
        "library_revision": policy.library_revision,
        "answers": policy.answers,
        "sections": [
            {"slug": s.slug, "title": s.title, "clauses": [asdict(c) for c in s.clauses]} for s in policy.sections
        ],
        "coverage": coverage_data(coverage),
        "readability": asdict(policy.readability),
        "to_confirm": [asdict(item) for item in policy.unconfirmed],
    }


def _decision_data(decision: Decision) -> dict[str, Any]:
    return asdict(decision) | {"voluntary": decision.voluntary}


def coverage_data(coverage: Coverage) -> dict[str, Any]:
    """The coverage report as plain data: each law checked (with why it applies and whether its sections
    are voluntary), every law's decision, applying or not, and the notes."""
    laws = [
        {"code": law.code, "name": law.name, "voluntary": law.voluntary, "required": law.required,
         "decisions": [_decision_data(d) for d in law.decisions],
         "items": [asdict(i) | {"covered": i.covered} for i in law.items]}
        for law in coverage.laws
    ]  # fmt: skip
    decisions = [_decision_data(d) for d in coverage.decisions]
    return {"complete": coverage.complete, "laws": laws, "decisions": decisions, "notes": list(coverage.notes)}


def policy_json(policy: Policy) -> str:
    return json.dumps(policy_data(policy), indent=2, ensure_ascii=False) + "\n"


def policy_export(policy: Policy, fmt: str) -> str:
    """The policy in one of FORMATS."""
    exporters = {"html": policy_html, "md": policy_markdown, "txt": policy_text, "json": policy_json}
    return exporters[fmt](policy)


def _decision_line(decision: Decision) -> str:
    said = {"yes": "applies", "no": "does not apply", "unknown": "not known yet"}[decision.applies]
    shown = " (voluntary sections)" if decision.voluntary else "" if decision.shown else " (no sections)"
    notes = "".join(f" {note}" for note in decision.notes)
    return f"  {decision.name}: {said}{shown}. {decision.reason} (from {decision.answer}){notes}"


def coverage_text(policy: Policy) -> str:
    """The coverage report as lines of text, for the command line: each law's decision, then its items."""
    lines = ["Which laws apply:", *(_decision_line(d) for d in policy.coverage.decisions)]
    for law in policy.coverage.laws:
        covered = len(law.items) - len(law.gaps)
        voluntary = ""
        if law.voluntary:
            voluntary = (
                " (voluntary: not required of you)"
                if not law.required
                else " (worded as voluntary until you confirm your size)"
            )
        lines.append(f"{law.name}: {covered} of {len(law.items)} items covered{voluntary}")
        gap = "GAP" if law.required else "NOT REQUIRED"
        for item in law.items:
            where = ", ".join(item.clauses) if item.covered else f"{gap}: {item.hint}"
            lines.append(f"  [{'x' if item.covered else ' '}] {item.item_id} ({item.citation}): {where}")
    lines.extend(f"Note: {note}" for note in policy.coverage.notes)
    lines.extend(f"To confirm: {item.question} ({item.key}) {item.meanwhile}" for item in policy.unconfirmed)
    r = policy.readability
    lines.append(f"Readability: grade {r.grade}, {r.words} words, about {r.minutes} min to read")
    return "\n".join(lines) + "\n"
