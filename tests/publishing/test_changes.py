"""The plain-words summary of what changed between two published versions, from real assembled policies."""

import copy
import json
from typing import Any

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.publishing.changes import GENERIC, change_headline, changes_list
from policybuilder.publishing.snapshot import snapshot_build
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def snapshot(name: str = "us-ca", **changes: Any) -> dict[str, Any]:
    return snapshot_build(policy_assemble(answers=make_answers(name, **changes)))


def us_ca(key: str) -> Any:
    return make_answers("us-ca")[key]


def answer_lines(lines: list[str]) -> list[str]:
    """The lines before the one that names reworded sections (always last when present)."""
    return [line for line in lines if not line.startswith("Wording updated in: ")]


def test_a_snapshot_is_small_plain_data_with_the_display_names_and_survives_json():
    snap = snapshot()
    assert snap["format"] == 1
    assert snap["business"]["email"] == "privacy@ggg.example"
    assert snap["providers"]["newsletter"] == ["Klaviyo"]
    assert snap["providers"]["payment"] == ["Stripe", "Apple Pay", "Afterpay"]
    assert snap["providers"]["survey"] == []
    assert [law["code"] for law in snap["laws"]] == ["us", "us-ca"]
    assert snap["sells_data"] is False
    assert {"name": "Reviews", "retention": "until you ask us to remove it"} in snap["kinds"]
    clause = snap["sections"][0]["clauses"][0]
    assert set(clause) == {"slug", "title", "sha256"} and len(clause["sha256"]) == 64
    text = json.dumps(snap)
    assert len(text) < 8000  # stored with every version forever
    again = json.loads(text)
    assert again == snap
    assert changes_list(again, snap) == [] and changes_list(snap, again) == []


def test_identical_policies_have_no_changes():
    assert changes_list(snapshot(), snapshot()) == []


def test_a_new_newsletter_provider_is_a_replacement_and_nothing_else_is_claimed():
    lines = changes_list(snapshot(), snapshot(newsletter={"provider": "mailchimp", "double_opt_in": True}))
    assert answer_lines(lines) == ["Replaced Klaviyo with Mailchimp as the newsletter provider."]
    assert lines[-1].startswith("Wording updated in: ") and "Newsletter and marketing email" in lines[-1]
    assert len(lines) == 2  # one line for all reworded sections, never one per clause


def test_dropping_the_newsletter_removes_the_provider_its_data_and_its_section():
    lines = changes_list(snapshot(), snapshot(newsletter=None))
    assert answer_lines(lines) == [
        "Removed Klaviyo as the newsletter provider.",
        "No longer held: Newsletter sign-up.",
        "Removed section: Newsletter and marketing email.",
    ]
    # And back: each line turns round.
    back = answer_lines(changes_list(snapshot(newsletter=None), snapshot()))
    assert back == [
        "Added Klaviyo as the newsletter provider.",
        "New in the data we hold: Newsletter sign-up.",
        "New section: Newsletter and marketing email.",
    ]


def test_list_roles_are_added_to_and_removed_from():
    payments = us_ca("payments") | {"gateways": ["stripe", "apple-pay", "afterpay", "paypal", "klarna"]}
    assert answer_lines(changes_list(snapshot(), snapshot(payments=payments))) == [
        "Added PayPal and Klarna to the payment providers."
    ]
    analytics = us_ca("analytics") | {"services": ["google-analytics"]}
    lines = answer_lines(changes_list(snapshot(), snapshot(analytics=analytics)))
    assert lines[0] == "Removed Hotjar from the analytics tools."
    # Without Hotjar the usage data follows Google Analytics' period: the policy says so, and so does the line.
    assert lines[1:] == ["Usage data: now kept 2 months instead of 12 months."]


def test_a_new_platform_is_a_replacement():
    assert answer_lines(changes_list(snapshot(), snapshot(platform="wix"))) == [
        "Replaced Shopify with Wix as the shop platform."
    ]


def test_a_retention_change_says_the_short_period_once():
    lines = changes_list(snapshot(), snapshot(retention={"orders_years": 10}))
    assert answer_lines(lines) == ["Order details: now kept 10 years after your order instead of 7 years."]


def test_a_retention_change_in_the_reason_only_says_what_it_is_now():
    lines = changes_list(snapshot(), snapshot(retention={"account": 3}))
    assert answer_lines(lines) == ["Account details: now kept until you delete it, or 3 years after you last sign in."]


def test_data_kinds_held_or_no_longer_held():
    without = snapshot(data=us_ca("data") | {"reviews": False})
    assert answer_lines(changes_list(snapshot(), without)) == ["No longer held: Reviews."]
    assert answer_lines(changes_list(without, snapshot())) == ["New in the data we hold: Reviews."]


def test_a_law_added_or_removed():
    with_br = snapshot(jurisdictions=["us", "us-ca", "br"])
    lines = changes_list(snapshot(), with_br)
    assert lines[0] == "Added what the policy says under the Brazilian General Data Protection Law (LGPD)."
    assert not any(line.startswith(("Added ", "Removed ", "Replaced ")) for line in lines[1:])
    assert not any("data we hold" in line or "sell" in line for line in lines)
    back = changes_list(with_br, snapshot())
    assert back[0] == "Removed what the policy said under the Brazilian General Data Protection Law (LGPD)."


def test_business_details():
    business = us_ca("business") | {"email": "hello@ggg.example", "phone": "+1 415 555 0100"}
    lines = changes_list(snapshot(), snapshot(business=business))
    assert answer_lines(lines) == ["New contact email: hello@ggg.example.", "New phone number: +1 415 555 0100."]
    back = changes_list(snapshot(business=business), snapshot())
    assert answer_lines(back) == ["New contact email: privacy@ggg.example.", "Removed the phone number."]
    renamed = us_ca("business") | {"name": "GGG", "legal_name": "GGG LLC", "website": "https://ggg.example"}
    renamed["address"] = "1 Main St, San Francisco, CA 94105"
    assert answer_lines(changes_list(snapshot(), snapshot(business=renamed))) == [
        "New business name: GGG.",
        "New legal name: GGG LLC.",
        "New postal address: 1 Main St, San Francisco, CA 94105.",
        "New website: https://ggg.example.",
    ]


def test_selling_data_comes_first_and_only_from_the_flag():
    sales = make_answers("law-large-california")["sales"]
    selling = snapshot(sells_data=True, sales=sales)
    lines = changes_list(snapshot(), selling)
    assert lines[0] == "We now sell personal data."
    assert changes_list(selling, snapshot())[0] == "We no longer sell personal data."
    # Same-titled clauses swapped under one section read as a reword, not as one added and one removed.
    assert not any("Selling and sharing (California)" in line for line in lines if not line.startswith("Wording"))
    unanswered = make_answers("us-ca")
    del unanswered["sells_data"]
    silent = snapshot_build(policy_assemble(answers=unanswered))
    assert silent["sells_data"] is None
    assert answer_lines(changes_list(snapshot(), silent)) == [
        "The policy no longer says whether we sell personal data."
    ]
    assert answer_lines(changes_list(silent, snapshot())) == ["The policy now says we do not sell personal data."]


def test_clauses_and_sections_from_the_stored_snapshot():
    old = snapshot()
    new = copy.deepcopy(old)
    rights = next(s for s in new["sections"] if s["slug"] == "rights")
    cookies = next(s for s in new["sections"] if s["slug"] == "cookies")
    gone = cookies["clauses"].pop()  # the new version lacks a clause: the old one had it
    rights["clauses"][0]["sha256"] = "0" * 64
    sharing = next(s for s in new["sections"] if s["slug"] == "sharing")
    sharing["clauses"][0]["sha256"] = "1" * 64
    sharing["clauses"][1]["sha256"] = "2" * 64
    new["sections"] = [s for s in new["sections"] if s["slug"] != "children"]
    assert changes_list(old, new) == [
        "Removed section: Children.",
        f"Removed from Cookies and tracking tools: {gone['title']}.",
        "Wording updated in: Who we share data with, Your rights.",
    ]
    assert changes_list(new, old) == [
        "New section: Children.",
        f"New in Cookies and tracking tools: {gone['title']}.",
        "Wording updated in: Who we share data with, Your rights.",
    ]


def test_section_titles_with_commas_are_kept_apart_by_semicolons():
    lines = changes_list(snapshot(), snapshot(retention={"orders_years": 10}))
    assert lines[-1] == "Wording updated in: Summary; Your data: what, why and how long."


def test_names_are_plain_text_from_the_snapshot():
    old = snapshot()
    new = copy.deepcopy(old)
    new["providers"]["survey"] = ["<Forms & Co>"]
    assert changes_list(old, new) == ["Added <Forms & Co> as the survey tool."]


def test_an_old_or_unknown_format_gets_one_generic_line():
    new = snapshot()
    assert changes_list({}, new) == [GENERIC]
    assert changes_list(new | {"format": 0}, new) == [GENERIC]
    assert changes_list({"format": 1}, new)  # a truncated snapshot of this format does not crash


def test_headline():
    assert change_headline([], first=True) == "First published."
    assert change_headline(["Added PayPal to the payment providers."], first=True) == "First published."
    assert change_headline([], first=False) == "Wording updated."
    assert change_headline(["We now sell personal data."], first=False) == "We now sell personal data."
    assert change_headline(["A.", "B."], first=False) == "A. And 1 more change."
    assert change_headline(["A.", "B.", "C."], first=False) == "A. And 2 more changes."
