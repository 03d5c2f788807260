"""Celery task: after the clause library changes, tell owners whose published policy it would change."""

from celery import shared_task
from django.core.cache import cache

from policybuilder.publishing.notices import update_notices_send

PENDING_KEY = "publishing:update-check-pending"


@shared_task
def update_notices() -> int:
    # Cleared first: a change made while this runs schedules one more look.
    cache.delete(PENDING_KEY)
    return update_notices_send()
