"""The snapshot stored with each published version: what the policy said, in a small JSON-ready dict.

The next version is compared with it (publishing/changes.py), so it holds plain values and display names
only: comparing never re-reads old answers against today's catalogue or clause library. Order matters
and JSON objects do not keep it everywhere (PostgreSQL's jsonb sorts keys), so ordered things are lists.

Shape (FORMAT 1):
    {"format": 1,
     "business": {"name", "legal_name", "email", "phone", "address", "website"},  # strings, may be ""
     "providers": {role: [display name, ...]} for each role in ROLES,
     "kinds": [{"name", "retention"}, ...],  # the data inventory, in the policy's order
     "laws": [{"code", "name"}, ...],  # the laws whose sections are shown
     "sells_data": true | false | null,  # null: the owner has not said, and the policy says neither
     "sections": [{"slug", "title", "clauses": [{"slug", "title", "sha256"}, ...]}, ...]}
"""

import hashlib
from typing import Any

from policybuilder.documents.assemble import Policy
from policybuilder.documents.providers import Provider

FORMAT = 1  # raise it when the shape changes; changes.py compares only snapshots of its own format
BUSINESS = ("name", "legal_name", "email", "phone", "address", "website")
ROLES = ("platform", "payment", "analytics", "advertising", "newsletter", "shipping", "survey")


def _names(providers: tuple[Provider | None, ...]) -> list[str]:
    return [p.name for p in providers if p is not None]


def snapshot_build(policy: Policy) -> dict[str, Any]:
    """What `policy` says that a reader would notice changing, as plain JSON-serialisable data."""
    facts = policy.facts
    providers = {
        "platform": _names((facts.platform,)),
        "payment": _names(facts.payments.providers),
        "analytics": _names(facts.analytics),
        "advertising": _names(facts.advertising),
        "newsletter": _names((facts.newsletter,)),
        "shipping": _names(facts.shipping.carriers),
        "survey": _names((facts.practices.survey_tool,)),
    }
    return {
        "format": FORMAT,
        "business": {field: getattr(facts.shop, field) for field in BUSINESS},
        "providers": providers,
        "kinds": [{"name": kind.name, "retention": kind.retention} for kind in facts.kinds],
        "laws": [{"code": d.code, "name": d.name} for d in policy.coverage.decisions if d.shown],
        # Unanswered is not "no": the policy then says nothing about selling, and so must the summary.
        "sells_data": facts.sells_data if facts.sells_data_known else None,
        "sections": [
            {
                "slug": section.slug,
                "title": section.title,
                "clauses": [
                    {"slug": c.slug, "title": c.title, "sha256": hashlib.sha256(c.markdown.encode()).hexdigest()}
                    for c in section.clauses
                ],
            }
            for section in policy.sections
        ],
    }
