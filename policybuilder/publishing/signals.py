"""An editor's change to the library (or a load) schedules one look for published policies it changes."""

import logging
from typing import Any

from django.core.cache import cache
from django.db import transaction

from policybuilder.library.signals import library_changed

logger = logging.getLogger(__name__)
# A burst of edits (an editor saving clause after clause) becomes one look, this many seconds after the first.
BATCH_SECONDS = 30


def _schedule() -> None:
    from policybuilder.publishing.tasks import PENDING_KEY, update_notices

    if not cache.add(PENDING_KEY, 1, BATCH_SECONDS * 4):
        return  # a look is scheduled and has not started yet: it will see this change too
    try:
        update_notices.apply_async(countdown=BATCH_SECONDS)
    except Exception:  # a broker that is down must not undo an editor's save; the next change tries again
        cache.delete(PENDING_KEY)
        logger.exception("could not schedule the update notices")


def library_changed_received(**_: Any) -> None:
    transaction.on_commit(_schedule)


library_changed.connect(library_changed_received, dispatch_uid="publishing-update-notices")
