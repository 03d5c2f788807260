"""Legal bases and ages that depend on where the shop is and what it holds (from a lawyer's review)."""

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_markdown, policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _kinds(answers):
    return {k.key: k for k in policy_assemble(answers=answers).facts.kinds}


def test_only_eu_or_uk_law_makes_keeping_order_records_a_legal_obligation():
    german = _kinds(make_answers("eu"))["orders"]
    assert "Legal obligation" in german.basis
    chinese = _kinds(make_answers("transfer-cn-eu"))["orders"]
    assert "Legal obligation" not in chinese.basis  # GDPR art 6(3): EU or member state law only
    assert chinese.interest == "keeping the records that tax law in China asks of us"


def test_health_data_rests_on_explicit_consent_that_can_be_withdrawn():
    answers = make_answers("practices-confirmed")
    text = policy_text(policy_assemble(answers=answers))
    row = next(line for line in text.splitlines() if line.startswith("Health information and date of birth:"))
    assert "| Explicit consent (GDPR art. 9(2)(a)). |" in row
    assert "ask us to delete your health information and date of birth" in text
    summary = text.split("\nWho we are and how to reach us\n")[0]
    assert "health information" in summary


def test_health_data_is_kept_as_long_as_the_owner_says_and_asked_about_until_then():
    answers = make_answers("practices-confirmed")
    policy = policy_assemble(answers=answers)
    assert "sensitive.retention_months" in {i.key for i in policy.unconfirmed}
    answers["sensitive"]["retention_months"] = 3
    policy = policy_assemble(answers=answers)
    assert {k.key: k for k in policy.facts.kinds}["sensitive"].retention == "3 months after your order"
    assert "sensitive.retention_months" not in {i.key for i in policy.unconfirmed}


def test_emails_to_past_buyers_rest_on_legitimate_interests_not_on_consent():
    kinds = _kinds(make_answers("practices-confirmed"))
    assert kinds["past_buyers"].basis == "Legitimate interests"
    assert "newsletter" in kinds and kinds["newsletter"].basis.startswith("Consent")


@pytest.mark.parametrize(("jurisdictions", "age"), [(["uk"], 13), (["eu"], 16), (["uk", "eu"], 16), (["us"], 13)])
def test_the_childrens_age_follows_the_law_of_the_customers(jurisdictions, age):
    answers = make_answers("uk", jurisdictions=jurisdictions, teens=False)
    text = policy_text(policy_assemble(answers=answers))
    assert f"not meant for children under {age}," in text


@pytest.mark.parametrize("teens", [None, True])
def test_a_shop_that_may_be_for_teenagers_does_not_say_it_is_not_meant_for_them(teens):
    answers = make_answers("uk", jurisdictions=["eu"])
    answers.pop("teens", None)
    if teens is not None:
        answers["teens"] = teens
    policy = policy_assemble(answers=answers)
    assert "not meant for children under 13," in policy_text(policy)
    assert ("teens" in {i.key for i in policy.unconfirmed}) is (teens is None)


def test_a_shop_that_has_not_said_how_it_protects_data_or_where_cards_go_gets_gaps_not_cover():
    gaps = {g.item_id for g in policy_assemble(answers=make_answers("minimal")).coverage.gaps}
    assert {"ALL-SECURITY", "PAY-PROCESSOR"} <= gaps


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "**Your right to object**"), ("de", "**Ihr Widerspruchsrecht**")]
)
def test_the_right_to_object_is_set_apart_from_the_other_rights(language, heading):
    # GDPR art. 21(4): brought to the customer's attention "clearly and separately from any other information".
    lines = policy_markdown(policy_assemble(answers=make_answers("eu", language=language))).splitlines()
    own = [line for line in lines if line.startswith(heading)]
    assert len(own) == 1 and ("legitimate" in own[0] or "berechtigten" in own[0])
    assert not [line for line in lines if line.startswith("- **Object**") or line.startswith("- **Widersprechen**")]
