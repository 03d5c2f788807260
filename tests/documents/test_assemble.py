"""Every sample shop's policy, checked for holes the way a shop owner's lawyer would."""

import re

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_html, policy_markdown, policy_text
from tests.base import SAMPLES, catalogue, keep_for_inspection, make_answers, mentions, selected_slugs

pytestmark = pytest.mark.django_db
UNANSWERED = ["minimal", "hostile"]  # sample shops that answer none of the practice questions
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def _custom_names(answers: dict) -> list[str]:
    picked = [
        *answers["payments"]["gateways"],
        *answers.get("analytics", {}).get("services", []),
        *answers.get("shipping", {}).get("carriers", []),
    ]
    if answers.get("newsletter"):
        picked.append(answers["newsletter"]["provider"])
    if answers.get("platform"):
        picked.append(answers["platform"])
    return [p["name"] for p in picked if isinstance(p, dict)]


@pytest.mark.parametrize("sample", SAMPLES)
def test_it_names_every_selected_provider(sample):
    answers = make_answers(sample)
    text = policy_text(policy_assemble(answers=answers))
    names = {s["slug"]: s["name"] for s in catalogue()}
    missing = [names[slug] for slug in selected_slugs(answers) if not mentions(text, names[slug])]
    missing += [name for name in _custom_names(answers) if " ".join(name.split()) not in text]
    if missing:
        path = keep_for_inspection(f"{sample}.txt", text)
        pytest.fail(f"{sample}: {missing} not named; see {path}")


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s != "all-services"])
def test_it_mentions_no_provider_the_shop_did_not_pick(sample):
    answers = make_answers(sample)
    text = policy_text(policy_assemble(answers=answers))
    picked = selected_slugs(answers)
    stray = [s["name"] for s in catalogue() if s["slug"] not in picked and mentions(text, s["name"])]
    if stray:
        path = keep_for_inspection(f"{sample}.txt", text)
        pytest.fail(f"{sample}: mentions {stray} though the shop does not use them; see {path}")


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s not in UNANSWERED])
def test_it_covers_every_applicable_legal_item(sample):
    policy = policy_assemble(answers=make_answers(sample))
    gaps = [f"{gap.item_id}: {gap.summary}" for gap in policy.coverage.gaps]
    assert not gaps, f"{sample} has gaps:\n" + "\n".join(gaps)


@pytest.mark.parametrize("sample", UNANSWERED)
def test_a_shop_that_has_not_said_how_it_works_gets_gaps_and_questions_not_invented_text(sample):
    policy = policy_assemble(answers=make_answers(sample))
    assert "GDPR-13.2f-ADM" in {gap.item_id for gap in policy.coverage.gaps}
    assert "practices.fraud_checks" in {item.key for item in policy.unconfirmed}


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s != "hostile"])
def test_it_leaves_no_template_syntax_none_or_empty_section(sample):
    policy = policy_assemble(answers=make_answers(sample))
    for name, text in (("md", policy_markdown(policy)), ("txt", policy_text(policy))):
        problems = LEFTOVER.findall(text) + re.findall(r"\bNone\b|\bundefined\b", text)
        if problems:
            path = keep_for_inspection(f"{sample}.{name}", text)
            pytest.fail(f"{sample}.{name} contains {problems[:5]}; see {path}")
    for section in policy.sections:
        assert section.clauses and all(c.markdown.strip() for c in section.clauses), section.slug


@pytest.mark.parametrize("sample", SAMPLES)
def test_it_reads_at_grade_eight_or_lower(sample):
    policy = policy_assemble(answers=make_answers(sample))
    assert policy.readability.grade <= 8.0, f"{sample}: grade {policy.readability.grade}"
    assert policy.readability.words > 300


def test_it_opens_with_the_summary_and_puts_the_data_table_right_after_who_we_are():
    policy = policy_assemble(answers=make_answers("eu"))
    assert [s.slug for s in policy.sections[:3]] == ["summary", "who-we-are", "what-we-collect"]
    html = policy_html(policy)
    summary = html.split('id="who-we-are"')[0]
    assert "<table" not in summary  # the first layer is short: the table is one click away
    assert 'href="#what-we-collect"' in summary and 'href="#rights"' in summary
    table = html.split('id="what-we-collect"')[1].split("</table>")[0]
    assert "Legal basis" in table and "How long we keep it" in table


def test_it_leaves_the_legal_basis_out_where_gdpr_does_not_apply():
    html = policy_html(policy_assemble(answers=make_answers("us")))
    assert "Legal basis" not in html
    assert "legitimate interest" not in html.lower()


def test_it_says_plainly_that_a_shop_without_ad_tags_sells_and_shares_nothing():
    text = policy_text(policy_assemble(answers=make_answers("us-ca", analytics={"services": [], "advertising": []})))
    assert "opt out of the sale" not in text.lower()
    assert re.search(r"do not sell or share", text, re.I)


def test_it_explains_sharing_with_ad_platforms_to_californians():
    text = policy_text(policy_assemble(answers=make_answers("us-ca")))
    assert "Global Privacy Control" in text
    assert mentions(text, "Meta Pixel") or mentions(text, "Meta")


def test_it_covers_do_not_track_security_and_changes_for_every_us_shop():
    policy = policy_assemble(answers=make_answers("us"))
    slugs = {s.slug for s in policy.sections}
    assert {"security", "changes"} <= slugs
    assert "Do Not Track" in policy_text(policy)


def test_it_never_invents_a_data_protection_officer():
    for sample in SAMPLES:
        text = policy_text(policy_assemble(answers=make_answers(sample))).lower()
        assert "not appointed" not in text and "have not appointed" not in text, sample


def test_it_says_the_shop_platform_holds_the_data_and_lists_it_with_the_companies_that_work_for_us():
    text = policy_markdown(policy_assemble(answers=make_answers("uk")))
    assert "the companies that run our shop, take payments" in text.split("## Who we are")[0]
    assert "Our shop runs on Shopify, which stores this data for us." in text
    assert "shop systems" not in text
    companies = text.split("**Companies that work for us.**")[1].split("**Companies that also decide")[0]
    assert (
        "| [Shopify](https://www.shopify.com/legal/privacy), Shopify Inc., through Shopify International Limited | Run"
        in companies
    )


def test_a_marketplace_platform_is_listed_among_the_companies_that_decide_for_themselves():
    text = policy_markdown(policy_assemble(answers=make_answers("ca")))
    assert (
        "[Etsy](https://www.etsy.com/legal/privacy/)" in text.split("**Companies that also decide for themselves.**")[1]
    )


def test_a_shop_on_its_own_site_names_no_platform_that_holds_its_data():
    text = policy_markdown(policy_assemble(answers=make_answers("eu")))
    assert "Our shop runs on" not in text
    assert "run our shop" not in text
