"""Translations pinned to their English source (issue 14): a change to the English makes its translations
stale; a stale or missing translation is never used (the policy in that language is refused, naming the
texts); `loadclauses --check` reports it; an editor fixes it in the admin beside the English source."""

from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.engine import library_compile
from policybuilder.documents.exporters import policy_text
from policybuilder.documents.translate import structure_errors
from policybuilder.library.models import Clause, Translation
from policybuilder.library.selectors import clause_data, library_snapshot
from policybuilder.library.translations import source_revision, sources, translation_states
from policybuilder.library.types import TranslationData
from tests.base import make_answers
from tests.library.test_dump import _run

pytestmark = pytest.mark.django_db


def _fresh(**fields) -> Translation:
    """A translation made in the test, in place of the shipped one for the same text and language."""
    Translation.objects.filter(kind=fields["kind"], key=fields["key"], language=fields["language"]).delete()
    return Translation.objects.create(**fields)


def _copied(kind: str, entry) -> TranslationData:
    """A stand-in "translation" that copies the English, pinned to the English as it is now."""
    title = getattr(entry, "title", "")
    body = entry.purpose if kind == "service" else getattr(entry, "body", "")
    receives = tuple(entry.receives) if kind == "service" else ()
    return TranslationData(kind, entry.slug, "de", f"[de] {title}" if title else "", body, receives, source_revision(kind, entry))  # fmt: skip


def _library_in_german(**english_changes):
    """The library with every text "translated" into German, then `english_changes` (slug -> new body) made
    to the English clauses afterwards, as an editor would."""
    data = library_snapshot()
    data = replace(data, translations=tuple(_copied(kind, entry) for (kind, _), entry in sources(data).items()))
    clauses = tuple(replace(c, body=english_changes.get(c.slug, c.body)) for c in data.clauses)
    return library_compile(replace(data, clauses=clauses))


def test_a_current_translation_is_used_for_its_clause_and_section():
    policy = policy_assemble(answers=make_answers("minimal", language="de"), library=_library_in_german())
    text = policy_text(policy)
    assert "[DE] WHO WE ARE" in text  # the section title, from its translation
    assert policy.facts.language == "de" and any(
        "maschinell erstellte" in note for note in policy.coverage.notes
    )  # in the policy's language


def test_changing_the_english_makes_its_translation_stale_and_the_policy_is_refused_naming_the_clause():
    changes = {"controller": clause_data(Clause.objects.get(slug="controller")).body + "\nA new English sentence.\n"}
    german = _library_in_german(**changes)
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=make_answers("minimal", language="de"), library=german)
    message = refused.value.errors[0]
    assert message.startswith("language: this policy cannot be built in German yet")
    assert "clause “controller” (stale: the English has changed)" in message
    assert "clause “changes”" not in message  # only what is stale is named
    # The English policy is not affected.
    assert policy_assemble(answers=make_answers("minimal"), library=german).facts.language == "en"


def test_a_missing_translation_is_named_too():
    with pytest.raises(InvalidAnswers, match="clause “controller” \\(not translated\\)"):
        policy_assemble(answers=make_answers("minimal", language="it"), library=_library_in_german())


def test_the_states_follow_the_english_revision():
    clause = Clause.objects.get(slug="changes")
    _fresh(
        kind="clause", key="changes", language="fr", title="Modifications", body="Texte.",
        translates=source_revision("clause", clause_data(clause)),
    )  # fmt: skip
    Translation.objects.filter(kind="clause", key="rights", language="fr").delete()
    state = {(s.kind, s.key): s.state for s in translation_states(library_snapshot(), languages=("fr",))}
    assert state[("clause", "changes")] == "machine" and state[("clause", "rights")] == "missing"
    clause.body += "\nOne more sentence.\n"
    clause.save()
    state = {(s.kind, s.key): s.state for s in translation_states(library_snapshot(), languages=("fr",))}
    assert state[("clause", "changes")] == "stale"


def _french_file(folder: Path, slug: str = "changes") -> Path:
    english = next(folder.glob(f"*/{slug}.md"))
    data = next(c for c in library_snapshot().clauses if c.slug == slug)
    path = english.with_name(f"{slug}.fr.md")
    path.write_text(f"---\ntitle: Modifications\ntranslates: {source_revision('clause', data)}\nreview: machine\n---\nCette politique change.\n")  # fmt: skip
    return path


def test_loadclauses_check_reports_a_stale_translation_and_fails(library):
    _run("loadclauses", "--dir", str(library))
    _french_file(library)
    _run("loadclauses", "--dir", str(library))
    assert Translation.objects.get(kind="clause", key="changes", language="fr").title == "Modifications"
    assert "agree" in _run("loadclauses", "--check", "--dir", str(library))
    english = next(library.glob("*/changes.md"))
    english.write_text(english.read_text() + "One more English sentence.\n")
    _run("loadclauses", "--dir", str(library))
    out = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("loadclauses", "--check", "--dir", str(library), stdout=out)
    assert failed.value.returncode == 1
    assert "stale translation: French clause “changes”" in out.getvalue()


def test_dumpclauses_writes_a_translation_beside_its_clause(library):
    _run("loadclauses", "--dir", str(library))
    path = _french_file(library)
    _run("loadclauses", "--dir", str(library))
    row = Translation.objects.get(kind="clause", key="changes", language="fr")
    row.body = "Cette politique change parfois.\n"
    row.save()
    _run("dumpclauses", "--dir", str(library))
    assert path.read_text().endswith("\nCette politique change parfois.\n")


def test_an_editor_fixes_a_stale_translation_beside_the_english_and_what_changed(editor_client):
    clause = Clause.objects.get(slug="changes")
    row = _fresh(
        kind="clause", key="changes", language="fr", title="Modifications", body=clause.body,
        translates=source_revision("clause", clause_data(clause)),
    )  # fmt: skip
    clause.body = clause.body + "\nA sentence the French lacks.\n"
    clause.save()
    url = reverse("admin:library_translation_change", args=[row.pk])
    page = editor_client.get(url).content.decode()
    assert "Stale: the English has changed since this was translated" in page
    assert "<ins>+A sentence the French lacks.</ins>" in page
    posted = {
        "title": "Modifications",
        "body": clause.body,
        "receives": "",
        "current": "on",
        "opened_version": row.version,
    }
    response = editor_client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[:2000]
    row.refresh_from_db()
    assert row.translates == source_revision("clause", clause_data(clause)) and row.review == "machine"
    state = {(s.kind, s.key): s.state for s in translation_states(library_snapshot(), languages=("fr",))}
    assert state[("clause", "changes")] == "machine"


def test_a_translation_that_drops_a_condition_of_the_english_is_refused(editor_client):
    clause = Clause.objects.get(slug="controller")
    row = _fresh(
        kind="clause", key="controller", language="fr", title="Responsable", body=clause.body,
        translates=source_revision("clause", clause_data(clause)),
    )  # fmt: skip
    dropped = clause.body.replace("{% if shop.phone %}", "{% if true %}")
    assert structure_errors(clause.body, dropped)
    url = reverse("admin:library_translation_change", args=[row.pk])
    posted = {"title": "Responsable", "body": dropped, "receives": "", "current": "on", "opened_version": row.version}
    page = editor_client.post(url, posted).content.decode()
    assert "The translation does not follow the English: it leaves out what the English reads: shop.phone" in page


def test_the_admin_lists_the_stale_translations_in_the_same_few_queries_however_many_there_are(
    editor_client, django_assert_max_num_queries
):
    clause = Clause.objects.get(slug="changes")
    clause.body = clause.body + "\nA sentence no translation has yet.\n"
    clause.save()
    url = reverse("admin:library_translation_changelist")
    stale = editor_client.get(url, {"state": "stale"}).content.decode()
    assert "5 translations" in stale and ">changes<" in stale and ">rights<" not in stale
    with django_assert_max_num_queries(40):  # a query per row would be 100 on this page alone
        page = editor_client.get(url, {"language__exact": "de", "kind__exact": "clause"}).content.decode()
    assert ">changes<" in page and ">rights<" in page
