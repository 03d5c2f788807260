"""A web worker forked after the warm start (gunicorn --preload) serves its first page at once."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policybuilder.documents import engine
from policybuilder.library.models import Clause
from policybuilder.ops.warm import warm_start

# The warm start closes the database connections, which a test may do only outside a transaction:
# transaction=True empties the database after each test, so each loads the library first.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _library() -> None:
    call_command("loadclauses", verbosity=0)


def test_first_page_after_the_warm_start_reads_no_library(client):
    engine._compiled = None  # as in a master process that has not compiled the library yet
    warm_start()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/questions/payments/")
    assert response.status_code == 200 and b"Stripe" in response.content
    library_reads = [q["sql"] for q in queries.captured_queries if "library_" in q["sql"]]
    assert library_reads == []  # neither the clauses nor the revision: both known from the warm start


def test_the_warm_start_leaves_no_database_connection_for_the_workers_to_share():
    warm_start()
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django keeps an in-memory SQLite test database open (it would vanish if closed)")
    assert connection.connection is None


def test_the_warm_start_survives_a_database_without_the_library(caplog):
    Clause.objects.all().delete()
    engine._compiled = None
    warm_start()  # gunicorn still starts; the first request explains what is missing
    assert "without the clause library" in caplog.text
