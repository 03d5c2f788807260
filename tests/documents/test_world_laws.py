"""Québec's Law 25, Switzerland's FADP, New Zealand's Privacy Act and Singapore's PDPA as laws of their
own (issue 13): a sample shop each reaches and one it does not, their items in the coverage report, and
what the policy then says."""

import json

import pytest

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_json, policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db
FDPIC = "The Federal Data Protection and Information Commissioner (FDPIC)"
DEINDEX = "Stop us spreading it"


def _policy(sample: str, **changes):
    return policy_assemble(answers=make_answers(sample, **changes))


def _decision(policy, code: str) -> dict:
    return next(d for d in json.loads(policy_json(policy))["coverage"]["decisions"] if d["code"] == code)


def _law(policy, code: str):
    return next((law for law in policy.coverage.laws if law.code == code), None)


def test_a_swiss_shop_gets_the_fadp_items_with_every_destination_named_and_its_safeguard():
    policy = _policy("ch")
    decision = _decision(policy, "ch")
    assert decision["applies"] == "yes" and decision["reason"] == "Your business is based in Switzerland."
    law = _law(policy, "ch")
    assert law is not None and not law.gaps
    assert {item.item_id for item in law.items} >= {"CH-19-COUNTRIES", "CH-21-ADM", "CH-RIGHTS"}
    text = policy_text(policy)
    assert "For customers in Switzerland" in text
    # Germany is in the EEA: no transfer for EU customers, but Switzerland names it anyway (art. 19(4)).
    assert "Germany: DHL. | Not needed. | Adequacy (Switzerland)." in text
    assert FDPIC in text and "ask for a person at our shop to look at the decision again" in text


def test_a_shop_without_swiss_customers_says_nothing_of_swiss_law():
    policy = _policy("eu")
    assert _decision(policy, "ch")["applies"] == "no" and _law(policy, "ch") is None
    assert "Switzerland" not in policy_text(policy)
    ticked = _policy("eu", jurisdictions=["eu", "ch"])
    assert _decision(ticked, "ch")["reason"] == "You said you have customers in Switzerland."
    assert "Swiss representative only if" in " ".join(ticked.coverage.notes)


def test_a_canadian_shop_gets_the_quebec_items_and_is_told_a_french_version_is_needed():
    policy = _policy("ca")
    assert _decision(policy, "qc")["applies"] == "yes"
    law = _law(policy, "qc")
    assert law is not None and not law.gaps
    assert {item.item_id for item in law.items} >= {"QC-OFFICER", "QC-WITHDRAW", "QC-RIGHTS", "QC-COMPLAINT"}
    text = policy_text(policy)
    assert DEINDEX in text and "You can withdraw your consent at any time" in text
    assert any(
        note.startswith("Customers in Québec: the Charter of the French language") for note in policy.coverage.notes
    )


def test_a_shop_without_canadian_customers_gets_no_quebec_items():
    policy = _policy("uk")
    assert _decision(policy, "qc")["applies"] == "no" and _law(policy, "qc") is None
    assert DEINDEX not in policy_text(policy) and "Québec" not in policy_text(policy)


def test_quebec_tracking_technologies_count_as_covered_only_with_a_consent_tool_that_keeps_them_off():
    analytics = {"services": ["google-analytics"], "advertising": []}
    policy = _policy("ca", analytics=analytics, practices=make_answers("ca")["practices"] | {"consent_banner": "none"})
    gaps = {gap.item_id for gap in _law(policy, "qc").gaps}
    assert "QC-TECH" in gaps
    with_tool = _policy(
        "ca", analytics=analytics, practices=make_answers("ca")["practices"] | {"consent_banner": "tool"}
    )
    assert "QC-TECH" not in {gap.item_id for gap in _law(with_tool, "qc").gaps}


def test_a_shop_based_in_india_is_told_first_that_its_own_law_is_not_covered():
    answers = make_answers("minimal")
    answers["business"] = answers["business"] | {"country": "IN", "region": ""}
    notes = policy_assemble(answers=answers).coverage.notes
    assert notes[0].startswith("Your own country's law is not covered by this draft") and "India" in notes[0]


@pytest.mark.parametrize(
    ("sample", "code", "regulator"),
    [("nz", "nz", "the Privacy Commissioner at"), ("sg", "sg", "the Personal Data Protection Commission at")],
)
def test_a_shop_based_in_new_zealand_or_singapore_gets_its_law_and_a_uk_shop_does_not(sample, code, regulator):
    policy = _policy(sample)
    decision = _decision(policy, code)
    assert decision["applies"] == "yes" and decision["answer"] == "business.country"
    law = _law(policy, code)
    assert law is not None and not law.gaps
    assert regulator in policy_text(policy) and not policy.coverage.notes[0].startswith("Your own country's law")
    uk = _policy("uk")
    assert _decision(uk, code)["applies"] == "no" and _law(uk, code) is None and regulator not in policy_text(uk)


def test_singapore_asks_for_a_data_protection_officer_before_the_policy_names_one():
    policy = _policy("sg")
    assert "Our data protection officer is Mei Ling Tan." in policy_text(policy)
    answers = make_answers("sg")
    answers["business"] = {k: v for k, v in answers["business"].items() if k != "privacy_officer"}
    without = policy_assemble(answers=answers)
    assert "data protection officer is" not in policy_text(without)
    assert "SG-DPO" in {gap.item_id for gap in _law(without, "sg").gaps}


def test_new_zealand_needs_the_shops_postal_address():
    answers = make_answers("nz")
    answers["business"] = answers["business"] | {"address": ""}
    with pytest.raises(InvalidAnswers, match="New Zealand"):
        policy_assemble(answers=answers)
