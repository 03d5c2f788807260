"""The library revision is read from the database at most every LIBRARY_RECHECK_SECONDS."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from policybuilder.documents.assemble import policy_assemble
from policybuilder.library.models import Clause, LibraryRevision
from policybuilder.library.revision import revision_current
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def test_policies_assembled_one_after_another_query_no_revision():
    policy_assemble(answers=make_answers())
    with CaptureQueriesContext(connection) as queries:
        policy_assemble(answers=make_answers("all-services"))
    assert queries.captured_queries == []


def test_an_edit_in_this_process_is_used_by_the_next_policy_at_once():
    policy_assemble(answers=make_answers())
    clause = Clause.objects.get(slug="security")
    clause.body = clause.body + "\n\nEvery laptop we use has an encrypted disk."
    clause.save()
    text = "\n".join(c.markdown for s in policy_assemble(answers=make_answers()).sections for c in s.clauses)
    assert "encrypted disk" in text


@override_settings(LIBRARY_RECHECK_SECONDS=3600)
def test_another_workers_change_is_seen_once_the_known_revision_is_old():
    known = revision_current()
    LibraryRevision.objects.filter(pk=1).update(token="changed-by-another-worker")  # no signal here
    assert revision_current() == known
    with override_settings(LIBRARY_RECHECK_SECONDS=0):
        assert revision_current() == "changed-by-another-worker"
