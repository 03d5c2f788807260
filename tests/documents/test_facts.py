"""What follows from the answers: laws, transfers, retention periods."""

import pytest

from policybuilder.documents.assemble import policy_assemble
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _facts(sample="minimal", **changes):
    return policy_assemble(answers=make_answers(sample, **changes)).facts


def test_a_shop_in_the_eu_gets_gdpr_even_when_the_owner_forgot_to_tick_it():
    facts = _facts("eu", jurisdictions=[])
    assert facts.laws.eu and facts.laws.added == ("eu",)


def test_california_implies_the_general_us_rules():
    facts = _facts("us-ca", jurisdictions=["us-ca"])
    assert facts.laws.us and facts.laws.us_ca


def test_an_eu_shop_sends_data_abroad_only_to_providers_outside_the_eea():
    facts = _facts("eu")
    abroad = {t.provider.slug for t in facts.transfers}
    assert "paypal" in abroad or "klarna" not in abroad
    assert "brevo" not in abroad and "dhl" not in abroad and "matomo" in abroad


def test_a_us_only_shop_has_no_international_transfers():
    assert _facts("us").transfers == ()


def test_a_us_shop_selling_to_the_eu_transfers_to_us_providers_with_their_safeguard():
    facts = _facts("us", jurisdictions=["us", "eu"])
    safeguards = {t.provider.slug: [b.safeguard for b in t.bases] for t in facts.transfers if not t.ours}
    assert safeguards["google-analytics"] == ["the EU-US Data Privacy Framework"]


def test_order_records_follow_the_countrys_tax_rule_unless_the_owner_says_otherwise():
    assert _facts("eu").retention.orders_years == 10
    assert _facts("minimal").retention.orders_years == 6
    assert _facts("minimal", retention={"orders_years": 8}).retention.orders == "8 years"


def test_dates_read_the_local_way():
    assert _facts("us").effective_date == "November 22, 2026"
    assert _facts("minimal").effective_date == "22 November 2026"


def test_cookieless_analytics_does_not_count_as_a_cookie_tracker():
    facts = _facts("ca")
    assert facts.analytics and not facts.cookie_trackers


def test_the_shop_platform_comes_first_among_the_services_and_californians_are_told_what_it_gets():
    facts = _facts("us-ca")
    assert facts.platform is not None and facts.services[0] == facts.platform
    assert facts.platform.name == "Shopify" and facts.platform in facts.processors
    told = {d.category: d.recipients for d in facts.ccpa_disclosed}
    assert told and all(r[0] == "our shop platform" for r in told.values())


def test_a_platform_the_catalogue_lacks_gets_what_any_platform_holds():
    platform = {"name": "Vitrine Loja", "privacy_url": "https://vitrine.example/privacidade", "country": "US"}
    facts = _facts("eu", platform=platform)
    assert facts.platform.custom and facts.platform.country_name == "United States"
    assert "your orders and whether you have paid" in facts.platform.receives
    assert facts.platform in [t.provider for t in facts.transfers]


def test_a_shop_without_a_platform_has_none():
    assert _facts("minimal").platform is None and _facts("eu").platform is None
