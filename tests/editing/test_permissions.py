"""The Editors group can keep the library current and nothing more."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from policybuilder.library.models import Clause, LegalItem
from tests.editing.conftest import staff_login

pytestmark = pytest.mark.django_db

EDITING = {
    "library.view_clause", "library.change_clause", "library.add_clause",
    "library.view_service", "library.change_service", "library.add_service",
    "library.view_section", "library.view_law", "library.view_legalitem",
    "library.view_translation", "library.change_translation",
}  # fmt: skip


def test_the_editors_group_has_exactly_the_permissions_editing_needs():
    group = Group.objects.get(name="Editors")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert granted == EDITING


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_user_add"),
    ],
)
def test_an_editor_cannot_touch_users_or_groups(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_the_admin_index_shows_an_editor_only_the_clause_library(editor_client):
    apps = [app["app_label"] for app in editor_client.get(reverse("admin:index")).context["app_list"]]
    assert apps == ["library"]


def test_an_editor_cannot_delete_a_clause(editor_client):
    clause = Clause.objects.get(slug="changes")
    response = editor_client.post(reverse("admin:library_clause_delete", args=[clause.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Clause.objects.filter(slug="changes").exists()


def test_legal_items_can_be_read_but_not_changed(editor_client):
    item = LegalItem.objects.get(item_id="ALL-ID")
    url = reverse("admin:library_legalitem_change", args=[item.pk])
    page = editor_client.get(url)
    assert page.status_code == 200 and "controller" in page.text  # the clauses covering it
    editor_client.post(url, {"summary": "Changed"})
    assert LegalItem.objects.get(item_id="ALL-ID").summary == item.summary


def test_staff_outside_the_group_cannot_see_or_preview_clauses(client):
    staff_login(client, User.objects.create_user("visitor", password="a long password here", is_staff=True))
    clause = Clause.objects.get(slug="changes")
    assert client.get(reverse("admin:library_clause_change", args=[clause.pk])).status_code == 403
    assert client.post(reverse("admin:library_clause_preview_change", args=[clause.pk])).status_code == 403


def test_the_preview_and_revert_need_a_signed_in_editor(client):
    clause = Clause.objects.get(slug="changes")
    response = client.post(reverse("admin:library_clause_preview_change", args=[clause.pk]))
    assert response.status_code == 302 and "/admin/login/" in response.url
    record = clause.history.first()
    response = client.post(reverse("admin:library_clause_revert", args=[clause.pk, record.history_id]))
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize(
    "name",
    [
        "library_clause_changelist", "library_clause_add", "library_service_changelist", "library_service_add",
        "library_legalitem_changelist", "library_law_changelist", "library_section_changelist",
    ],
)  # fmt: skip
def test_every_library_page_opens_for_an_editor(editor_client, name):
    assert editor_client.get(reverse(f"admin:{name}")).status_code == 200


def test_an_editor_adds_a_clause_that_is_validated_like_any_other(editor_client):
    url = reverse("admin:library_clause_add")
    data = {"title": "Gift cards", "slug": "gift-cards", "section": Clause.objects.get(slug="changes").section_id,
            "order": 20, "when": "true", "satisfies": "", "sources": "", "body": "Gift cards from {{ shop.nmae }}."}  # fmt: skip
    assert editor_client.post(url, data).status_code == 200
    assert editor_client.post(url, data | {"body": "Gift cards from {{ shop.name }}."}).status_code == 302
    assert Clause.objects.get(slug="gift-cards").history.first().history_user.username == "ada"
