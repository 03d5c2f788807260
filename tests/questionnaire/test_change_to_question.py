""" "Change answers" at one question: a "To confirm" item posts its step and field, and the owner lands
on that question, scrolled to and focused; anything else lands on the review, never on an error."""

import pytest
from django.urls import reverse

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.selectors import catalogue_choices
from policybuilder.questionnaire.services import change_target
from tests.base import SAMPLES, make_answers
from tests.questionnaire.wizard import answer, policy_of, step_url

pytestmark = pytest.mark.django_db


def _change(client, saved: SavedPolicy, **posted: str):
    return client.post(reverse("questionnaire:change", args=[saved.token]), posted)


def _focused(page: str, name: str) -> bool:
    """Whether the first input of this field carries autofocus."""
    start = page.index(f'name="{name}"')
    tag = page[page.rindex("<input", 0, start) : page.index(">", start)]
    return "autofocus" in tag


def test_a_posted_step_and_field_land_on_that_question_focused(client):
    saved = policy_publish(answers=make_answers("us-ca"))
    response = _change(client, saved, step="practices", field="gpc")
    assert response.status_code == 302
    assert response.url == step_url("practices") + "#id_practices-gpc_0"  # the first of its radio buttons
    page = client.get(step_url("practices")).content.decode()
    assert 'id="id_practices-gpc_0"' in page and _focused(page, "practices-gpc")
    assert not _focused(client.get(step_url("practices")).content.decode(), "practices-gpc")  # only once


def test_the_sensitive_information_item_lands_on_the_first_question_of_its_page(client):
    answers = make_answers("eu")
    answers.pop("sensitive", None)
    saved = policy_publish(answers=answers)
    item = next(i for i in saved.data["to_confirm"] if i["key"] == "sensitive")
    response = _change(client, saved, step=item["step"], field=item["field"])
    assert response.url == step_url("sensitive") + "#id_sensitive-health"
    assert _focused(client.get(step_url("sensitive")).content.decode(), "sensitive-health")


@pytest.mark.parametrize(
    "posted",
    [{}, {"step": "no-such-step", "field": "gpc"}, {"step": "practices", "field": "no_such_field"}, {"step": "review"},
     {"step": "../admin", "field": "<script>"}],
    ids=["nothing", "an unknown step", "an unknown field", "the review itself", "garbage"],
)  # fmt: skip
def test_anything_else_lands_on_the_review(client, posted):
    saved = policy_publish(answers=make_answers("us-ca"))
    response = _change(client, saved, **posted)
    assert response.url == step_url("review")
    assert client.get(response.url).status_code == 200


def test_a_step_these_answers_skip_leads_to_the_review(client):
    saved = policy_publish(answers=make_answers("us-ca"))  # sells no data: no sales step
    response = _change(client, saved, step="sales", field="categories")
    assert response.status_code == 302
    final = client.get(response.url, follow=True)
    assert final.redirect_chain[-1][0] == step_url("review") and final.status_code == 200


def test_a_question_these_answers_do_not_ask_leads_to_the_review(client):
    saved = policy_publish(answers=make_answers("eu"))  # no phone orders: no phone card question
    assert _change(client, saved, step="practices", field="phone_cards").url == step_url("review")


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_to_confirm_item_of_every_sample_leads_to_a_question_on_its_page(client, sample):
    saved = policy_publish(answers=make_answers(sample))
    catalogue = catalogue_choices()
    for item in saved.data["to_confirm"]:
        step, field, anchor = change_target(answers=saved.answers, step=item["step"], field=item["field"], catalogue=catalogue)  # fmt: skip
        assert (step, bool(field)) == (item["step"], True), f"{sample}: {item['key']} leads nowhere"
        response = _change(client, saved, step=item["step"], field=item["field"])
        assert response.url == f"{step_url(step)}#{anchor}"
        page = client.get(step_url(step))
        assert page.status_code == 200 and page.request["PATH_INFO"] == step_url(step), item["key"]
        assert f'id="{anchor}"' in page.content.decode(), item["key"]


def test_saving_the_page_an_item_led_to_settles_it_even_with_the_answer_shown_unchanged(client):
    answers = make_answers("us-ca")
    del answers["payments"]["stores_card_numbers"]  # and nothing said of essential cookies either
    first = policy_publish(answers=answers)
    assert {"data.essential_cookies", "payments.stores_card_numbers"} <= {i["key"] for i in first.data["to_confirm"]}
    _change(client, first, step="data", field="essential_cookies")
    data = {"accounts": True, "contact_form": True, "reviews": True, "server_logs": True, "essential_cookies": True}
    assert answer(client, "data", button={"to_review": "1"}, **data).url == step_url("review")
    second = policy_of(answer(client, "review", effective_date=first.answers["effective_date"]))
    assert second.answers["data"]["essential_cookies"] is True
    settled = {item["key"] for item in second.data["to_confirm"]}
    assert "data.essential_cookies" not in settled
    assert "payments.stores_card_numbers" in settled  # a page not saved settles nothing
    assert "stores_card_numbers" not in second.answers["payments"]
    assert second.answers["platform"] == first.answers["platform"]  # and the rest is kept as it was
