"""dumpclauses writes the database copy back to the files; loadclauses --check and --force; the load/dump
round trip leaves an unchanged library byte-for-byte as it was."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import timezone

from policybuilder.library.file_writer import clause_text, yaml_scalar
from policybuilder.library.files import library_files_read
from policybuilder.library.models import Clause, Section, Service
from policybuilder.library.selectors import library_changed_since, library_changes_since, library_revision
from tests.base import CLAUSES

pytestmark = pytest.mark.django_db


def _run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def _files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_load_then_dump_leaves_every_file_byte_for_byte_unchanged(library):
    before = _files(library)
    _run("loadclauses", "--dir", str(library))
    assert "0 files written, 0 removed" in _run("dumpclauses", "--dir", str(library))
    assert _files(library) == before


def test_the_writer_reproduces_every_shipped_clause_file_exactly():
    for clause in library_files_read(CLAUSES).clauses:
        path = next(CLAUSES.glob(f"*-{clause.section}/{clause.slug}.md"))
        assert clause_text(clause) == path.read_text(encoding="utf-8"), path


def test_an_edited_clause_is_written_to_its_own_file_only_and_reads_back_the_same(library):
    before = _files(library)
    clause = Clause.objects.get(slug="changes")
    clause.title = "Contact us: any question"  # a colon: the writer must quote it
    clause.body = "Write to {{ shop.email }}.\n\nWe answer within two working days.\n"
    clause.satisfies = ["ALL-ID"]
    clause.save()
    assert "wrote 13-changes/changes.md" in _run("dumpclauses", "--dir", str(library))
    after = _files(library)
    assert [name for name in after if after[name] != before[name]] == ["13-changes/changes.md"]
    reread = next(c for c in library_files_read(library).clauses if c.slug == "changes")
    assert (reread.title, reread.body, reread.satisfies) == (clause.title, clause.body, ("ALL-ID",))
    assert "0 files written" in _run("dumpclauses", "--dir", str(library))


def test_a_moved_new_or_deleted_clause_moves_adds_or_removes_its_file(library):
    moved = Clause.objects.get(slug="do-not-track")
    moved.section = Section.objects.get(slug="rights")
    moved.save()
    Clause.objects.create(slug="new-one", section=moved.section, title="New", when="true", body="New text.\n")
    Clause.objects.get(slug="legal-requests").delete()
    _run("dumpclauses", "--dir", str(library))
    assert (library / "11-rights/do-not-track.md").is_file() and not (library / "07-cookies/do-not-track.md").exists()
    assert (library / "11-rights/new-one.md").read_text(encoding="utf-8").endswith("---\nNew text.\n")
    assert not (library / "08-sharing/legal-requests.md").exists()


def test_an_edited_service_changes_its_own_lines_and_keeps_the_catalogues_comments(library):
    before = (library / "services.yaml").read_text(encoding="utf-8")
    service = Service.objects.get(slug="canada-post")
    service.purpose = "deliver your order: and nothing else"
    service.save()
    _run("dumpclauses", "--dir", str(library))
    after = (library / "services.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [
        (
            "  purpose: deliver your order and send you delivery updates",
            '  purpose: "deliver your order: and nothing else"',
        )
    ]
    assert "  # A federal Crown corporation under the Privacy Act, not PIPEDA, so the EU" in after
    assert (
        yaml.safe_load(after)[[s["slug"] for s in yaml.safe_load(after)].index("canada-post")]["purpose"]
        == service.purpose
    )


def test_check_lists_the_differences_and_fails_until_the_files_and_database_agree(library):
    assert "agree" in _run("loadclauses", "--check", "--dir", str(library))
    clause = Clause.objects.get(slug="changes")
    clause.body = "Changed in the admin.\n"
    clause.save()
    out = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("loadclauses", "--check", "--dir", str(library), stdout=out)
    assert failed.value.returncode == 1
    assert "clause changes: body differs" in out.getvalue()
    _run("dumpclauses", "--dir", str(library))
    out = StringIO()
    with pytest.raises(CommandError, match="stale translation"):  # the files agree; the translations lag
        call_command("loadclauses", "--check", "--dir", str(library), stdout=out)
    assert "differs" not in out.getvalue() and "stale translation: German clause “changes”" in out.getvalue()


def test_load_keeps_an_editors_change_unless_forced(library):
    clause = Clause.objects.get(slug="changes")
    clause.body = "Changed in the admin.\n"
    clause.save()
    assert "kept editor's change: clause changes" in _run("loadclauses", "--dir", str(library))
    assert Clause.objects.get(slug="changes").body == "Changed in the admin.\n"
    _run("loadclauses", "--force", "--dir", str(library))
    assert Clause.objects.get(slug="changes").body != "Changed in the admin.\n"


def test_after_a_dump_a_reviewed_change_to_the_file_loads_normally(library):
    clause = Clause.objects.get(slug="changes")
    clause.body = "Changed in the admin.\n"
    clause.save()
    _run("dumpclauses", "--dir", str(library))
    path = library / "13-changes/changes.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Changed in the admin.", "Reviewed in git."), "utf-8")
    assert "1 updated" in _run("loadclauses", "--dir", str(library))
    assert Clause.objects.get(slug="changes").body == "Reviewed in git.\n"


def test_a_saved_policy_learns_of_a_library_change_but_not_of_a_load_that_changed_nothing():
    revision, generated = library_revision(), timezone.now()
    _run("loadclauses")
    assert not library_changed_since(revision=revision) and library_changes_since(since=generated) == []
    clause = Clause.objects.get(slug="changes")
    clause.body += "\nOne more sentence.\n"
    clause.save()
    assert library_changed_since(revision=revision)
    assert library_changes_since(since=generated) == ["clause Changes to this policy"]


@pytest.mark.parametrize(
    "value", ["NO", "true", "a: b", "x # y", "- item", "[list]", "'quoted'", " padded", "", "null"]
)
def test_yaml_scalars_that_would_read_back_differently_are_quoted(value):
    assert yaml.safe_load(f"k: {yaml_scalar(value)}") == {"k": value}
    assert yaml.safe_load(f"k: [{yaml_scalar(value, flow=True)}]") == {"k": [value]}
