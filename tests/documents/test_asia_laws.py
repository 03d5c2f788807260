"""Japan's APPI and China's PIPL as laws of their own (issue 13): a shop each reaches (based there) and
one each does not, their items in the coverage report, and what the policy says only when the owner has
said it: the representative, how companies abroad may get the data, the separate consent."""

import pytest

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_text
from tests.base import make_answers
from tests.documents.test_world_laws import _decision, _law, _policy

pytestmark = pytest.mark.django_db
PPC = "the Personal Information Protection Commission (PPC)"
CAC = "complain to the Cyberspace Administration of China"
SEPARATE = "We ask for it separately: agreeing to this policy does not count as that consent."


def _gaps(policy, code: str) -> set[str]:
    return {gap.item_id for gap in _law(policy, code).gaps}


def _to_confirm(policy) -> set[str]:
    return {item.key for item in policy.unconfirmed}


def test_a_japanese_shop_gets_the_appi_items_its_representative_and_the_contract_route_abroad():
    policy = _policy("jp")
    decision = _decision(policy, "jp")
    assert decision["applies"] == "yes" and decision["reason"] == "Your business is based in Japan."
    law = _law(policy, "jp")
    assert law is not None and not law.gaps
    assert {item.item_id for item in law.items} >= {"JP-32-NAME", "JP-32-SECURITY", "JP-28-ABROAD", "JP-28-ONREQUEST"}
    text = policy_text(policy)
    assert "Representative: Haruki Sato, Representative Director" in text
    # DHL (Germany) and MailerLite (Ireland) are in the EEA, which the PPC recognises; Stripe's US is not.
    assert "recognises Ireland and Germany as protecting personal information to Japan's standard" in text
    assert "The companies in Canada and the United States are bound by contract" in text
    assert PPC in text and "Without delay." in text
    # Japan's law binds a Japanese business towards everyone whose data it holds, not only residents.
    assert "Japan's privacy law (the APPI) gives everyone whose data we hold the rights below." in text
    assert "If you live in Japan" not in text.split("YOUR RIGHTS")[1].split("How to ask")[0]
    assert "Stop its use. Ask us to stop using your data or giving it to other companies" in text
    assert "Pause its use" not in text  # no such right in the APPI
    assert not policy.coverage.notes or not policy.coverage.notes[0].startswith("Your own country's law")


def test_a_shop_without_japanese_customers_says_nothing_of_japanese_law():
    policy = _policy("uk")
    assert _decision(policy, "jp")["applies"] == "no" and _law(policy, "jp") is None
    assert "Japan" not in policy_text(policy)
    ticked = _policy("uk", jurisdictions=["uk", "jp"])
    assert _decision(ticked, "jp")["reason"] == "You said you have customers in Japan."
    assert _law(ticked, "jp") is not None and PPC in policy_text(ticked)


def test_without_the_representative_or_the_route_abroad_the_policy_claims_neither_and_asks_for_both():
    answers = make_answers("jp")
    del answers["size"]
    policy = policy_assemble(answers=answers)
    text = policy_text(policy)
    assert "Representative:" not in text and "bound by contract" not in text and "only with your consent" not in text
    assert {"JP-32-NAME", "JP-28-ABROAD"} <= _gaps(policy, "jp")
    assert {"size.jp_representative", "size.jp_transfers"} <= _to_confirm(policy)


def test_the_consent_route_says_so_and_leaves_the_information_before_consent_to_the_owner():
    policy = _policy("jp", size={"jp_representative": "Haruki Sato", "jp_transfers": "consent"})
    text = policy_text(policy)
    assert "We send your data to the companies in Canada and the United States only with your consent." in text
    assert "bound by contract" not in text
    assert _gaps(policy, "jp") == {"JP-28-INFO"}


def test_japan_needs_the_shops_postal_address():
    answers = make_answers("jp")
    answers["business"] = answers["business"] | {"address": ""}
    with pytest.raises(InvalidAnswers, match="Japan"):
        policy_assemble(answers=answers)


def test_a_chinese_shop_names_the_companies_outside_china_and_the_separate_consent():
    policy = _policy("cn")
    decision = _decision(policy, "cn")
    assert decision["applies"] == "yes" and decision["answer"] == "business.country"
    law = _law(policy, "cn")
    assert law is not None and not law.gaps
    assert {item.item_id for item in law.items} >= {"CN-17-ID", "CN-23-RECIPIENTS", "CN-39-ABROAD", "CN-17-RIGHTS"}
    text = policy_text(policy)
    assert (
        "The companies in Canada, the United States and Germany in the table above are outside mainland China." in text
    )
    assert "write to us or to the company" in text and SEPARATE in text
    assert CAC in text and "not meant for children under 14" in text
    assert any("PIPL art. 38" in note for note in policy.coverage.notes)


def test_without_the_separate_consent_the_policy_does_not_claim_it_and_the_report_shows_the_gaps():
    answers = make_answers("cn")
    answers["size"] = {"cn_consent": "no"}
    policy = policy_assemble(answers=answers)
    text = policy_text(policy)
    assert SEPARATE not in text and "We ask for your consent before" not in text
    assert "are outside mainland China." in text  # art. 39's notice holds regardless
    assert {"CN-23-RECIPIENTS", "CN-39-ABROAD"} <= _gaps(policy, "cn")
    del answers["size"]
    assert "size.cn_consent" in _to_confirm(policy_assemble(answers=answers))


def test_a_shop_abroad_with_chinese_customers_is_told_of_the_representative_not_of_art_39():
    policy = _policy("uk", jurisdictions=["uk", "cn"])
    assert _decision(policy, "cn")["reason"] == "You said you have customers in mainland China."
    law = _law(policy, "cn")
    assert law is not None and "CN-39-ABROAD" not in {item.item_id for item in law.items}
    assert "outside mainland China" not in policy_text(policy)
    assert any("PIPL art. 53" in note for note in policy.coverage.notes)
    assert _decision(_policy("uk"), "cn")["applies"] == "no" and CAC not in policy_text(_policy("uk"))


def test_sensitive_data_for_china_needs_its_own_consent_and_says_why_it_is_needed():
    sensitive = {"health": True, "purpose": "to fit our lamps to your eyesight", "consent": True}
    text = policy_text(_policy("cn", sensitive=sensitive))
    assert "only after you agree, in a consent of its own" in text
    assert "We need it only to fit our lamps to your eyesight." in text
    without = _policy("cn", sensitive=sensitive | {"consent": False})
    assert "CN-29-SENSITIVE" in _gaps(without, "cn") and "only after you agree" not in policy_text(without)
