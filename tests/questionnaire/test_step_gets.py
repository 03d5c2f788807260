"""Looking at a page of the questionnaire reads little and writes nothing (issue 11)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from policybuilder.documents.engine import library_current
from policybuilder.questionnaire.selectors import catalogue_choices
from tests.questionnaire.wizard import PIPS_POTTERY, answer, step_url

pytestmark = pytest.mark.django_db

STEPS = ["business", "payments", "analytics", "review"]
WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN", "SAVEPOINT")


def _looked_at(client: Client, step: str) -> list[str]:
    """The SQL a GET of the page ran, after checking the page was shown."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(step_url(step))
    assert response.status_code == 200, step
    return [query["sql"] for query in queries]


@pytest.fixture(autouse=True)
def _warm() -> None:
    """A running server has compiled the library at its warm start (ops/warm.py); so does this process."""
    catalogue_choices(library=library_current())


@pytest.mark.parametrize("step", STEPS)
def test_a_first_look_at_a_page_makes_at_most_two_queries_and_writes_nothing(step):
    sql = _looked_at(Client(), step)
    assert len(sql) <= 2, sql
    assert not [q for q in sql if q.lstrip().upper().startswith(WRITES)], sql


# The library's revision is read at most every LIBRARY_RECHECK_SECONDS per process: a slow test could
# otherwise see a third query, the revision, and fail for a reason no user would notice.
@override_settings(LIBRARY_RECHECK_SECONDS=600)
def test_a_page_looked_at_again_with_a_draft_reads_the_session_and_the_draft_only(client):
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:5]:
        answer(client, step, **fields)
    client.get(step_url("newsletter"))  # the page the owner is on
    sql = _looked_at(client, "newsletter")
    assert len(sql) == 2, sql  # this browser's session, then its draft
    assert not [q for q in sql if q.lstrip().upper().startswith(WRITES)], sql
    # Going back to an earlier page by its link moves the wizard there (the session remembers it) and
    # shows it filled in; looking at it again writes nothing.
    assert "Pip&#x27;s Pottery" in client.get(step_url("business")).content.decode()
    sql = _looked_at(client, "business")
    assert len(sql) == 2 and not [q for q in sql if q.lstrip().upper().startswith(WRITES)], sql


def test_the_business_page_still_shows_and_keeps_the_chosen_country(client):
    client.get(reverse("questionnaire:start"))
    fields = dict(PIPS_POTTERY[0][1], email="not an email")
    page = answer(client, "business", **fields).content.decode()
    assert '<option value="GB" selected>United Kingdom</option>' in page
    assert page.count(" selected>") == 1
    assert '<option value="">Choose a country</option>' in page
    fresh = Client().get(step_url("business")).content.decode()
    assert '<option value="" selected>Choose a country</option>' in fresh
