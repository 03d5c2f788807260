"""loadclauses: the files become the database copy, idempotently, keeping editors' changes."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from policybuilder.library.files import library_files_read
from policybuilder.library.models import Clause, LegalItem, Service
from policybuilder.library.selectors import library_revision
from tests.base import CLAUSES

pytestmark = pytest.mark.django_db


def _load(*args: str) -> str:
    out = StringIO()
    call_command("loadclauses", *args, stdout=out)
    return out.getvalue()


def test_every_file_is_in_the_database():
    data = library_files_read(CLAUSES)
    assert Clause.objects.count() == len(data.clauses) > 30
    assert Service.objects.count() == len(data.services) == 57
    assert LegalItem.objects.count() == len(data.items)


def test_loading_again_changes_nothing():
    before, revision = list(Clause.objects.values_list("slug", "updated_at")), library_revision()
    assert "unchanged since the last load" in _load()
    assert "0 created, 0 updated, 0 removed" in _load("--force")  # the whole load, finding nothing to do
    assert list(Clause.objects.values_list("slug", "updated_at")) == before
    assert library_revision() == revision


def test_an_editors_change_is_kept_unless_forced():
    clause = Clause.objects.first()
    clause.body = "Edited by an editor."
    clause.save()
    assert f"kept editor's change: clause {clause.slug}" in _load()
    clause.refresh_from_db()
    assert clause.body == "Edited by an editor."
    _load("--force")
    clause.refresh_from_db()
    assert clause.body != "Edited by an editor."


def test_a_broken_file_is_named(tmp_path: Path):
    for name in ("sections.yaml", "services.yaml", "laws.yaml"):
        (tmp_path / name).write_text((CLAUSES / name).read_text())
    folder = tmp_path / "01-summary"
    folder.mkdir()
    (folder / "broken.md").write_text("no front matter here\n")
    with pytest.raises(CommandError, match="01-summary/broken.md: a clause file starts with"):
        call_command("loadclauses", "--dir", str(tmp_path), stdout=StringIO())


def test_every_clause_names_known_legal_items_and_compiles():
    from policybuilder.documents.engine import library_compile
    from policybuilder.library.selectors import library_snapshot

    snapshot = library_snapshot()
    known = {item.item_id for item in snapshot.items}
    library_compile(snapshot)  # raises ClauseError naming the clause on any template error
    for clause in snapshot.clauses:
        assert set(clause.satisfies) <= known, f"{clause.slug}: unknown ids {set(clause.satisfies) - known}"


def test_a_clause_dropped_from_the_files_leaves_the_database_unless_an_editor_changed_it(tmp_path: Path):
    library = Path(shutil.copytree(CLAUSES, tmp_path / "clauses"))
    (library / "12-children/not-for-children.md").unlink()
    (library / "08-sharing/legal-requests.md").unlink()
    edited = Clause.objects.get(slug="legal-requests")
    edited.body = "Edited by an editor."
    edited.save()
    Clause.objects.create(slug="editors-own", section=edited.section, title="Own", when="true", body="Own text.\n")
    out = _load("--dir", str(library))
    assert not Clause.objects.filter(slug="not-for-children").exists()
    assert "1 removed" in out and "kept editor's change: clause legal-requests" in out
    assert Clause.objects.filter(slug__in=["legal-requests", "editors-own"]).count() == 2  # the editors' work stays
    assert "1 removed" in _load("--dir", str(library), "--force")
    assert not Clause.objects.filter(slug="legal-requests").exists()
    assert Clause.objects.filter(slug="editors-own").exists()
