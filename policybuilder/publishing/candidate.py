"""What publishing would put on a shop's public page now: the policy from one saved policy's answers,
with today's clause library and the link to its version list, and what changed since the version the
public sees. Nothing here writes; the owner's button does (publishing/services.py)."""

import hashlib
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import translation

from policybuilder.documents.assemble import Policy, policy_assemble
from policybuilder.documents.exporters import policy_export
from policybuilder.documents.models import SavedPolicy
from policybuilder.languages import language
from policybuilder.publishing.changes import changes_list
from policybuilder.publishing.diff import diff_source
from policybuilder.publishing.models import PublishedVersion
from policybuilder.publishing.pages import public_url
from policybuilder.publishing.snapshot import snapshot_build


@dataclass(frozen=True)
class Candidate:
    policy: Policy
    html: str  # the HTML export, as the saved policy would store it
    fingerprint: str  # its sha256 (SavedPolicy.content_hash)
    # What the owner was shown, for the publish button to carry: the same library, latest version, source
    # and date make the same text (up to the address, which the owner types in the same form).
    token: str
    snapshot: dict[str, Any]
    changes: list[str]  # since the latest version, in the policy's language; [] for a first version
    text: str  # what the text diff compares (diff.diff_source)
    library_changed: bool  # the wording differs from the saved policy the owner read (the library changed)
    language: str  # the policy's (the answers contract's code): its change lines and headline are written in it


def _policy(answers: dict[str, Any]) -> tuple[Policy, str]:
    policy = policy_assemble(answers=answers)
    return policy, policy_export(policy, "html")


def candidate_build(*, source: SavedPolicy, slug: str, latest: PublishedVersion | None) -> Candidate | None:
    """The version that publishing `source` at /p/<slug>/ would make, or None when it would say exactly
    what the latest version says. Raises InvalidAnswers or ClauseError like any assembly."""
    answers = deepcopy(source.answers)
    answers["publication"] = {"versions_url": public_url("versions", slug)}
    previous_date = latest.saved.answers["effective_date"] if latest else ""
    if latest is not None:
        # Compared on the latest version's date, so that a new date alone is never an "update".
        policy, html = _policy(answers | {"effective_date": previous_date})
        if html == latest.saved.html:
            return None
    # A published version takes effect when it is published, never before, unless the owner chose a later
    # date for it: a public page must not claim it said this on a day it did not.
    answers["effective_date"] = max(answers["effective_date"], previous_date, date.today().isoformat())
    if latest is None or answers["effective_date"] != previous_date:
        policy, html = _policy(answers)
    snapshot = snapshot_build(policy)
    code = policy.facts.language
    # The change lines are published with the version, for its readers: in its language, whoever asks
    # (the owner's manage page shows them as they will be published).
    with translation.override(language(code).django):
        changes = changes_list(latest.snapshot, snapshot) if latest else []
    shown = f"{policy.library_revision}:{latest.number if latest else 0}:{source.pk}:{answers['effective_date']}"
    return Candidate(
        policy=policy,
        html=html,
        fingerprint=hashlib.sha256(html.encode()).hexdigest(),
        token=hashlib.sha256(shown.encode()).hexdigest()[:20],
        snapshot=snapshot,
        changes=changes,
        text=diff_source(
            {"title": s.title, "clauses": [{"markdown": c.markdown} for c in s.clauses]} for s in policy.sections
        ),
        library_changed=policy.library_revision != source.library_revision,
        language=code,
    )
