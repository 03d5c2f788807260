"""purgedrafts removes abandoned drafts and nothing else."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.models import Draft
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _purge(*args: str) -> str:
    out = StringIO()
    call_command("purgedrafts", *args, stdout=out)
    return out.getvalue()


def test_it_deletes_only_drafts_untouched_for_longer_than_the_limit():
    old, recent = Draft.objects.create(), Draft.objects.create()
    Draft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=200))
    saved = policy_publish(answers=make_answers("minimal"))
    Draft.objects.filter(pk=old.pk).update(policy=saved)
    assert _purge("--dry-run") == "1 drafts would be deleted\n" and Draft.objects.count() == 2
    assert _purge() == "1 drafts deleted\n"
    assert list(Draft.objects.all()) == [recent]
    assert SavedPolicy.objects.filter(pk=saved.pk).exists()


def test_purgeexpired_deletes_old_drafts_expired_sessions_and_policies_nobody_opened(settings):
    from datetime import timedelta

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from policybuilder.documents.models import SavedPolicy
    from policybuilder.documents.services import policy_publish
    from tests.base import make_answers

    settings.DRAFT_RETENTION_DAYS, settings.POLICY_RETENTION_MONTHS = 10, 1
    old, fresh = Draft.objects.create(), Draft.objects.create()
    Draft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=11))
    session = SessionStore()
    session.set_expiry(-1)
    session.save()
    unused, opened = policy_publish(answers=make_answers("us")), policy_publish(answers=make_answers("uk"))
    SavedPolicy.objects.filter(pk=unused.pk).update(created_at=timezone.now() - timedelta(days=40))
    SavedPolicy.objects.filter(pk=opened.pk).update(
        created_at=timezone.now() - timedelta(days=40), opened_at=timezone.now()
    )
    call_command("purgeexpired")
    assert list(Draft.objects.all()) == [fresh]
    assert not Session.objects.filter(session_key=session.session_key).exists()
    assert list(SavedPolicy.objects.all()) == [opened]


def test_the_site_says_what_it_keeps_and_for_how_long(client, settings):
    settings.DRAFT_RETENTION_DAYS = 90
    page = client.get("/privacy/").content.decode()
    assert "We keep them for 90 days after you last change them" in page
    assert "Delete my answers and policies" in page
