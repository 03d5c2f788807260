"""Two tabs or two devices on one draft lose nothing (issue 10, part 2).

A GET never writes the draft. A POST writes only the step it carries: the other steps come from the
database, where another tab may have saved newer answers (and this browser's wizard is brought up to
date with them). Each step has a version: a page posted from a version older than the saved one, with
other values, is a stale write; the owner sees what the other tab saved and keeps their own input.
"""

from typing import Any

from django.db import transaction
from formtools.wizard.storage.base import BaseStorage

from policybuilder.questionnaire.models import Draft

VERSION_FIELD = "draft_step_version"  # the hidden input carrying the version a page was shown at


def draft_locked(*, draft: Draft) -> Draft:
    """The draft as saved now, locked until the request's transaction ends (PostgreSQL's row lock;
    SQLite's IMMEDIATE transactions serialize writers), so two POSTs never interleave their merges."""
    assert transaction.get_connection().in_atomic_block, "lock the draft inside the request's transaction"
    return Draft.objects.select_for_update().get(pk=draft.pk)


def steps_pull(*, storage: BaseStorage, draft: Draft, posted: str) -> None:
    """Bring this browser's wizard up to date with the steps saved from elsewhere (all but the posted one)."""
    for step, data in draft.steps.items():
        if step != posted:
            storage.set_step_data(step, data)


def stale_fields(*, draft: Draft, step: str, shown_version: Any, posted: dict[str, list[str]]) -> list[str]:
    """The form fields (as posted names) whose saved values another tab changed after this page was shown."""
    try:
        shown = int(shown_version)
    except (TypeError, ValueError):
        return []  # a page from before versions existed, or a hand-made post: nothing to compare
    if shown >= draft.step_versions.get(step, 0):
        return []
    saved = draft.steps.get(step, {})
    names = set(saved) | set(posted)
    return sorted(name for name in names if saved.get(name, []) != posted.get(name, []))


def steps_merged(*, draft: Draft, storage: BaseStorage, posted: str, order: list[str]) -> dict[str, Any]:
    """The draft's steps with only the posted one taken from this request."""
    steps = dict(draft.steps)
    data = storage.get_step_data(posted)
    if data is not None:
        steps[posted] = dict(data.lists())
    return {step: steps[step] for step in order if step in steps}


def version_bump(*, draft: Draft, step: str) -> None:
    draft.step_versions = draft.step_versions | {step: draft.step_versions.get(step, 0) + 1}
