"""True to the shop: a policy states a practice of the shop's only when an answer supports it, and
lists what it still needs under "To confirm" (issue 8, part 1)."""

import re
from typing import Any

import pytest
import yaml

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_data, policy_text
from tests.base import CLAUSES, SAMPLES, keep_for_inspection, make_answers

pytestmark = pytest.mark.django_db
UNCONFIRMED = yaml.safe_load((CLAUSES / "unconfirmed-practices.yaml").read_text(encoding="utf-8"))


def _without(answers: dict[str, Any], path: str) -> None:
    """Take one answer out, as if the owner had never given it."""
    *parents, last = path.split(".")
    node = answers
    for key in parents:
        node = node.get(key) or {}
    if isinstance(node, dict):
        node.pop(last, None)


def _unanswered(name: str) -> dict[str, Any]:
    answers = make_answers(name)
    for entry in UNCONFIRMED:
        _without(answers, entry["answer"])
    answers.pop("sales", None)  # goes with sells_data
    return answers


def _stated(text: str) -> list[str]:
    return [
        f"{entry['id']}: {phrase!r}"
        for entry in UNCONFIRMED
        for phrase in entry["phrases"]
        if re.search(phrase, text, re.IGNORECASE)
    ]


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_policy_states_a_practice_its_answers_leave_out(sample):
    text = policy_text(policy_assemble(answers=_unanswered(sample)))
    stated = _stated(text)
    if stated:
        path = keep_for_inspection(f"unconfirmed-{sample}.txt", text)
        pytest.fail(f"{sample} states practices nobody confirmed: {stated}; see {path}")


def test_every_listed_practice_is_stated_once_its_answer_is_given():
    """The phrase list is not stale: the confirmed shop says each practice it answered."""
    text = policy_text(policy_assemble(answers=make_answers("practices-confirmed")))
    never = {e["id"] for e in UNCONFIRMED if e["answer"] == "never"}
    silent = {e["id"] for e in UNCONFIRMED if e["id"] not in never and not _stated_any(e, text)}
    # Denials, which this shop's answers do not call for: it holds sensitive data, its surveys are
    # not anonymous, and it has no California customers (GPC wording is in the California sections).
    assert silent <= {
        "sensitive-data", "surveys-anonymous", "global-privacy-control", "opt-out-follows-account", "hosting-abroad",
        "optout-link",
    }  # fmt: skip


def _stated_any(entry: dict[str, Any], text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in entry["phrases"])


def test_the_confirmed_shop_says_what_its_owner_answered():
    text = policy_text(policy_assemble(answers=make_answers("practices-confirmed")))
    for said in (
        "our cookie banner (Cookiebot)",
        '"Privacy choices" link on our site',
        "We also email customers who have bought from us",
        "We do not write them down or keep a copy",
        "an automated fraud check",
        "ask for a person at our shop to look at the decision again",
        "Every page of our site uses HTTPS",
        "We store your password only as a secure hash",
        "we email you a first password",
        "fraud prevention services",
        "a buyer of our business",
        "health information and date of birth",
        "check that our herbal remedies are safe for you",
        "Formbricks Cloud",
    ):
        assert said in text, said


def test_a_shop_without_a_banner_never_claims_one_and_the_coverage_shows_the_gap():
    answers = make_answers("practices-confirmed")
    answers["practices"]["consent_banner"] = "none"
    policy = policy_assemble(answers=answers)
    text = policy_text(policy)
    assert not re.search("cookie banner|only if you agree", text, re.IGNORECASE)
    gaps = {gap.item_id for gap in policy.coverage.gaps}
    assert "COOK-CONSENT" in gaps


def test_the_summary_promises_only_the_rights_the_policy_gives():
    # A shop with no customers under a law that gives the right to delete.
    answers = make_answers("minimal", jurisdictions=["ca"])
    answers["business"]["country"] = "CA"
    text = policy_text(policy_assemble(answers=answers))
    summary = text.split("\nWho we are and how to reach us\n")[0]
    assert "ask to see or correct your data" in summary
    assert "delete" not in summary.split("Your rights")[1].split("\n")[0]


def test_a_domestic_shop_says_nothing_about_customs():
    answers = make_answers("practices-confirmed")
    text = policy_text(policy_assemble(answers=answers))
    assert "customs" not in text.lower()
    answers["shipping"]["international"] = True
    assert "customs" in policy_text(policy_assemble(answers=answers)).lower()


def test_sensitive_data_is_listed_with_its_purpose_and_never_denied_unasked():
    answers = make_answers("us-ca")
    text = policy_text(policy_assemble(answers=answers))
    assert "do not collect sensitive personal information" not in text
    answers["sensitive"] = {"health": False}
    answers["data"]["accounts"] = False
    assert "do not collect sensitive personal information" in policy_text(policy_assemble(answers=answers))


def test_the_to_confirm_list_names_each_missing_answer_and_its_question():
    data = policy_data(policy_assemble(answers=_unanswered("us-ca")))
    keys = {item["key"] for item in data["to_confirm"]}
    assert {"practices.consent_banner", "practices.security", "sensitive", "sells_data"} <= keys
    for item in data["to_confirm"]:
        assert item["step"] and item["field"] and item["question"].endswith(("?", ".")) and item["meanwhile"]
    confirmed = {
        i["key"] for i in policy_data(policy_assemble(answers=make_answers("practices-confirmed")))["to_confirm"]
    }
    assert not confirmed & {"practices.consent_banner", "practices.security", "sensitive", "sells_data"}


def test_selling_data_needs_what_is_sold_to_whom_and_why():
    answers = make_answers("minimal", sells_data=True)
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=answers)
    assert {e.split(":")[0] for e in refused.value.errors} == {"sales.categories", "sales.buyers", "sales.purpose"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"analytics": {"services": [], "advertising": ["meta-pixel"]}}, "analytics.advertising"),
        (
            {"sells_data": True, "sales": {"categories": ["emails"], "buyers": ["brands"], "purpose": "ads"}},
            "sells_data",
        ),
        ({"coppa": {}}, "coppa.parental_consent"),
        ({"retention": {}}, "retention.account"),
    ],
)
def test_a_shop_for_children_gets_no_policy_while_coppa_forbids_what_it_does(change, field):
    answers = make_answers("children", **change)
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=answers)
    assert any(e.startswith(f"{field}:") and "COPPA" in e for e in refused.value.errors)


def test_a_shop_for_children_says_how_it_gets_parental_consent():
    text = policy_text(policy_assemble(answers=make_answers("children")))
    assert "Before we collect personal data from a child, we ask a parent" in text
    assert "sign a consent form" in text
