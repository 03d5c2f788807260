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
