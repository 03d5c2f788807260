"""loadclauses at catalogue scale: queries that do not grow per service, the files last loaded skipped
at the next start, and never skipped after an editor's change."""

import shutil
from dataclasses import replace
from io import StringIO
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from policybuilder.library.files import library_files_read
from policybuilder.library.models import Clause, Service
from policybuilder.library.selectors import library_changes_since, library_revision
from policybuilder.library.services import library_load
from policybuilder.library.types import LibraryData
from tests.base import CLAUSES
from tests.editing.conftest import make_editor, staff_login
from tests.editing.test_admin import change_url, clause_form_data

pytestmark = pytest.mark.django_db
SHIPPED = library_files_read(CLAUSES)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of clauses/ to change."""
    return Path(shutil.copytree(CLAUSES, tmp_path / "clauses"))


def _load(*args: str) -> str:
    out = StringIO()
    call_command("loadclauses", *args, stdout=out)
    return out.getvalue()


def _with_copies(copies: int, **changes: Any) -> LibraryData:
    """The shipped library plus `copies` numbered copies of its services, with `changes` made to each copy."""
    extra = tuple(
        replace(service, slug=f"{service.slug}-{n}", name=f"{service.name} {n}", **changes)
        for n, service in zip(range(copies), cycle(SHIPPED.services), strict=False)
    )
    return replace(SHIPPED, services=SHIPPED.services + extra)


def _queries(data: LibraryData) -> int:
    """How many queries one load of `data` makes; what it wrote is rolled back afterwards."""
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        library_load(data=data)
        transaction.set_rollback(True)
    return len(queries)


def test_reloading_reads_each_table_once_whatever_the_number_of_services():
    reloads = {}
    for copies in (100, 300):
        library_load(data=_with_copies(copies))
        reloads[copies] = _queries(_with_copies(copies))
    assert reloads[100] == reloads[300] < 15


def test_creating_or_updating_services_costs_a_few_queries_per_hundred_not_several_per_service():
    """Rows go in batches (about 40 a query on SQLite, which takes at most 999 parameters a query), each
    with its history record: before, a load made about 7 queries per service."""
    created = {copies: _queries(_with_copies(copies)) for copies in (100, 300)}
    assert (created[300] - created[100]) / 2 <= 10  # queries per hundred more services
    library_load(data=_with_copies(300))
    updated = {copies: _queries(_with_copies(copies, purpose="keep a new purpose")) for copies in (100, 300)}
    assert (updated[300] - updated[100]) / 2 <= 10
    assert max(created[100], updated[100]) < 60


def test_the_files_last_loaded_are_skipped_without_reading_a_row():
    before = list(Service.objects.values_list("slug", "version", "updated_at"))
    with CaptureQueriesContext(connection) as queries:
        assert "Clause library unchanged since the last load" in _load()
    assert len(queries) == 1  # the revision row
    assert list(Service.objects.values_list("slug", "version", "updated_at")) == before


def test_a_changed_file_is_loaded_with_its_history_and_a_new_revision(library):
    path = library / "services.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("purpose: take card payments", "purpose: take cards", 1))
    stripe, revision, since = Service.objects.get(slug="stripe"), library_revision(), timezone.now()
    assert "0 created, 1 updated, 0 removed" in _load("--dir", str(library))
    loaded = Service.objects.get(slug="stripe")
    assert loaded.purpose == "take cards and check them for fraud" and loaded.version == stripe.version + 1
    assert loaded.updated_at > stripe.updated_at and loaded.history.first().history_type == "~"
    assert library_changes_since(since=since) == ["service Stripe"]
    bumped = library_revision()
    assert bumped != revision  # saved policies learn that the library changed
    assert "unchanged since the last load" in _load("--dir", str(library))
    assert library_revision() == bumped


def test_an_editors_change_in_the_admin_makes_the_next_load_run_in_full_and_keep_it():
    client = staff_login(Client(), make_editor("ada"))
    clause = Clause.objects.get(slug="changes")
    response = client.post(change_url(clause), clause_form_data(clause, body="Changed in the admin.\n"))
    assert response.status_code == 302
    assert "kept editor's change: clause changes" in _load()
    assert "unchanged since the last load" in _load()  # the load wrote nothing: its files are known again
    assert Clause.objects.get(slug="changes").body == "Changed in the admin.\n"


def test_a_row_deleted_since_the_last_load_comes_back_from_the_files():
    Service.objects.get(slug="stripe").delete()
    assert "1 created, 0 updated" in _load()
    assert Service.objects.get(slug="stripe").history.first().history_type == "+"


def test_force_loads_even_the_files_last_loaded():
    clause = Clause.objects.get(slug="changes")
    # Written past the admin, with no signal to bump the revision: only a forced load sees it.
    Clause.objects.filter(pk=clause.pk).update(body="Written past the admin.\n")
    assert "unchanged since the last load" in _load()
    assert "0 created, 1 updated" in _load("--force")
    assert Clause.objects.get(slug="changes").body == clause.body
