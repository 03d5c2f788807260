"""Writes for the questionnaire: drafts, loading a draft into the wizard, and saving a policy."""

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from formtools.wizard.storage.session import SessionStorage

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.fields import Catalogue, form_data_encode
from policybuilder.questionnaire.forms import STEPS
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.selectors import SESSION_KEY

logger = logging.getLogger(__name__)

WIZARD_PREFIX = "policy"  # the wizard's session key and management form prefix
REVIEW_STEP = "review"


def draft_start(*, session: SessionBase) -> Draft:
    """A new, empty draft that this browser now works on."""
    draft = Draft.objects.create()
    session[SESSION_KEY] = draft.token
    return draft


def draft_record(*, draft: Draft, steps: dict[str, Any], current_step: str, answers: dict[str, Any]) -> None:
    """Save the wizard's state to the database; called after every request the wizard answers."""
    draft.steps, draft.current_step, draft.answers = steps, current_step, answers
    draft.save(update_fields=["steps", "current_step", "answers", "updated_at"])


def answers_merge(fragments: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One answer set from the steps' parts; two steps add to `business` (details, representatives)."""
    answers: dict[str, Any] = {}
    for fragment in fragments:
        for key, value in fragment.items():
            if isinstance(value, dict) and isinstance(answers.get(key), dict):
                answers[key] = answers[key] | value
            else:
                answers[key] = value
    return answers


def steps_from_answers(*, answers: dict[str, Any], catalogue: Catalogue) -> dict[str, dict[str, list[str]]]:
    """Every step's form data for an answer set, as the wizard keeps it between requests."""
    steps = {}
    for step, form_class in STEPS:
        initial = form_class.initial_from_answers(answers)
        if initial is not None:
            steps[step] = form_data_encode(form_class(prefix=step, catalogue=catalogue), initial)
    return steps


def wizard_load(*, request: HttpRequest, draft: Draft) -> None:
    """Put a draft into this browser's wizard, so that it continues at the draft's step."""
    request.session[SESSION_KEY] = draft.token
    storage = SessionStorage(WIZARD_PREFIX, request)
    storage.reset()
    for step, data in draft.steps.items():
        storage.set_step_data(step, data)
    storage.current_step = draft.current_step or STEPS[0][0]
    # Once a draft has been reviewed, every step offers to go straight back to the review.
    storage.extra_data = {"reviewed": draft.current_step == REVIEW_STEP or REVIEW_STEP in draft.steps}


def draft_reopen(*, request: HttpRequest, policy: SavedPolicy, catalogue: Catalogue) -> Draft:
    """Refill the wizard with a saved policy's answers, at the review step ("Change answers")."""
    draft = Draft.objects.filter(policy=policy).first() or Draft.objects.create(policy=policy)
    steps = steps_from_answers(answers=policy.answers, catalogue=catalogue)
    draft_record(draft=draft, steps=steps, current_step=REVIEW_STEP, answers=policy.answers)
    wizard_load(request=request, draft=draft)
    return draft


def draft_publish(*, draft: Draft, answers: dict[str, Any]) -> SavedPolicy:
    """Save the policy a finished draft produced, and remember it as the draft's latest policy."""
    saved = policy_publish(answers=answers)
    draft.policy = saved
    draft.save(update_fields=["policy", "updated_at"])
    return saved
