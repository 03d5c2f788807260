"""Coverage that means it (issue 8, part 6): an item counts as covered only when the text says what the
law asks of this shop, and the report says for each law why it applies or not, from which answer."""

import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import coverage_text, policy_json, policy_text
from policybuilder.documents.services import policy_publish
from policybuilder.library.models import LegalItem
from tests.base import make_answers

pytestmark = pytest.mark.django_db
LARGE_CA = "law-large-california"


def _policy(sample: str = LARGE_CA, **changes):
    return policy_assemble(answers=make_answers(sample, **changes))


def _gaps(policy) -> set[str]:
    return {gap.item_id for gap in policy.coverage.gaps}


def _with(sample: str, path: str, value):
    answers = make_answers(sample)
    part, key = path.split(".")
    answers[part][key] = value
    return policy_assemble(answers=answers)


def test_the_library_carries_covered_if_from_its_file_to_the_database():
    assert LegalItem.objects.get(item_id="CCPA-METHODS").covered_if == "not data.phone_orders or laws.ccpa_toll_free"
    assert LegalItem.objects.get(item_id="ALL-DATE").covered_if == "true"


def test_phone_orders_without_a_toll_free_number_leave_the_ccpa_request_methods_a_gap():
    policy = _with(LARGE_CA, "business.phone", "+1 415 555 0177")
    assert "CCPA-METHODS" in _gaps(policy)
    gap = next(g for g in policy.coverage.gaps if g.item_id == "CCPA-METHODS")
    assert gap.clauses == ("rights",) and "toll-free" in gap.hint


def test_a_toll_free_number_covers_the_request_methods_and_an_online_only_shop_needs_none():
    toll_free = _policy()
    assert "CCPA-METHODS" not in _gaps(toll_free)
    assert "+1 800 555 0177 (free to call)" in policy_text(toll_free)
    online_only = _with(LARGE_CA, "data.phone_orders", False)
    online_only_no_phone = make_answers(LARGE_CA, data=online_only.answers["data"])
    online_only_no_phone["business"]["phone"] = ""
    assert "CCPA-METHODS" not in _gaps(policy_assemble(answers=online_only_no_phone))


def test_a_seller_without_the_named_opt_out_link_leaves_the_opt_out_item_a_gap():
    policy = _with(LARGE_CA, "practices.optout_link", "Cookie settings")
    assert "CCPA-RIGHT-OPTOUT" in _gaps(policy)
    assert "Do Not Sell or Share" not in policy_text(policy).split("\nYour rights\n")[-1]


def test_a_seller_with_the_link_is_covered_and_the_text_names_it():
    policy = _policy()
    assert "CCPA-RIGHT-OPTOUT" not in _gaps(policy)
    text = policy_text(policy)
    assert 'use the "Your Privacy Choices" link on our site' in text
    named = _with(LARGE_CA, "practices.optout_link", "do not sell or share my personal information")
    assert 'the "Do Not Sell or Share My Personal Information" link' in policy_text(named)


def test_global_privacy_control_counts_as_covered_only_when_the_owner_said_it_is_honoured():
    assert "CCPA-GPC" not in _gaps(_policy())
    policy = _with(LARGE_CA, "practices.gpc", "not_honoured")
    assert "CCPA-GPC" in _gaps(policy)
    assert "Global Privacy Control in your browser" not in policy_text(policy)


def test_the_kinds_of_buyers_of_sold_data_are_named_for_gdpr_recipients():
    policy = _policy(jurisdictions=["us", "us-ca", "eu"])
    text = policy_text(policy)
    assert "Who buys it: outdoor gear brands and travel companies" in text
    gdpr = next(law for law in policy.coverage.laws if law.code == "gdpr")
    item = next(i for i in gdpr.items if i.item_id == "GDPR-13.1e-RECIPIENTS")
    assert item.covered and "data-sales" in item.clauses


def test_the_california_sale_clause_points_to_what_is_sold_and_names_the_link():
    text = policy_text(_policy())
    sale = text.split("\nSelling personal data\n")[1].split("\nSelling and sharing (California)\n")
    assert "names and email addresses and purchase history" in sale[0]  # said once, where the sale is described
    assert "outdoor gear brands and travel companies" in sale[0]
    assert "purchase history" not in sale[1].split("\n\n")[0] and '"Your Privacy Choices" link' in sale[1]


def test_the_childrens_shop_names_how_it_gets_parental_consent_and_is_covered():
    policy = _policy("children")
    coppa = next(law for law in policy.coverage.laws if law.code == "children")
    assert all(item.covered for item in coppa.items)
    assert "A parent agrees first." in policy_text(policy)


def test_a_law_the_shop_is_too_small_for_is_marked_voluntary_and_its_gaps_are_not_counted():
    answers = make_answers("law-small-california", data={"accounts": True, "phone_orders": True})
    policy = policy_assemble(answers=answers)
    ccpa = next(law for law in policy.coverage.laws if law.code == "us-ca")
    assert ccpa.voluntary and not ccpa.required
    assert "CCPA-METHODS" in {gap.item_id for gap in ccpa.gaps} and "CCPA-METHODS" not in _gaps(policy)
    assert "(voluntary: not required of you)" in coverage_text(policy)


def test_a_law_whose_figures_are_missing_is_worded_as_voluntary_but_its_gaps_still_count():
    answers = make_answers("law-small-california", size={}, data={"accounts": True, "phone_orders": True})
    policy = policy_assemble(answers=answers)
    ccpa = next(law for law in policy.coverage.laws if law.code == "us-ca")
    assert ccpa.voluntary and ccpa.required and "CCPA-METHODS" in _gaps(policy)


def test_the_json_report_gives_every_laws_decision_with_its_reason_and_answer():
    data = json.loads(policy_json(_policy("law-small-california")))["coverage"]
    decisions = {d["code"]: d for d in data["decisions"]}
    states = {"us-va", "us-co", "us-ct", "us-ut", "us-tx", "us-or", "us-mt", "us-ia", "us-de", "us-nh", "us-nj",
              "us-tn", "us-mn", "us-md", "us-in", "us-ky", "us-ri", "us-ne", "us-ok", "us-al", "us-la"}  # fmt: skip
    world = {"qc", "ch", "jp", "nz", "sg", "cn"}
    assert set(decisions) == {"eu", "uk", "us", "us-ca", "ca", "br", "au", "children"} | states | world
    ccpa = decisions["us-ca"]
    assert ccpa["applies"] == "no" and ccpa["voluntary"] and ccpa["shown"]
    assert ccpa["answer"] == "size.annual_revenue_usd, size.california_consumers, size.revenue_share_from_data_pct"
    assert "US$900,000" in ccpa["reason"] and ccpa["name"].startswith("California Consumer Privacy Act")
    assert decisions["eu"] == decisions["eu"] | {"applies": "no", "answer": "jurisdictions", "shown": False}
    law = next(law for law in data["laws"] if law["code"] == "us-ca")
    assert law["voluntary"] and law["decisions"][0]["answer"] == ccpa["answer"]


def test_the_text_report_names_the_answer_behind_each_laws_decision():
    report = coverage_text(_policy())
    assert "Your annual gross revenue is US$48,000,000, above US$26,625,000. (from size.annual_revenue_usd)" in report
    assert "Your business is based in the United States. (from business.country)" in report
    assert "You did not say you have customers in Brazil. (from jurisdictions)" in report


def test_the_result_page_says_why_each_law_applies_or_not_and_marks_voluntary_sections(client):
    saved = policy_publish(answers=make_answers("law-small-california"))
    page = client.get(reverse("documents:result", args=[saved.token])).content.decode()
    assert "Voluntary: this law does not require these sections of you." in page
    assert escape("from your answer: size.annual_revenue_usd, size.california_consumers") in page
    assert "Laws left out of your policy" in page
    assert escape("You did not say you have customers in Australia.") in page
