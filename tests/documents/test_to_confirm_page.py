"""The result page's "To confirm" list: each question, what the policy does meanwhile, and a button
that reopens the answers at that question."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from tests.base import make_answers
from tests.questionnaire.wizard import step_url

pytestmark = pytest.mark.django_db


def _result_page(client, saved: SavedPolicy) -> str:
    response = client.get(reverse("documents:result", args=[saved.token]))
    assert response.status_code == 200
    return response.content.decode()


def _forms(page: str) -> list[dict[str, str]]:
    """The hidden fields of each "Answer this question" form of the To confirm list."""
    section = page[page.index('class="to-confirm"') :].split("</section>")[0]
    forms = []
    for form in section.split("<form")[1:]:
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
        forms.append({key: value for key, value in fields.items() if key != "csrfmiddlewaretoken"})
    return forms


def test_the_result_page_lists_each_item_with_its_question_what_happens_meanwhile_and_a_button(client):
    answers = make_answers("us-ca")
    answers.pop("practices", None)
    saved = policy_publish(answers=answers)
    items = saved.data["to_confirm"]
    assert items, "a shop that answered no practice has something to confirm"
    page = _result_page(client, saved)
    assert '<h2 class="h4" id="to-confirm-title">To confirm</h2>' in page
    assert page.index("To confirm</h2>") < page.index('class="policy policy-preview"')  # near the top
    for item in items:
        assert escape(item["question"]) in page and escape(item["meanwhile"]) in page, item["key"]
    assert _forms(page) == [{"step": item["step"], "field": item["field"]} for item in items]
    assert page.count(">Answer this question</button>") == len(items)


def test_the_button_reopens_the_answers_at_its_question(client):
    answers = make_answers("us-ca")
    answers.pop("practices", None)
    saved = policy_publish(answers=answers)
    posted = next(f for f in _forms(_result_page(client, saved)) if f["field"] == "consent_banner")
    response = client.post(reverse("questionnaire:change", args=[saved.token]), posted)
    assert response.url == step_url("practices") + "#id_practices-consent_banner_0"
    assert 'id="id_practices-consent_banner_0"' in client.get(step_url("practices")).content.decode()


def _saved_with(sample: str, **changes) -> SavedPolicy:
    """A sample's saved policy whose JSON export is changed, as a policy saved at another time has it."""
    saved = policy_publish(answers=make_answers(sample))
    data = json.loads(saved.json)
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    SavedPolicy.objects.filter(pk=saved.pk).update(json=json.dumps(data))
    return SavedPolicy.objects.get(pk=saved.pk)


def test_nothing_to_confirm_shows_no_list(client):
    page = _result_page(client, _saved_with("us-ca", to_confirm=[]))
    assert "To confirm</h2>" not in page and "Answer this question" not in page


def test_a_policy_saved_before_the_list_existed_shows_no_list(client):
    page = _result_page(client, _saved_with("uk", to_confirm=None))
    assert "To confirm</h2>" not in page and "Your privacy policy is ready" in page
