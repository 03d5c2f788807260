"""International transfers, law by law: where each recipient is and what lets data go there, the shop itself
included; the catalogue's regional companies, joint controllers and tool retention defaults."""

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_markdown
from tests.base import keep_for_inspection, make_answers

pytestmark = pytest.mark.django_db


def _policy(sample: str, **changes):
    return policy_assemble(answers=make_answers(sample, **changes))


def _section(markdown: str, title: str) -> str:
    """One `## title` section of a policy's Markdown, up to the next one."""
    start = markdown.index(f"## {title}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def _rows(transfers: str) -> list[str]:
    """The rows of the transfers table: where the companies are, then a safeguard per law."""
    return [line for line in transfers.splitlines() if line.startswith("| **")]


def _decisions(facts) -> dict[str, dict[str, str]]:
    """Recipient slug ("" for the shop itself) -> law -> safeguard."""
    return {(t.provider.slug if t.provider else ""): {d.law: d.safeguard for d in t.decisions} for t in facts.transfers}


def test_a_uk_shop_with_eea_vendors_relies_on_uk_adequacy_regulations_not_on_clauses():
    policy = _policy("transfer-uk-eea")
    decisions = _decisions(policy.facts)
    for slug in ("adyen", "plausible", "mailerlite", "dhl", "dpd"):
        assert decisions[slug] == {"uk": decisions[slug]["uk"]} and decisions[slug]["uk"].startswith(
            "UK adequacy regulations for"
        ), slug
    assert "royal-mail" not in decisions  # a UK carrier for a UK shop is no transfer at all
    assert "klarna" not in decisions  # UK customers deal with Klarna's UK company
    text = policy_markdown(policy)
    assert "contractual clauses" not in text and "transfer agreement" not in text
    transfers = _section(text, "Other countries")
    assert [row for row in _rows(transfers) if "**Germany:** DHL." in row][0].endswith("| Adequacy regulations. |")
    assert "by the UK (UK GDPR art. 45)" in transfers


def test_a_us_shop_with_eu_customers_gives_an_eea_vendor_no_clauses_and_says_its_data_goes_to_the_us():
    policy = _policy("transfer-us-eu")
    decisions = _decisions(policy.facts)
    assert "dhl" not in decisions  # DHL is in Germany: data about EU customers stays in the EEA
    ours = next(t for t in policy.facts.transfers if t.ours)
    assert ours.country == "US" and ours.laws == ("eu",)
    transfers = _section(policy_markdown(policy), "Other countries")
    assert "We are based in the United States" in transfers and "GDPR art. 3(2)" in transfers
    assert "DHL" not in transfers and "contractual clauses" not in transfers


def test_a_uk_shops_carrier_is_never_given_the_gdpr_delivery_exception():
    carriers = {"carriers": ["royal-mail", "evri", "dhl", "dpd", "ups", "fedex"], "international": True}
    for jurisdictions in (["uk"], ["uk", "eu"]):
        policy = _policy("uk", shipping=carriers, jurisdictions=jurisdictions)
        text = policy_markdown(policy)
        assert "49(1)(b)" not in text, jurisdictions
        decisions = _decisions(policy.facts)
        assert "royal-mail" not in decisions or set(decisions["royal-mail"]) == {"eu"}
    assert decisions["royal-mail"] == {"eu": "an EU adequacy decision for the United Kingdom"}


def test_a_chinese_shop_selling_to_the_eu_says_its_customers_data_goes_to_china_and_on_what_basis():
    policy = _policy("transfer-cn-eu")
    transfers = _section(policy_markdown(policy), "Other countries")
    assert "We are based in China" in transfers
    assert "It needs no safeguard" in transfers and "(GDPR art. 3(2))" in transfers
    # Germany is in the EEA: DHL is listed (it is outside China) but needs no safeguard for EU customers.
    assert "For customers in the EU" not in transfers and "Germany:** DHL" in transfers


def test_a_brazilian_customers_transfer_names_the_lgpd_article_33_mechanism():
    policy = _policy("transfer-br")
    decisions = _decisions(policy.facts)
    assert decisions["stripe"]["br"] == "standard contractual clauses approved by Brazil's ANPD (LGPD art. 33, II, b)"
    assert decisions["brevo"]["br"] == "Brazil's recognition of the EU as adequate (LGPD art. 33, I)"
    assert "LGPD art. 33, IX" in decisions["canada-post"]["br"]  # a postal service: what delivery needs
    transfers = _section(policy_markdown(policy), "Other countries")
    assert "LGPD art. 33, II, b" in transfers and "(LGPD art. 3)" in transfers


def test_one_provider_can_be_no_transfer_under_one_law_and_a_transfer_under_another():
    policy = _policy("eu", jurisdictions=["eu", "uk"])
    decisions = _decisions(policy.facts)
    assert decisions["dhl"] == {"uk": "UK adequacy regulations for Germany"}
    assert set(decisions[""]) == {"uk"}  # a German shop holds its UK customers' data outside the UK
    # EU customers deal with PayPal's Luxembourg company and UK customers with its UK one: no transfer.
    assert "paypal" not in decisions


def test_a_controllers_regional_company_counts_for_its_customers_and_a_processors_for_the_shops():
    decisions = _decisions(_policy("transfer-us-eu").facts)
    assert "paypal" not in decisions  # a controller: EU customers deal with PayPal (Europe)
    assert decisions["stripe"] == {"eu": "the EU-US Data Privacy Framework"}  # a US shop contracts with Stripe, Inc.
    german = _decisions(_policy("eu", payments={"gateways": ["stripe"], "stores_card_numbers": False}).facts)
    assert "stripe" not in german  # a German shop contracts with Stripe's Irish company


def test_each_recipient_is_named_in_one_row_that_says_what_holds_for_each_law():
    policy = _policy("transfer-us-eu", jurisdictions=["us", "eu", "uk"])
    transfers = _section(policy_markdown(policy), "Other countries")
    assert "| Where the companies are | For customers in the EU | For customers in the UK |" in transfers
    assert [row for row in _rows(transfers) if "Stripe" in row] == [
        "| **The United States:** Stripe. | Data Privacy Framework. | Data Privacy Framework, UK Extension. |"
    ]
    assert "and its UK Extension for data from the UK" in transfers  # each short name explained once


def test_laws_that_give_the_same_answer_share_it_with_their_citations_joined():
    policy = _policy("transfer-us-eu", jurisdictions=["us", "eu", "uk", "br"])
    usps = next(t for t in policy.facts.transfers if t.provider and t.provider.slug == "usps")
    assert [(b.who, b.safeguard) for b in usps.bases] == [
        (
            "customers in the EU, the UK and Brazil",
            "the exception for data needed to deliver your order "
            "(GDPR art. 49(1)(b); UK GDPR art. 49(1)(b); LGPD art. 33, IX)",
        )
    ]


def test_the_meta_pixel_shows_as_a_joint_controller_for_the_collection_on_the_shops_site():
    policy = _policy("transfer-us-eu")
    meta = next(p for p in policy.facts.advertising if p.slug == "meta-pixel")
    assert meta.joint and meta.independent and meta not in policy.facts.processors
    text = policy_markdown(policy)
    sharing = _section(text, "Who we share data with")
    row = next((line for line in sharing.splitlines() if line.startswith("| [Meta Pixel]")), "")
    if "**Joint controllers.**" not in sharing or "Meta Platforms Ireland Limited, a joint controller" not in row:
        pytest.fail(f"no joint controller paragraph; see {keep_for_inspection('transfer-us-eu.md', text)}")
    assert (
        "GDPR art. 26)" in sharing and "C-40/17" not in sharing
    )  # the law, not the court case customers need not read


def test_a_us_only_shop_with_the_meta_pixel_is_not_told_about_eu_joint_control():
    policy = _policy("transfer-us-eu", jurisdictions=["us"])
    assert "joint controller" not in policy_markdown(policy)


def test_a_shop_with_eu_customers_using_paypal_names_paypals_european_company():
    eu_customers = policy_markdown(_policy("transfer-us-eu"))
    assert "for customers in the EU: PayPal (Europe) S.à r.l. et Cie, S.C.A." in eu_customers
    us_only = policy_markdown(_policy("transfer-us-eu", jurisdictions=["us"]))
    assert "PayPal (Europe)" not in us_only and "PayPal, Inc." in us_only


def test_a_company_that_only_works_for_the_shop_is_named_by_its_usual_company_and_the_one_the_shop_contracts_with():
    # Customers deal with the shop, not with its processors; the regional company a UK shop contracts with
    # is why the transfers table needs no UK safeguard for it.
    uk_shop = policy_markdown(_policy("uk"))
    assert (
        "[Shopify](https://www.shopify.com/legal/privacy), Shopify Inc., through Shopify International Limited |"
        in uk_shop
    )
    us_shop = policy_markdown(_policy("us-ca"))
    assert "[Shopify](https://www.shopify.com/legal/privacy), Shopify Inc. |" in us_shop


def test_google_analytics_4_keeps_data_two_months_unless_the_shop_set_another_period():
    assert _policy("transfer-us-eu").facts.retention.analytics_months == 2
    assert _policy("transfer-us-eu", retention={"analytics_months": 14}).facts.retention.analytics == "14 months"
    both = {"services": ["google-analytics", "microsoft-clarity"], "advertising": []}
    assert _policy("transfer-us-eu", analytics=both).facts.retention.analytics_months == 13  # the longer holds
    no_default = {"services": ["matomo"], "advertising": []}
    assert _policy("transfer-us-eu", analytics=no_default).facts.retention.analytics_months == 14
