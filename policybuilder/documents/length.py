"""Where a policy's words go: words per section, how often each provider is named.

Used by `bench/length.py` and by the tests that hold each sample shop to its word budget.
"""

import re
from collections import Counter
from dataclasses import dataclass

from policybuilder.documents.assemble import Policy
from policybuilder.documents.readability import WORD
from policybuilder.documents.text import markdown_units

SUMMARY = "summary"  # the first layer: left out of the count of provider mentions


@dataclass(frozen=True)
class SectionLength:
    slug: str
    title: str
    words: int


def section_lengths(policy: Policy) -> list[SectionLength]:
    """Every section with its word count, in policy order."""
    return [
        SectionLength(
            slug=section.slug,
            title=section.title,
            words=sum(
                len(WORD.findall(unit)) for c in section.clauses for unit in markdown_units(c.markdown, addresses=False)
            ),
        )
        for section in policy.sections
    ]


def provider_mentions(policy: Policy) -> Counter[str]:
    """How many times the body (every section but the summary) names each provider.

    A company's legal name beside its tool ("Stripe (Stripe, Inc.)") is the same naming, said once:
    legal names are taken out before the tools are counted.
    """
    body = "\n".join(
        unit
        for section in policy.sections
        if section.slug != SUMMARY
        for clause in section.clauses
        for unit in markdown_units(clause.markdown, addresses=False)
    )
    services = policy.facts.services
    legal = {p.company for p in services} | {e.company for p in services for e in p.regional}
    for company in sorted(legal - {p.name for p in services}, key=len, reverse=True):
        body = body.replace(company, " ")
    counts: Counter[str] = Counter()
    for name in sorted({p.name for p in services}, key=len, reverse=True):  # "Shopify Payments" before "Shopify"
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        counts[name] = len(re.findall(pattern, body))
        body = re.sub(pattern, " ", body)
    return counts
