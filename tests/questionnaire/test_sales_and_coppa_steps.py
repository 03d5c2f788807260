"""The steps after "Your customers": what a shop that sells data must say, and how a shop made for
children gets a parent's consent, each shown only when it applies and required then."""

import pytest
from django.urls import reverse

from policybuilder.documents.schema_practices import PARENTAL_CONSENT
from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.customer_forms import PARENTAL_CONSENT_LABELS
from policybuilder.questionnaire.models import Draft
from tests.base import make_answers
from tests.questionnaire.test_practices_step import _page_before
from tests.questionnaire.wizard import PIPS_POTTERY, answer, checked, policy_of, step_url

pytestmark = pytest.mark.django_db
SALES = {"categories": "names and email addresses\npurchase history", "buyers": "marketing companies", "purpose": "to send you offers"}  # fmt: skip


def _customers(**changes) -> dict:
    return {"customers": dict(PIPS_POTTERY[[s for s, _ in PIPS_POTTERY].index("customers")][1], **changes)}


def _after_customers(client, **changes) -> str:
    """Answer Pip's pages up to and with "Your customers"; returns where the wizard goes next."""
    _page_before(client, PIPS_POTTERY, "customers")
    return answer(client, "customers", **_customers(**changes)["customers"]).url


def test_a_shop_that_sells_no_data_and_is_not_for_children_skips_both_steps(client):
    assert _after_customers(client) == step_url("practices")
    for step in ("sales", "coppa"):
        assert client.get(step_url(step)).url == step_url("practices")


def test_a_shop_that_sells_data_must_say_what_to_whom_and_why(client):
    assert _after_customers(client, sells_data="yes") == step_url("sales")
    response = answer(client, "sales", buyers="marketing companies")
    page = response.content.decode()
    assert "Say what personal data you sell, one kind per line." in page
    assert "Say what the buyers use the data for, in a few words." in page
    assert "marketing companies</textarea>" in page  # what was given stays
    assert answer(client, "sales", **SALES).url == step_url("practices")
    assert Draft.objects.get().answers["sales"] == {
        "categories": ["names and email addresses", "purchase history"], "buyers": ["marketing companies"],
        "purpose": "to send you offers",
    }  # fmt: skip


def test_a_shop_for_children_is_told_what_coppa_requires_and_must_say_how_it_gets_consent(client):
    assert _after_customers(client, children="yes") == step_url("coppa")
    page = client.get(step_url("coppa")).content.decode()
    assert "verifiable consent from a parent" in page and "16 CFR 312.5" in page
    response = answer(client, "coppa")
    assert (
        "Choose how you get a parent&#x27;s consent: COPPA requires the policy to say so." in response.content.decode()
    )
    assert answer(client, "coppa", parental_consent="signed_form").url == step_url("practices")
    assert Draft.objects.get().answers["coppa"] == {"parental_consent": "signed_form"}


def test_a_shop_for_children_with_ad_tags_is_refused_with_what_to_change(client):
    _page_before(client, PIPS_POTTERY, "customers", analytics={"advertising": ["meta-pixel"]})
    answer(client, "customers", **_customers(children="yes")["customers"])
    response = answer(client, "coppa", parental_consent="card_transaction")
    assert response.status_code == 200
    page = response.content.decode()
    assert "A shop made for children under 13 cannot run ad tags" in page and "Remove the ad tags" in page
    assert checked(page, "coppa-parental_consent", "card_transaction")


def test_every_consent_method_of_the_contract_has_plain_words():
    assert list(PARENTAL_CONSENT_LABELS) == list(PARENTAL_CONSENT)


def test_change_answers_brings_back_the_sales_and_the_consent_method(client):
    first = policy_publish(answers=make_answers("children"))
    client.post(reverse("questionnaire:change", args=[first.token]))
    assert checked(client.get(step_url("coppa")).content.decode(), "coppa-parental_consent", "signed_form")
    assert (
        policy_of(answer(client, "review", effective_date=first.answers["effective_date"])).answers["coppa"]
        == first.answers["coppa"]
    )

    sales = {"categories": ["email addresses"], "buyers": ["data brokers"], "purpose": "to market to you"}
    seller = policy_publish(answers=make_answers("us", sells_data=True, sales=sales))
    client.post(reverse("questionnaire:change", args=[seller.token]))
    page = client.get(step_url("sales")).content.decode()
    assert "email addresses</textarea>" in page and 'value="to market to you"' in page
