"""What a reading of a Canadian shop's policy found (issue 14's end-to-end readings): a Québec shop is told
its own province's law applies because it is based there; a marketplace that decides for itself is not said
to keep the data "for us"; a shop whose customers have no right to erasure is not said to check erasure
requests; a new use asks for consent where PIPEDA and Québec's law require it; Québec's age of consent."""

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def test_a_quebec_shop_is_told_quebecs_law_applies_because_it_is_based_there():
    policy = policy_assemble(answers=make_answers("ca"))
    decision = next(d for d in policy.coverage.decisions if d.code == "qc")
    assert decision.reason == "Your business is based in Québec." and decision.answer == "business.region"
    ontario = make_answers("ca")
    ontario["business"]["region"] = "ON"
    other = next(d for d in policy_assemble(answers=ontario).coverage.decisions if d.code == "qc")
    assert other.applies == "yes" and other.answer != "business.region"


def test_a_marketplace_that_decides_for_itself_keeps_the_data_under_its_own_notice():
    text = policy_text(policy_assemble(answers=make_answers("ca")))
    assert "Our shop runs on Etsy, which also keeps this data, under its own privacy notice." in text
    assert "stores this data for us" not in text
    assert "Our shop runs on Shopify, which stores this data for us." in policy_text(policy_assemble(answers=make_answers("us-ca")))  # fmt: skip


def test_only_the_rights_the_policy_gives_are_checked_before_a_request():
    canada = policy_text(policy_assemble(answers=make_answers("ca")))
    assert "Delete it" not in canada and "a request to see or correct data comes from you" in canada
    europe = policy_text(policy_assemble(answers=make_answers("eu")))
    assert "a request to see, correct or delete data comes from you" in europe


def test_a_new_use_asks_for_consent_where_canadian_law_requires_it():
    text = policy_text(policy_assemble(answers=make_answers("ca")))
    assert "we will tell you first, and ask for your consent where the law requires it." in text


@pytest.mark.parametrize(("teens", "age"), [(False, 14), (None, 13)])
def test_quebecs_age_of_consent_only_when_the_shop_is_not_for_teenagers(teens, age):
    answers = make_answers("ca")
    answers.pop("teens", None)
    if teens is not None:
        answers["teens"] = teens
    policy = policy_assemble(answers=answers)
    assert f"not meant for children under {age}," in policy_text(policy)
    assert ("teens" in {i.key for i in policy.unconfirmed}) is (teens is None)
