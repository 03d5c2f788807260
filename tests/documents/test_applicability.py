"""Each law applied by its own test (issue 8, parts 2 and 5): the CCPA's and the Australian Privacy
Act's size tests, what a shop too small for them gets, the GDPR representative and the LGPD's small
processing agent, and the postal address only where a law requires one."""

import pytest

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db
CCPA_GRANTS = "the California Consumer Privacy Act (CCPA) gives you these rights"
CCPA_EXEMPT = "does not require this of a business our size"
SMALL_CA = "law-small-california"


def _policy(sample: str, **changes):
    return policy_assemble(answers=make_answers(sample, **changes))


def _to_confirm(policy) -> dict[str, str]:
    return {item.key: item.step for item in policy.unconfirmed}


def _sections(policy) -> set[str]:
    return {clause.slug for section in policy.sections for clause in section.clauses}


def test_a_small_californian_shop_is_told_the_ccpa_does_not_require_its_rights_and_asked_what_to_do():
    policy = _policy(SMALL_CA)
    text = policy_text(policy)
    assert CCPA_GRANTS not in text
    assert f"California's privacy law, the CCPA, {CCPA_EXEMPT}. We give you these rights anyway" in text
    assert policy.facts.laws.us_ca and policy.facts.laws.us_ca_exempt and not policy.facts.laws.us_ca_required
    assert _to_confirm(policy)["not_applicable.us-ca"] == "size"


def test_a_small_californian_shop_that_is_unsure_of_its_figures_gets_voluntary_wording_and_to_confirm_items():
    policy = _policy(SMALL_CA, size={"annual_revenue_usd": 900000})
    text = policy_text(policy)
    assert CCPA_GRANTS not in text and CCPA_EXEMPT not in text  # neither "the law gives" nor "the law does not"
    assert "If you live in California, we give you these rights" in text
    asked = _to_confirm(policy)
    assert asked["size.california_consumers"] == "size" and asked["size.revenue_share_from_data_pct"] == "size"
    assert "size.annual_revenue_usd" not in asked
    item = next(i for i in policy.unconfirmed if i.key == "size.california_consumers")
    assert item.field == "california_consumers" and "100,000" in item.question


def test_a_shop_that_gives_no_figures_at_all_is_asked_for_each_of_them():
    policy = _policy(SMALL_CA, size={})
    assert policy.facts.laws.decision("us-ca").applies == "unknown"
    assert {"size.annual_revenue_usd", "size.california_consumers", "size.revenue_share_from_data_pct"} <= set(
        _to_confirm(policy)
    )
    assert CCPA_GRANTS not in policy_text(policy)


def test_a_shop_above_the_revenue_threshold_gets_the_ccpa_sections_as_required():
    policy = _policy("law-large-california")
    laws = policy.facts.laws
    assert laws.us_ca_required and not laws.us_ca_voluntary
    assert CCPA_GRANTS in policy_text(policy)
    assert {"california-categories", "california-sale", "rights"} <= _sections(policy)
    assert not [key for key in _to_confirm(policy) if key.startswith(("size.", "not_applicable."))]
    decision = laws.decision("us-ca")
    assert decision.answer == "size.annual_revenue_usd" and "US$26,625,000" in decision.reason


def test_any_one_of_the_three_ccpa_tests_is_enough():
    many = _policy(SMALL_CA, size={"annual_revenue_usd": 900000, "california_consumers": 150000})
    assert many.facts.laws.us_ca_required and many.facts.laws.decision("us-ca").answer == "size.california_consumers"
    data_seller = _policy(SMALL_CA, size={"revenue_share_from_data_pct": 60})
    assert data_seller.facts.laws.decision("us-ca").answer == "size.revenue_share_from_data_pct"


def test_leave_out_removes_the_california_sections_but_keeps_caloppa():
    policy = _policy(SMALL_CA, not_applicable={"us-ca": "leave_out"})
    assert not [slug for slug in _sections(policy) if slug.startswith("california")]
    assert policy.facts.laws.us and not policy.facts.laws.us_ca
    assert "not_applicable.us-ca" not in _to_confirm(policy)
    assert "us-ca" not in {law.code for law in policy.coverage.laws}


def test_give_anyway_keeps_the_california_sections_worded_honestly_with_nothing_left_to_confirm():
    policy = _policy(SMALL_CA, not_applicable={"us-ca": "give_anyway"})
    text = policy_text(policy)
    assert CCPA_EXEMPT in text and CCPA_GRANTS not in text
    assert "not_applicable.us-ca" not in _to_confirm(policy)


def test_a_shop_without_californian_customers_gets_no_ccpa_whatever_its_size():
    policy = _policy("law-large-california", jurisdictions=["us"])
    assert not policy.facts.laws.us_ca
    assert policy.facts.laws.decision("us-ca").answer == "jurisdictions"


def test_an_australian_shop_under_three_million_without_exceptions_is_not_told_the_apps_bind_it():
    policy = _policy("law-small-australia")
    text = policy_text(policy)
    laws = policy.facts.laws
    assert laws.au and laws.au_exempt and not laws.au_required
    assert "does not require a business our size to follow the Australian Privacy Principles" in text
    assert "you can complain to the Office of the Australian Information Commissioner" not in text
    assert "A$3,000,000" in laws.decision("au").reason


def test_an_australian_shop_that_trades_in_personal_information_gets_the_apps_whatever_its_turnover():
    size = {"au_turnover_aud": 1200000, "au_exceptions": ["trades_in_personal_information"]}
    policy = _policy("law-small-australia", size=size)
    decision = policy.facts.laws.decision("au")
    assert policy.facts.laws.au_required and decision.answer == "size.au_exceptions"
    assert "trades in personal information" in decision.reason and "6D(4)" in decision.source
    text = policy_text(policy)
    assert "you can complain to the Office of the Australian Information Commissioner (OAIC)" in text
    assert "does not require a business our size" not in text


def test_an_australian_shop_that_has_not_said_its_turnover_may_be_covered_and_is_asked():
    policy = _policy("law-small-australia", size={})
    assert policy.facts.laws.decision("au").applies == "unknown"
    assert {"size.au_turnover_aud", "size.au_exceptions"} <= set(_to_confirm(policy))
    assert "you may be able to complain to the Office" in policy_text(policy)


def test_an_australian_shop_can_leave_the_app_sections_out():
    policy = _policy("law-small-australia", not_applicable={"au": "leave_out"})
    assert not {"rights-australia", "australia-not-overseas", "australia-overseas"} & _sections(policy)


def test_a_us_only_shop_without_a_postal_address_gets_its_policy():
    policy = _policy("law-us-no-address")
    text = policy_text(policy)
    assert "Prairie Print Shop" in text
    assert "Postal address" not in text and "Post:" not in text


def test_a_childrens_shop_without_a_postal_address_is_refused_with_coppa_named():
    answers = make_answers("children")
    answers["business"].pop("address")
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=answers)
    assert any(e.startswith("business.address: COPPA") and "16 CFR 312.4(d)(1)" in e for e in refused.value.errors)


def test_a_canadian_shop_without_a_postal_address_is_refused_with_pipeda_named():
    answers = make_answers("ca")
    answers["business"]["address"] = ""
    with pytest.raises(InvalidAnswers) as refused:
        policy_assemble(answers=answers)
    assert any("PIPEDA" in e and "4.8.2(a)" in e for e in refused.value.errors)


def test_an_eu_shop_without_a_postal_address_gets_its_policy_with_email_as_its_contact():
    answers = make_answers("eu")
    answers["business"].pop("address")
    text = policy_text(policy_assemble(answers=answers))
    assert "Postal address" not in text and answers["business"]["email"] in text


def test_a_representative_is_optional_for_occasional_low_risk_processing_and_the_report_says_so():
    rep_free = {"name": "Pacific Outfitters", "email": "privacy@pacificoutfitters.example", "country": "US",
                "address": "1 Ferry Building, San Francisco, CA 94111"}  # fmt: skip
    needed = _policy("law-large-california", jurisdictions=["us", "us-ca", "eu"], business=rep_free)
    assert "GDPR-13.1a-REP" in {gap.item_id for gap in needed.coverage.gaps}
    assert _to_confirm(needed)["size.gdpr_occasional"] == "size"
    size = {"annual_revenue_usd": 48000000, "gdpr_occasional": "yes"}
    optional = _policy("law-large-california", jurisdictions=["us", "us-ca", "eu"], business=rep_free, size=size)
    assert "GDPR-13.1a-REP" not in {item.item_id for law in optional.coverage.laws for item in law.items}
    assert any("art 27(2)" in note for note in optional.facts.laws.decision("eu").notes)


def test_a_small_brazilian_agent_offers_a_channel_instead_of_an_encarregado_and_says_so():
    text = policy_text(_policy("br"))
    assert "we are a small processing agent (ANPD Resolution CD/ANPD 2/2022)" in text
    assert "this email is our channel for data subjects" in text


def test_a_brazilian_shop_that_is_not_a_small_agent_must_name_its_encarregado():
    policy = _policy("br", size={"lgpd_small_agent": "no"})
    assert "BR-41-DPO" in {gap.item_id for gap in policy.coverage.gaps}
    assert "small processing agent" not in policy_text(policy)
    named = make_answers("br", size={"lgpd_small_agent": "no"})
    named["business"]["privacy_officer"] = "Ana Souza, owner"
    text = policy_text(policy_assemble(answers=named))
    assert "our data protection officer (encarregado) is Ana Souza, owner" in text


def test_a_brazilian_shop_that_has_not_said_is_asked_whether_it_is_a_small_agent():
    policy = _policy("br", size={})
    assert _to_confirm(policy)["size.lgpd_small_agent"] == "size"
    assert "small processing agent" not in policy_text(policy)
