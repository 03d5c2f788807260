"""Writes for policies: saving a generated policy with every export as it was made."""

import hashlib
import logging
from datetime import timedelta
from typing import Any

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone, translation

from policybuilder.documents.assemble import Policy, policy_assemble
from policybuilder.documents.exporters import policy_export
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf import pdf_key, pdf_meta
from policybuilder.documents.pdf_cache import CACHE_ALIAS
from policybuilder.documents.pdf_jobs import pdf_request
from policybuilder.languages import language

logger = logging.getLogger(__name__)

# The exports a saved policy keeps, one text field each (a PDF is made from the saved HTML).
SAVED_FORMATS = ("html", "md", "txt", "json")


def policy_publish(*, answers: dict[str, Any], family: str = "") -> SavedPolicy:
    """Assemble the policy and store every export as generated; raises InvalidAnswers or ClauseError.

    Called when the questionnaire is done and when an owner regenerates a policy after the
    library changed. A saved policy is never rendered again: a new one is saved instead.
    """
    return policy_store(policy=policy_assemble(answers=answers), family=family)


def policy_store(*, policy: Policy, family: str = "") -> SavedPolicy:
    """Store an assembled policy with every export, and ask the worker for its PDF."""
    with translation.override(language(policy.facts.language).django):  # the exports' own words too
        exports = {fmt: policy_export(policy, fmt) for fmt in SAVED_FORMATS}
        body_html = render_to_string("documents/policy_body.html", {"policy": policy})
    saved = SavedPolicy.objects.create(
        answers=policy.answers,
        **({"family": family} if family else {}),
        body_html=body_html,
        library_revision=policy.library_revision,
        content_hash=hashlib.sha256(exports["html"].encode()).hexdigest(),
        **exports,
    )
    logger.info("policy %s saved", saved.pk)
    pdf_request(saved)
    return saved


def policy_opened(*, saved: SavedPolicy) -> None:
    """Note that the owner opened the policy (result page, download), at most once a day: the retention
    schedule keeps what is used and deletes what nobody opens."""
    now = timezone.now()
    if saved.opened_at is None or now - saved.opened_at > timedelta(days=1):
        SavedPolicy.objects.filter(pk=saved.pk).update(opened_at=now)


def policies_delete(*, family: str) -> int:
    """Delete a policy and every version in its family, with their cached PDFs; returns how many went."""
    policies = list(SavedPolicy.objects.filter(family=family))
    cache = caches[CACHE_ALIAS]
    for saved in policies:
        cache.delete(pdf_key(html=saved.html, meta=pdf_meta(saved.answers)))  # PDFs cached before the worker
        if saved.pdf:
            saved.pdf.delete(save=False)
    SavedPolicy.objects.filter(pk__in=[p.pk for p in policies]).delete()
    logger.info("%s policies deleted at their owner's request", len(policies))
    return len(policies)
