"""The US state privacy laws (issue 13): each decided by its own thresholds from clauses/laws.yaml, a
sample shop that every law reaches and one that none does, and the state items said once, in one
US section, never per state."""

import json

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_json, policy_text
from policybuilder.documents.law_tests import library_rules
from policybuilder.documents.us_states import consumer_bands, us_states
from tests.base import make_answers

pytestmark = pytest.mark.django_db
REACHED, SMALL = "law-us-states-reached", "law-us-states-small"
APPEAL = "If we refuse, reply to appeal: we decide within 45 days."


def _policy(sample: str, **changes):
    return policy_assemble(answers=make_answers(sample, **changes))


def _decisions(policy) -> dict[str, dict]:
    return {d["code"]: d for d in json.loads(policy_json(policy))["coverage"]["decisions"]}


def _size(sample: str, **size) -> dict:
    return make_answers(sample)["size"] | size


def test_no_threshold_falls_inside_a_band_so_a_band_always_decides():
    limits = {t["consumers"] for st in library_rules()["us_states"].values() for t in st["tests"] if "consumers" in t}
    for band in consumer_bands():
        inside = [n for n in limits if band.low < n and (band.high is None or n < band.high)]
        assert not inside, f"{band.key} straddles {inside}"


def test_every_state_law_has_its_source_and_date_checked():
    for st in us_states():
        assert st.source and st.checked and st.in_force.year >= 2023, st.code


def test_every_state_law_reaches_the_large_sample_and_none_reaches_the_small_one_each_with_its_reason():
    reached, small = _decisions(_policy(REACHED)), _decisions(_policy(SMALL))
    for st in us_states():
        assert reached[st.code]["applies"] == "yes" and reached[st.code]["shown"], st.code
        assert small[st.code]["applies"] == "no" and not small[st.code]["shown"], st.code
        assert small[st.code]["reason"] and small[st.code]["answer"].startswith("size."), st.code
    assert reached["us-tn"]["reason"] == "It reaches you: 175,000 or more Tennessee residents a year."
    assert "not small by the SBA's standard" in reached["us-tx"]["reason"]
    assert "small by the SBA's standard, which it exempts" in small["us-ne"]["reason"]
    assert "fewer than 10,000 people in the whole US" in small["us-va"]["reason"]


def test_the_state_items_are_said_once_in_one_us_section_naming_every_state():
    policy = _policy(REACHED)
    text = policy_text(policy)
    assert text.count(APPEAL) == 1
    assert "Virginia, Colorado, Connecticut" in text and text.count("Virginia") == 1
    assert "In Oregon and Minnesota, you can also ask for the list of the specific companies" in text
    assert "We do not collect, use or sell personal data to train large language models." in text
    law = next(law for law in policy.coverage.laws if law.code == "us-states")
    assert not law.gaps and {d.code for d in law.decisions} == {st.code for st in us_states()}


def test_a_shop_no_state_law_reaches_gets_no_state_section_and_is_asked_whether_to_give_the_rights_anyway():
    policy = _policy(SMALL)
    text = policy_text(policy)
    assert APPEAL not in text and "US states" not in text
    assert "us-states" not in {law.code for law in policy.coverage.laws}
    assert "not_applicable.us-states" in {item.key for item in policy.unconfirmed}
    anyway = _policy(SMALL, not_applicable={"us-states": "give_anyway"})
    assert APPEAL in policy_text(anyway) and "we give you these rights" in policy_text(anyway)
    assert "not_applicable.us-states" not in {item.key for item in anyway.unconfirmed}


def test_a_law_not_yet_in_force_does_not_apply_before_its_date():
    decisions = _decisions(_policy(REACHED, effective_date="2026-12-01"))
    assert decisions["us-ok"]["applies"] == "no" and "takes effect on 1 January 2027" in decisions["us-ok"]["reason"]
    assert decisions["us-al"]["applies"] == "no" and decisions["us-va"]["applies"] == "yes"


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_a_shop_every_law_in_force_reaches_is_not_asked_whether_to_leave_state_laws_out(language):
    # Oklahoma's and Alabama's laws are not in force yet: that is no reason to ask, in any language.
    policy = _policy(REACHED, effective_date="2026-12-01", language=language)
    assert "not_applicable.us-states" not in {item.key for item in policy.unconfirmed}


def test_the_us_wide_band_rules_a_law_out_but_never_in():
    unsure = _decisions(_policy(REACHED, size=_size(REACHED, us_state_consumers={})))
    assert unsure["us-va"]["applies"] == "unknown" and "not how many live in Virginia" in unsure["us-va"]["reason"]
    policy = _policy(REACHED, size=_size(REACHED, us_state_consumers={}))
    assert "size.us_state_consumers" in {item.key for item in policy.unconfirmed}


def test_connecticut_reaches_a_small_shop_that_holds_sensitive_data_and_rhode_island_one_that_sells_data():
    sensitive = {"health": True, "purpose": "make your order to your diet", "consent": True}
    decisions = _decisions(_policy(SMALL, sensitive=sensitive))
    assert decisions["us-ct"]["applies"] == "yes" and "hold sensitive data" in decisions["us-ct"]["reason"]
    assert decisions["us-ri"]["applies"] == "no"
    sales = {"categories": ["email addresses"], "buyers": ["marketing firms"], "purpose": "send offers"}
    selling = _policy(SMALL, sells_data=True, sales=sales)
    assert _decisions(selling)["us-ri"]["applies"] == "yes"
    gaps = {gap.item_id for gap in selling.coverage.gaps}
    assert "USST-RI-BUYERS" in gaps  # the buyers' names are not given yet
    named = _policy(SMALL, sells_data=True, sales=sales | {"buyer_names": ["Acme Mail Ltd"]})
    assert "USST-RI-BUYERS" not in {gap.item_id for gap in named.coverage.gaps}
    assert "Acme Mail Ltd" in policy_text(named)


def test_utah_needs_its_revenue_floor_and_texas_a_business_that_is_not_small():
    decisions = _decisions(_policy(REACHED, size=_size(REACHED, annual_revenue_usd=2_000_000)))
    assert decisions["us-ut"]["applies"] == "no" and "below its floor of US$25,000,000" in decisions["us-ut"]["reason"]
    assert decisions["us-tn"]["applies"] == "no" and decisions["us-va"]["applies"] == "yes"
    small = _decisions(_policy(REACHED, size=_size(REACHED, sba_small_business="yes")))
    assert small["us-tx"]["applies"] == small["us-ne"]["applies"] == small["us-mn"]["applies"] == "no"


def test_texas_sale_notice_appears_only_when_the_shop_sells_sensitive_data():
    sales = {
        "categories": ["health details"],
        "buyers": ["clinics"],
        "purpose": "offer care",
        "buyer_names": ["Care Co"],
    }
    sensitive = {"health": True, "purpose": "make your order to your diet", "consent": True}
    notice = "NOTICE: We may sell your sensitive personal data."
    selling = _policy(REACHED, sells_data=True, sales=sales | {"sensitive": True}, sensitive=sensitive)
    assert notice in policy_text(selling)
    assert notice not in policy_text(_policy(REACHED, sells_data=True, sales=sales | {"sensitive": False}))
    report = selling.coverage.notes
    assert any(note.startswith("Maryland forbids selling sensitive data") for note in report)


def test_a_shop_based_in_a_country_we_do_not_cover_is_told_so_first():
    answers = make_answers("minimal")
    answers["business"] = answers["business"] | {"country": "IN", "region": ""}
    policy = policy_assemble(answers=answers)
    assert policy.coverage.notes[0].startswith("Your own country's law is not covered by this draft: have it checked.")
    assert "India" in policy.coverage.notes[0]
