"""Writes for the questionnaire: drafts, loading a draft into the wizard, and saving a policy."""

import copy
import logging
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.session import SessionStorage

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policies_delete, policy_publish
from policybuilder.library.selectors import library_changed_since
from policybuilder.publishing.services import publication_erase
from policybuilder.questionnaire.fields import form_data_encode
from policybuilder.questionnaire.forms import STEPS
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.picker import Catalogue
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
    draft.save(update_fields=["steps", "current_step", "answers", "step_versions", "updated_at"])


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
            steps[step] = form_data_encode(form_class(prefix=step, catalogue=catalogue, initial=initial), initial)
    return steps


def answers_shown(*, answers: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """An answer set as the questionnaire shows it: filled into every step's form and read back.

    What no form can show is missing from it: a second service added by name, a retention period
    for data the shop does not collect, a key the forms do not know.
    """
    steps = steps_from_answers(answers=answers, catalogue=catalogue)
    fragments = []
    for step, form_class in STEPS:
        if step in steps:
            options = form_class.options_from_answers(answers)
            form = form_class(data=MultiValueDict(steps[step]), prefix=step, catalogue=catalogue, **options)
            if form.is_valid():
                fragments.append(form.answers())
    return answers_merge(fragments)


def answers_carry_over(
    *, draft: Draft, given: dict[str, Any], catalogue: Catalogue, confirmed: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The answers a finished draft publishes: what the forms gave, plus every answer of the policy
    it reopened ("Change answers") that the forms could not show, and so the owner could not change.

    A three-way merge: where the forms give what they showed, the reopened policy's own answer
    stays; where the owner changed or emptied something, the forms win. `confirmed` is what the
    pages the owner saved since the reopening give: an answer shown there as a default (No to a
    Yes/No question the policy left unanswered) was seen and saved, so it is an answer now.
    """
    if draft.policy is None:
        return given
    original = draft.policy.answers
    kept = copy.deepcopy(_kept(original, answers_shown(answers=original, catalogue=catalogue), given))
    if given.get("children") is False and "children" in kept.get("jurisdictions", []):
        # The children question shows this jurisdiction too (as Yes): answered No, it goes.
        kept["jurisdictions"] = [code for code in kept["jurisdictions"] if code != "children"]
    return _with_confirmed(kept, confirmed or {})


def _with_confirmed(kept: dict[str, Any], confirmed: dict[str, Any]) -> dict[str, Any]:
    """Add the saved pages' answers that the merge left out as unchanged defaults; it changes nothing
    else, since every other answer those pages give is in `kept` already."""
    for key, value in confirmed.items():
        if key not in kept:
            kept[key] = value
        elif isinstance(value, dict) and isinstance(kept[key], dict):
            _with_confirmed(kept[key], value)
    return kept


def _kept(original: Any, shown: Any, given: Any) -> Any:
    if given == shown:
        return original
    if isinstance(original, dict) and isinstance(shown, dict) and isinstance(given, dict):
        return _kept_keys(original, shown, given)
    if isinstance(original, list) and isinstance(shown, list) and isinstance(given, list):
        return _kept_items(original, shown, given)
    return given


def _kept_keys(original: dict[str, Any], shown: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    kept = {}
    for key in [*original, *(k for k in given if k not in original)]:
        if key not in given:
            if key not in shown:
                kept[key] = original[key]  # never on a form: it stays
            continue  # emptied on a form
        if key not in shown:
            kept[key] = given[key]  # newly given
        elif key in original:
            kept[key] = _kept(original[key], shown[key], given[key])
        elif given[key] != shown[key]:
            kept[key] = given[key]  # a form's default (the engine's too) that the owner changed
    return kept


def _kept_items(original: list[Any], shown: list[Any], given: list[Any]) -> list[Any]:
    """Given items, each as the original had it (a service with its country), then the original
    items no form showed (services added by name after the first)."""
    unshown = list(original)
    pairs = []
    for item in shown:
        match = next((o for o in unshown if _shows(item, o)), None)
        if match is not None:
            unshown.remove(match)
            pairs.append((item, match))
    kept = []
    for item in given:
        pair = next((p for p in pairs if p[0] == item), None)
        if pair is not None:
            pairs.remove(pair)
        kept.append(pair[1] if pair else item)
    return kept + [o for o in unshown if o not in kept]


def _shows(item: Any, original: Any) -> bool:
    """Whether a form's item stands for an original one: the same, or the same with keys left out."""
    if isinstance(item, dict) and isinstance(original, dict):
        return all(original.get(key) == value for key, value in item.items())
    return bool(item == original)


def wizard_load(*, request: HttpRequest, draft: Draft, focus: tuple[str, str] | None = None) -> None:
    """Put a draft into this browser's wizard, so that it continues at the draft's step; `focus`
    is the (step, field) whose question the next page shown focuses."""
    request.session[SESSION_KEY] = draft.token
    storage = SessionStorage(WIZARD_PREFIX, request)
    storage.reset()
    for step, data in draft.steps.items():
        storage.set_step_data(step, data)
    storage.current_step = draft.current_step or STEPS[0][0]
    # Once a draft has been reviewed, every step offers to go straight back to the review.
    extra: dict[str, Any] = {"reviewed": draft.current_step == REVIEW_STEP or REVIEW_STEP in draft.steps}
    storage.extra_data = extra | ({"focus": list(focus)} if focus else {})


class Landing(NamedTuple):
    """Where "Change answers" opens the questionnaire: a step, and the question to focus on it."""

    step: str
    field: str = ""  # the form field, "" for none
    anchor: str = ""  # the id of the field's first input: the URL's fragment scrolls to it and focuses it


def change_target(*, answers: dict[str, Any], step: str, field: str, catalogue: Catalogue) -> Landing:
    """The question a "To confirm" item names, or the review step when the step or the field is
    not one the questionnaire asks for these answers."""
    form_class = dict(STEPS).get(step)
    if form_class is None or step == REVIEW_STEP:
        return Landing(REVIEW_STEP)
    form = form_class(prefix=step, catalogue=catalogue, **form_class.options_from_answers(answers))
    name = form.anchor(field)
    return Landing(step, name, form.anchor_id(name)) if name else Landing(REVIEW_STEP)


def draft_reopen(
    *, request: HttpRequest, policy: SavedPolicy, catalogue: Catalogue, step: str = "", field: str = ""
) -> Landing:
    """Refill the wizard with a saved policy's answers ("Change answers"). Returns where to land:
    the question asked for, or the review step; a step that these answers skip leads the wizard
    itself to the review, which stays the draft's current step."""
    # Always a new draft: whoever holds a policy's link may change answers from it, but never gets into
    # the draft the owner is still typing in.
    draft = Draft.objects.create(policy=policy)
    steps = steps_from_answers(answers=policy.answers, catalogue=catalogue)
    draft_record(draft=draft, steps=steps, current_step=REVIEW_STEP, answers=policy.answers)
    landing = change_target(answers=policy.answers, step=step, field=field, catalogue=catalogue)
    wizard_load(request=request, draft=draft, focus=(landing.step, landing.field) if landing.field else None)
    return landing


def draft_publish(*, draft: Draft, answers: dict[str, Any]) -> SavedPolicy:
    """Save the policy a finished draft produced, and remember it as the draft's latest policy.

    A replayed or double-clicked "Create my policy" gets the policy the same answers already made (with
    the same library), not a copy: the draft row is locked meanwhile (on PostgreSQL), so a second request
    waits for the first and then finds its policy."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        previous = draft.policy
        if previous and previous.answers == answers and not library_changed_since(revision=previous.library_revision):
            return previous
        saved = policy_publish(answers=answers, family=previous.family if previous else "")
        draft.policy = saved
        draft.save(update_fields=["policy", "updated_at"])
    return saved


def owner_data_delete(*, request: HttpRequest, policy: SavedPolicy | None = None, draft: Draft | None = None) -> int:
    """ "Delete my answers and policies": the draft, every draft and policy of the same family (each
    version made from the policy), their cached PDFs, and this browser's session. Returns how many
    drafts and policies went."""
    families = {p.family for p in (policy, draft.policy if draft else None) if p is not None}
    drafts = Draft.objects.filter(policy__family__in=families)
    if draft is not None:
        drafts |= Draft.objects.filter(pk=draft.pk)
    gone, _ = drafts.delete()
    for family in families:
        publication_erase(family=family)  # its public pages answer 410 Gone from now on
    gone += sum(policies_delete(family=family) for family in families)
    request.session.flush()
    return gone
