"""Crafted input gets a clear answer, never a 500 (issue 10, part 4): files, NUL bytes, hidden
text-direction characters, repeated choices, odd tokens, and URLs that end in a parenthesis."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_html, policy_markdown, policy_text
from policybuilder.questionnaire.models import Draft
from tests.base import make_answers
from tests.questionnaire.wizard import PIPS_POTTERY, PREFIX, answer, back, step_url

pytestmark = pytest.mark.django_db
BUSINESS = dict(PIPS_POTTERY[0][1])


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_a_page_sent_with_a_file_is_refused_with_a_plain_message(client):
    data = {
        f"{PREFIX}-current_step": "business",
        "business-name": "Pip's",
        "attachment": SimpleUploadedFile("a.txt", b"x"),
    }
    response = client.post(step_url("business"), data)
    assert response.status_code == 400
    assert "The questionnaire takes no files" in response.text


@pytest.mark.parametrize("path", ["/resume/%00/", "/policy/%00/", "/policy/%00/policy.pdf", "/resume/a%20b/"])
def test_a_link_with_characters_no_token_has_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_nul_byte_is_refused_on_the_page_and_never_reaches_the_database(client):
    client.get(reverse("questionnaire:start"))
    response = answer(client, "business", **(BUSINESS | {"name": "Pip\x00s Pottery"}))
    assert response.status_code == 200 and "Null characters are not allowed" in response.text
    back_response = back(client, "data", "business", contact_form=True)  # Back keeps a page as it is
    assert back_response.status_code in (200, 302)
    assert all("\x00" not in str(d.steps) for d in Draft.objects.all())


def test_hidden_text_direction_characters_are_refused_with_a_plain_message(client):
    client.get(reverse("questionnaire:start"))
    response = answer(client, "business", **(BUSINESS | {"name": "Pip\u202eyrettoP"}))
    assert response.status_code == 200
    assert "hidden characters that change the direction of text" in response.text


def test_the_answers_contract_refuses_them_too_and_names_the_field():
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=make_answers("minimal", business=make_answers()["business"] | {"name": "A\u2066B"}))
    assert any(e.startswith("business.name: has a NUL or text-direction control") for e in refused.value.errors)


def test_a_service_ticked_twice_is_one_choice(client):
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:3]:
        answer(client, step, **fields)
    data = {
        f"{PREFIX}-current_step": "payments",
        "payments-gateways": ["stripe", "stripe"],
        "payments-stores_card_numbers": "no",
    }
    assert client.post(step_url("payments"), data).status_code == 302
    draft = Draft.objects.get()
    assert draft.steps["payments"]["payments-gateways"] == ["stripe"]


def test_a_privacy_link_ending_in_a_parenthesis_keeps_it_in_every_export():
    url = "https://example.com/legal/privacy_(eu)"
    answers = make_answers("minimal", payments={"gateways": [{"name": "Bank Pay", "privacy_url": url}]})
    policy = policy_assemble(answers=answers)
    assert f'href="{url}"' in policy_html(policy)
    assert url in policy_text(policy)
    assert r"privacy\_\(eu\)" in policy_markdown(policy)  # Markdown's own escapes: it renders as typed
