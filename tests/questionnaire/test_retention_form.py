"""The "How long you keep data" step: only the periods that apply, the shop's own defaults, the ranges."""

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.schema_practices import COPPA_ACCOUNT_LIMIT, coppa_retention_errors
from policybuilder.questionnaire import retention_form
from policybuilder.questionnaire.retention_form import LIMITS, PERIODS, RetentionForm
from tests.base import make_answers
from tests.questionnaire.wizard import GOLDEN_GATE_GOODS, PIPS_POTTERY, answer, complete, step_url

pytestmark = pytest.mark.django_db


def _up_to_retention(client, pages, **changes) -> str:
    """Answer every page before the retention step, with changed fields for some; returns its page."""
    client.get(reverse("questionnaire:start"))
    for step, fields in pages[:-2]:
        response = answer(client, step, **(fields | changes.get(step, {})))
        assert response.status_code == 302, step
    response = client.get(step_url("retention"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_uk_shop_is_told_the_uk_tax_rule_and_asked_only_about_data_it_keeps(client):
    page = _up_to_retention(client, PIPS_POTTERY)
    assert "Leave empty to use 6 years, under UK tax rules" in page
    assert "Keep visit logs for" in page and "Leave empty to use 30 days. Or give 1 to 730 days." in page
    assert "Keep customer messages for" in page  # she has a contact form
    for absent in ("Delete an unused account after", "Keep survey answers for", "Keep analytics data for", "Keep advertising data for"):  # fmt: skip
        assert absent not in page, absent


def test_a_german_shop_with_accounts_and_ads_is_asked_about_those_with_its_own_tax_rule(client):
    german = {
        "business": {"country": "DE", "region": ""},
        "data": {"accounts": True, "surveys": True},
        "analytics": {"advertising": ["meta-pixel"]},
    }
    page = _up_to_retention(client, PIPS_POTTERY, **german)
    assert "Leave empty to use 10 years, under German commercial and tax law" in page
    assert "Leave empty to keep each account until the customer deletes it. Or give 1 to 20 years" in page
    assert "Keep survey answers for" in page and "Keep advertising data for" in page
    assert "Keep analytics data for" not in page  # ads, but no analytics tool


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"orders_years": "0"}, "Give a whole number of years from 1 to 30, or leave it empty to use 6 years."),
        ({"orders_years": "31"}, "Give a whole number of years from 1 to 30, or leave it empty to use 6 years."),
        (
            {"server_logs_days": "two weeks"},
            "Give a whole number of days from 1 to 730, or leave it empty to use 30 days.",
        ),  # fmt: skip
        (
            {"support_months": "1.5"},
            "Give a whole number of months from 1 to 120, or leave it empty to use 24 months.",
        ),  # fmt: skip
    ],
)
def test_a_period_out_of_range_says_what_to_give(client, fields, message):
    _up_to_retention(client, PIPS_POTTERY)
    response = answer(client, "retention", **fields)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_empty_periods_are_left_out_and_given_ones_reach_the_policy(client):
    complete(client, PIPS_POTTERY)
    assert "retention" not in SavedPolicy.objects.get().answers
    SavedPolicy.objects.all().delete()
    complete(client, GOLDEN_GATE_GOODS)
    saved = SavedPolicy.objects.get()
    assert saved.answers["retention"] == {"orders_years": 8, "account": 3, "server_logs_days": 90}
    for said in ("8 years", "or 3 years after you last sign in", "90 days"):
        assert said in saved.txt, said


def test_the_review_lists_the_periods_with_a_link_to_change_them(client):
    _up_to_retention(client, PIPS_POTTERY)
    answer(client, "retention", orders_years="7")
    review = client.get(step_url("review")).content.decode()
    section = review[review.index(">How long you keep data</h2>") :][:1500]
    assert f'href="{step_url("retention")}"' in section
    assert "<dt>Keep order records for</dt><dd>7 years</dd>" in section
    assert "<dt>Keep visit logs for</dt><dd>30 days (the usual period)</dd>" in section


@pytest.mark.parametrize("key", list(PERIODS))
def test_the_form_takes_exactly_the_numbers_the_command_line_takes(key):
    low, high = LIMITS[key]
    for number in (low, high):
        form = RetentionForm(data=MultiValueDict({key: [str(number)]}))
        assert form.is_valid(), form.errors
        policy_assemble(answers=make_answers("all-services") | form.answers())  # the schema takes it
    for number in (low - 1, high + 1):
        assert not RetentionForm(data=MultiValueDict({key: [str(number)]})).is_valid()
        with pytest.raises(InvalidAnswers):
            policy_assemble(answers=make_answers("all-services", retention={key: number}))


def test_a_shop_for_children_must_say_when_it_deletes_an_unused_account():
    """COPPA (16 CFR 312.10): no child's data kept without limit, so the account period is required."""
    refused = RetentionForm(data={}, children=True, periods=("orders_years", "account"))
    assert not refused.is_valid()
    assert "never without limit (16 CFR 312.10)" in refused.errors["account"][0]
    kept = RetentionForm(data={"account": "2"}, children=True, periods=("orders_years", "account"))
    assert kept.is_valid() and kept.answers() == {"retention": {"account": 2}}
    assert RetentionForm(data={}, periods=("orders_years", "account")).is_valid()  # other shops may leave it empty


def test_the_coppa_account_error_is_in_the_pages_language_and_the_contracts_stays_english(monkeypatch):
    german = "nach COPPA darf ein Shop für Kinder unter 13 Jahren ihre Daten nie unbegrenzt aufbewahren"
    monkeypatch.setattr(retention_form, "gettext", lambda text: german if text == COPPA_ACCOUNT_LIMIT else text)
    refused = RetentionForm(data={}, children=True, periods=("orders_years", "account"))
    assert refused.errors["account"] == ["Nach COPPA darf ein Shop für Kinder unter 13 Jahren ihre Daten nie unbegrenzt aufbewahren."]  # fmt: skip
    answers = {"children": True, "data": {"accounts": True}}
    assert coppa_retention_errors(answers) == [f"retention.account: {COPPA_ACCOUNT_LIMIT}"]
    assert COPPA_ACCOUNT_LIMIT.startswith("under COPPA, a shop made for children under 13")
