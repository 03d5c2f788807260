"""The "Sensitive information" step: asked of every shop, nothing ticked says nothing, a purpose when
anything is held, and the answers come back on "Change answers"."""

import pytest
from django.urls import reverse

from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.models import Draft
from tests.base import make_answers
from tests.questionnaire.wizard import PIPS_POTTERY, answer, checked, policy_of, step_url

pytestmark = pytest.mark.django_db


def _at_sensitive(client) -> None:
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:2]:
        answer(client, step, **fields)


def test_every_shop_is_asked_about_sensitive_information_after_what_it_collects(client):
    _at_sensitive(client)
    assert Draft.objects.get().current_step == "sensitive"
    page = client.get(step_url("sensitive")).content.decode()
    for question in ("Health information", "Information about children", "Precise location", "Biometric information"):
        assert question in page
    assert "None of these, and we ask for no other personal details" in page


def test_an_untouched_page_says_nothing_about_sensitive_information(client):
    _at_sensitive(client)
    assert answer(client, "sensitive").url == step_url("payments")
    assert "sensitive" not in Draft.objects.get().answers


def test_none_of_these_says_the_shop_holds_none(client):
    _at_sensitive(client)
    answer(client, "sensitive", none=True)
    flags = {"health": False, "children": False, "precise_location": False, "biometrics": False}
    assert Draft.objects.get().answers["sensitive"] == flags


def test_details_held_without_a_purpose_are_refused_with_what_to_write_and_the_answers_stay(client):
    _at_sensitive(client)
    response = answer(client, "sensitive", health=True, other_fields="date of birth\nprofession")
    assert response.status_code == 200
    page = response.content.decode()
    block = page[page.index('id="div_id_sensitive-purpose"') :][:1500]
    assert "Say why you ask for these details, like “to check that you are old enough to buy”" in block
    assert "date of birth\nprofession</textarea>" in page
    assert checked(page, "sensitive-health")
    answer(client, "sensitive", health=True, other_fields="date of birth\nprofession", purpose="fit your glasses")
    assert Draft.objects.get().answers["sensitive"] == {
        "health": True, "children": False, "precise_location": False, "biometrics": False,
        "other_fields": ["date of birth", "profession"], "purpose": "fit your glasses",
    }  # fmt: skip


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"none": True, "biometrics": True, "purpose": "unlock the app"}, "You ticked “None of these” and also"),
        ({"purpose": "send birthday cards"}, "Tick or list the details this is for, or empty this box."),
        ({"other_fields": "x" * 81, "purpose": "p"}, "Keep each line to 80 characters or fewer"),
        (
            {"other_fields": "\n".join(f"detail {n}" for n in range(21)), "purpose": "p"},
            "List at most 20, one per line.",
        ),
    ],
    ids=["none and a tick", "a purpose for nothing", "a long line", "too many lines"],
)
def test_answers_that_do_not_fit_together_say_what_to_change(client, fields, message):
    _at_sensitive(client)
    response = answer(client, "sensitive", **fields)
    assert response.status_code == 200 and message in response.content.decode()


def test_change_answers_brings_the_sensitive_answers_back_and_keeps_them(client):
    sensitive = {"health": True, "biometrics": True, "other_fields": ["date of birth"], "purpose": "fit your glasses"}
    first = policy_publish(answers=make_answers("eu", sensitive=sensitive))
    client.post(reverse("questionnaire:change", args=[first.token]))
    page = client.get(step_url("sensitive")).content.decode()
    assert checked(page, "sensitive-health") and checked(page, "sensitive-biometrics")
    assert not checked(page, "sensitive-children") and not checked(page, "sensitive-none")
    assert "date of birth</textarea>" in page and 'value="fit your glasses"' in page
    review = client.get(step_url("review")).content.decode()
    assert "Health information" in review and "fit your glasses" in review
    second = policy_of(answer(client, "review", effective_date=first.answers["effective_date"]))
    assert second.answers["sensitive"] == sensitive


def test_the_review_says_not_given_for_an_untouched_page_never_no(client):
    _at_sensitive(client)
    answer(client, "sensitive")
    for step, fields in PIPS_POTTERY[3:-1]:
        answer(client, step, **fields)
    review = client.get(step_url("review")).content.decode()
    section = review[review.index(">Sensitive information</h2>") :].split("</section>")[0]
    assert "Not given" in section and "<dd>No</dd>" not in section
