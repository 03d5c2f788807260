"""An editor keeps the clause library current in the admin: edit, preview, validation, conflicts, history."""

from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_markdown
from policybuilder.editing.admin import EditConflict
from policybuilder.library.models import Clause, Service
from policybuilder.library.selectors import library_revision
from tests.base import make_answers
from tests.editing.conftest import make_editor, staff_login

pytestmark = pytest.mark.django_db


def clause_form_data(clause: Clause, **changes: Any) -> dict[str, Any]:
    """What the change form posts for `clause` as stored, with `changes` typed in."""
    data = {
        "title": clause.title,
        "section": clause.section_id,
        "order": clause.order,
        "when": clause.when,
        "satisfies": "\n".join(clause.satisfies),
        "sources": "\n".join(clause.sources),
        "body": clause.body.replace("\n", "\r\n"),  # as a browser sends a textarea
        "opened_version": clause.version,
    }
    return data | changes


def change_url(clause: Clause) -> str:
    return reverse("admin:library_clause_change", args=[clause.pk])


def test_an_editors_change_reaches_the_next_policy_and_the_history(editor_client, editor):
    clause = Clause.objects.get(slug="changes")
    body = clause.body + "\nWe answer within two working days.\n"
    response = editor_client.post(change_url(clause), clause_form_data(clause, body=body))
    assert response.status_code == 302
    clause.refresh_from_db()
    assert clause.body.endswith("We answer within two working days.\n")
    assert clause.history.first().history_user == editor
    policy = policy_assemble(answers=make_answers("us-ca"))
    assert "We answer within two working days." in policy.sections[-1].clauses[-1].markdown


def test_saving_without_a_change_makes_no_new_version(editor_client):
    clause = Clause.objects.get(slug="changes")
    versions, revision = clause.history.count(), library_revision()
    response = editor_client.post(change_url(clause), clause_form_data(clause))
    assert response.status_code == 302
    assert clause.history.count() == versions and library_revision() == revision


def test_a_misspelt_variable_is_refused_with_its_line_and_a_suggestion(editor_client):
    clause = Clause.objects.get(slug="changes")
    body = "Write to us.\n\n{% if laws.br %}Ask {{ shop.nmae }}.{% endif %}\n"
    response = editor_client.post(change_url(clause), clause_form_data(clause, body=body))
    assert response.status_code == 200
    assert "Line 3: `shop.nmae` does not exist" in response.text and "Did you mean `name`?" in response.text
    assert Clause.objects.get(slug="changes").body == clause.body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("when", "laws.eu and", "The condition does not work"),
        ("when", "law.eu", "`law` is not a variable a clause can use. Did you mean `laws`?"),
        ("satisfies", "ALL-ID\nALL-IDX", "`ALL-IDX` is not a legal item."),
        ("body", "{% if shop.name %}Hello", "every {% if %} needs an {% endif %}"),
        ("body", "{{ shop.name | shout }}", "That filter does not exist"),
    ],
)
def test_each_kind_of_mistake_is_refused_with_a_plain_message(editor_client, field, value, message):
    clause = Clause.objects.get(slug="changes")
    response = editor_client.post(change_url(clause), clause_form_data(clause, **{field: value}))
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field][0]


def test_the_second_of_two_editors_sees_the_first_ones_change_instead_of_overwriting_it(client):
    clause = Clause.objects.get(slug="changes")
    opened = clause_form_data(clause)  # both editors open the page at the same version
    first, second = make_editor("ada"), make_editor("grace")
    staff_login(client, first)
    client.post(change_url(clause), opened | {"body": clause.body + "\nAda's sentence.\n"})
    staff_login(client, second)
    response = client.post(change_url(clause), opened | {"body": clause.body + "\nGrace's sentence.\n"})
    assert response.status_code == 200
    assert "ada saved this" in response.text and "your changes are not saved yet" in response.text
    assert "<ins>+Ada&#x27;s sentence.</ins>" in response.text  # their change, as a diff
    assert "Grace&#x27;s sentence." in response.text  # her own text is still in the form
    assert "Ada's sentence." in Clause.objects.get(slug="changes").body
    form = response.context["adminform"].form
    again = opened | {
        "body": clause.body + "\nAda's sentence.\nGrace's sentence.\n",
        "opened_version": form["opened_version"].value(),
    }
    assert client.post(change_url(clause), again).status_code == 302  # having seen it, she saves on purpose
    assert Clause.objects.get(slug="changes").body.endswith("Ada's sentence.\nGrace's sentence.\n")


def test_a_save_that_races_another_is_refused_rather_than_overwriting(editor):
    clause, model_admin = Clause.objects.get(slug="changes"), site._registry[Clause]
    request = RequestFactory().post("/")
    request.user = editor
    form = model_admin.get_form(request, clause)(clause_form_data(clause, body="Mine.\n"), instance=clause)
    assert form.is_valid()  # checked before the other save lands ...
    other = Clause.objects.get(slug="changes")
    other.body = "Theirs.\n"
    other.save()
    with pytest.raises(EditConflict):  # ... and refused at the save
        model_admin.save_model(request, form.instance, form, change=True)
    assert Clause.objects.get(slug="changes").body == "Theirs.\n"


def test_the_preview_renders_unsaved_text_for_the_chosen_sample_shop(editor_client):
    clause = Clause.objects.get(slug="changes")
    url = reverse("admin:library_clause_preview_change", args=[clause.pk]) + "?fragment=1"
    data = clause_form_data(clause, body="Write to **{{ shop.name }}**.", preview_sample="eu")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "For Waldhonig (eu), this clause is" in response.text and "<strong>used</strong>" in response.text
    assert "Write to <strong>Waldhonig</strong>." in response.text
    assert 'class="preview-policy-clause is-edited"' in response.text  # the whole policy, this clause marked
    assert Clause.objects.get(slug="changes").body == clause.body  # a preview saves nothing


def test_the_preview_says_when_the_clause_is_not_used_for_the_shop(editor_client):
    clause = Clause.objects.get(slug="california-categories")
    url = reverse("admin:library_clause_preview_change", args=[clause.pk]) + "?fragment=1"
    response = editor_client.post(url, clause_form_data(clause, preview_sample="uk"))
    assert "<strong>not used</strong>: its condition is false for this shop" in response.text


def test_the_preview_shows_what_a_save_would_refuse_instead_of_failing(editor_client):
    clause = Clause.objects.get(slug="changes")
    url = reverse("admin:library_clause_preview_change", args=[clause.pk])
    response = editor_client.post(url, clause_form_data(clause, body="{{ shop.nmae }}"))
    assert response.status_code == 200
    assert "Saving would be refused" in response.text and "`shop.nmae` does not exist" in response.text
    assert "<html" in response.text  # without ?fragment: a whole page, for the no-JavaScript button


def test_the_change_page_offers_the_variables_and_a_preview_of_the_stored_clause(editor_client):
    clause = Clause.objects.get(slug="changes")
    response = editor_client.get(change_url(clause) + "?sample=ca")
    assert response.status_code == 200
    assert "<code>transfer_countries</code>" in response.text and "<code>.privacy_url</code>" in response.text
    assert "For Maple Loom (ca), this clause is" in response.text
    assert 'src="/static/js/clause-preview.js"' in response.text and "<script>" not in response.text


def test_the_history_shows_who_changed_the_body_as_an_escaped_diff(editor_client):
    clause = Clause.objects.get(slug="changes")
    editor_client.post(change_url(clause), clause_form_data(clause, body=clause.body + "\nA <b>bold</b> claim.\n"))
    response = editor_client.get(reverse("admin:library_clause_history", args=[clause.pk]))
    assert "ada" in response.text
    assert "<ins>+A &lt;b&gt;bold&lt;/b&gt; claim.</ins>" in response.text


@pytest.fixture
def changed_contact(editor_client) -> tuple[Clause, Any]:
    """The contact clause after an editor changed its body, and its first (loaded) version."""
    clause = Clause.objects.get(slug="changes")
    original = clause.history.earliest("history_date")
    editor_client.post(change_url(clause), clause_form_data(clause, body="Changed.\n"))
    return clause, original


def test_one_click_restores_an_earlier_version_as_a_new_one(editor_client, changed_contact):
    clause, original = changed_contact
    url = reverse("admin:library_clause_revert", args=[clause.pk, original.history_id])
    response = editor_client.post(url)
    assert response.status_code == 302 and response.url == change_url(clause)
    clause.refresh_from_db()
    assert clause.body == original.body
    assert clause.history.first().history_change_reason.startswith("Reverted to the version of")
    assert clause.history.count() == 3  # loaded, changed, reverted: nothing is lost


def test_a_version_that_no_longer_validates_is_not_restored(editor_client):
    clause = Clause.objects.get(slug="changes")
    clause.satisfies = ["GONE-ITEM"]  # written straight into the database, as a script might
    clause.save()
    broken = clause.history.first()
    clause.satisfies = []
    clause.save()
    response = editor_client.post(reverse("admin:library_clause_revert", args=[clause.pk, broken.history_id]))
    assert response.status_code == 302
    assert Clause.objects.get(slug="changes").satisfies == []
    follow = editor_client.get(response.url)
    assert "That version cannot be restored" in follow.text and "`GONE-ITEM` is not a legal item" in follow.text


def service_form_data(service: Service) -> dict[str, Any]:
    return {
        "name": service.name, "kind": service.kind, "company": service.company, "country": "us",
        "privacy_url": service.privacy_url, "receives": "\n".join(service.receives), "purpose": service.purpose,
        "role": service.role, "safeguard": service.safeguard, "opt_out_url": service.opt_out_url, "sets_cookies": "on",
        "order": service.order, "opened_version": service.version,
    }  # fmt: skip


def test_an_editor_edits_services_too_and_a_bad_one_is_refused(editor_client):
    service = Service.objects.get(slug="stripe")
    url = reverse("admin:library_service_change", args=[service.pk])
    data = service_form_data(service)
    assert editor_client.post(url, data | {"privacy_url": "not a url"}).status_code == 200
    assert editor_client.post(url, data | {"purpose": "take payments"}).status_code == 302
    service.refresh_from_db()
    assert (service.purpose, service.country) == ("take payments", "US")
    table = policy_markdown(policy_assemble(answers=make_answers("us-ca")))  # recipients: name | purpose | ...
    assert (
        next(line for line in table.splitlines() if line.startswith("| [Stripe]")).split(" | ")[1] == "Take payments."
    )


def test_the_clause_list_shows_laws_source_and_who_changed_it_last(editor_client):
    clause = Clause.objects.get(slug="rights")
    editor_client.post(change_url(clause), clause_form_data(clause, body=clause.body + "\nMore.\n"))
    response = editor_client.get(reverse("admin:library_clause_changelist") + "?law=gdpr")
    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert clause in rows and all("gdpr" in site._registry[Clause].laws(row) for row in rows)
    assert "seed and law" in response.text and "ada" in response.text
    searched = editor_client.get(reverse("admin:library_clause_changelist") + "?q=global-privacy")
    assert [c.slug for c in searched.context["cl"].result_list] == ["global-privacy-control"]


def test_an_old_version_can_also_be_opened_and_restored_through_its_form(editor_client, changed_contact):
    clause, original = changed_contact
    url = reverse("admin:library_clause_simple_history", args=[clause.pk, original.history_id])
    page = editor_client.get(url)
    assert page.status_code == 200 and original.body.splitlines()[0] in page.text
    form = page.context["adminform"].form
    data = clause_form_data(original.instance, opened_version=form["opened_version"].value())
    assert editor_client.post(url, data).status_code == 302
    assert Clause.objects.get(slug="changes").body == original.body


def test_two_editors_saving_the_same_service_do_not_overwrite_each_other(client):
    service = Service.objects.get(slug="klaviyo")
    url, opened = reverse("admin:library_service_change", args=[service.pk]), service_form_data(service)
    staff_login(client, make_editor("ada"))
    assert client.post(url, opened | {"purpose": "send our newsletter"}).status_code == 302
    staff_login(client, make_editor("grace"))
    response = client.post(url, opened | {"purpose": "send offers"})
    assert response.status_code == 200 and "ada saved this" in response.text
    assert "<del>send our newsletter and see which emails people open</del>" in response.text
    assert Service.objects.get(slug="klaviyo").purpose == "send our newsletter"
