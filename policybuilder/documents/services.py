"""Writes for policies: saving a generated policy with every export as it was made."""

import hashlib
import logging
from typing import Any

from django.template.loader import render_to_string

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_export
from policybuilder.documents.models import SavedPolicy

logger = logging.getLogger(__name__)

# The exports a saved policy keeps, one text field each (a PDF is made from the saved HTML).
SAVED_FORMATS = ("html", "md", "txt", "json")


def policy_publish(*, answers: dict[str, Any]) -> SavedPolicy:
    """Assemble the policy and store every export as generated; raises InvalidAnswers or ClauseError.

    Called when the questionnaire is done and when an owner regenerates a policy after the
    library changed. A saved policy is never rendered again: a new one is saved instead.
    """
    policy = policy_assemble(answers=answers)
    exports = {fmt: policy_export(policy, fmt) for fmt in SAVED_FORMATS}
    saved = SavedPolicy.objects.create(
        answers=answers,
        body_html=render_to_string("documents/policy_body.html", {"policy": policy}),
        library_revision=policy.library_revision,
        content_hash=hashlib.sha256(exports["html"].encode()).hexdigest(),
        **exports,
    )
    logger.info("policy %s saved", saved.pk)
    return saved
