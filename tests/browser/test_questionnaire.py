"""A shop owner in a real browser: the whole questionnaire, the result page, the download."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from policybuilder.documents.services import policy_publish
from tests.base import make_answers
from tests.browser.conftest import look_at

pytestmark = pytest.mark.browser


def _next(page: Page) -> None:
    page.get_by_role("button", name=re.compile(r"^(Next|Create my policy)")).click()


def _choose(page: Page, question: str, option: str) -> None:
    """Pick an option of a Yes/No question, found by its legend."""
    page.get_by_role("group", name=question).get_by_label(option, exact=True).check()


def _business(page: Page) -> None:
    page.get_by_label("Shop name").fill("Pip's Pottery")
    page.get_by_label("Shop website").fill("pipspottery.example")
    page.get_by_label("Privacy contact email").fill("hello@pipspottery.example")
    page.get_by_label("Postal address").fill("12 Mill Lane\nLeeds LS1 4AB")
    page.get_by_label("Country the business is based in").select_option("GB")


def _payments(page: Page) -> None:
    _choose(page, "Which platform runs your shop?", "Shopify")
    # The filter box narrows the list; the owner ticks what is left.
    page.get_by_label("Filter the list of payment providers you use").fill("stri")
    expect(page.get_by_label("PayPal", exact=True)).to_be_hidden()
    page.get_by_label("Stripe", exact=True).check()
    _choose(page, "Do card numbers reach your own server?", "No")


def _newsletter_details(page: Page) -> None:
    page.get_by_label("Mailchimp", exact=True).check()
    _choose(page, "Do new subscribers confirm by clicking a link in an email?", "Yes")


def _shipping(page: Page) -> None:
    page.get_by_label("Royal Mail", exact=True).check()
    page.get_by_label("Where you ship from").fill("Leeds, England")
    _choose(page, "Do you ship to other countries?", "Yes")


def _customers(page: Page) -> None:
    expect(page.get_by_label("United Kingdom", exact=True)).to_be_checked()  # the shop's own country
    page.get_by_label("European Union (and Iceland, Liechtenstein, Norway)").check()
    _choose(page, "Is your shop aimed at children under 13?", "No")
    _choose(page, "Do you sell customers' personal data?", "No")


def _sensitive(page: Page) -> None:
    page.get_by_label("None of these, and we ask for no other personal details").check()


def _practices(page: Page) -> None:
    # Asked only what applies to her: a banner for Google Analytics, emails for her newsletter, fraud checks
    # for her payments; no GPC or Do Not Track (no US customers), no accounts, phone orders or surveys.
    expect(page.get_by_text("Does your site honour Global Privacy Control (GPC)?")).to_have_count(0)
    _choose(page, "Does your site ask visitors to accept or refuse cookies?", "Yes: a cookie banner lets visitors accept or refuse")  # fmt: skip
    page.get_by_label("The words of the link that reopens cookie choices").fill("Cookie settings")
    _choose(page, "Who gets your marketing emails?", "Only people who signed up: buying does not add anyone to the list")  # fmt: skip
    page.get_by_role("group", name="How you protect customer data").get_by_label("Every page of the site uses HTTPS (the padlock in the address bar)").check()  # fmt: skip


def _size(page: Page) -> None:
    # She sells to the EU from the UK: only the representative question applies.
    expect(page.get_by_text("Your gross revenue last calendar year, in US dollars")).to_have_count(0)
    _choose(page, "Do you handle the data of customers in the EU or the UK only now and then?", "No: we sell there regularly")  # fmt: skip


def _retention(page: Page) -> None:
    # Asked only about what she keeps: no accounts, no surveys, no ad tags.
    expect(page.get_by_text("Leave empty to use 6 years, under UK tax rules")).to_be_visible()
    expect(page.get_by_label("Keep survey answers for")).to_have_count(0)
    page.get_by_label("Keep visit logs for").fill("90")


# Each page of the questionnaire for a UK potter who also sells to the EU, as she fills it in.
PAGES = [
    ("01-business", "Your business", _business),
    ("02-data", "What you collect", lambda page: page.get_by_label("A contact form or customer support email").check()),
    ("03-sensitive", "Sensitive information", _sensitive),
    ("04-payments", "Payments", _payments),
    ("05-analytics", "Analytics and ads", lambda page: page.get_by_label("Google Analytics", exact=True).check()),
    ("06-newsletter", "Newsletter", lambda page: _choose(page, "Do you send a newsletter or marketing emails?", "Yes")),
    ("07-newsletter-details", "Newsletter details", _newsletter_details),
    ("08-shipping", "Shipping", _shipping),
    ("09-customers", "Your customers", _customers),
    ("10-representatives", "Representatives", lambda page: None),  # none yet: the coverage report will say
    ("11-practices", "How you handle data", _practices),
    ("12-size", "Size of your business", _size),
    ("13-retention", "How long you keep data", _retention),
    ("14-review", "Review", lambda page: page.get_by_label("Date the policy takes effect").fill("2026-11-22")),
]


def test_a_shop_owner_completes_the_questionnaire_and_downloads_her_policy(page: Page, context):
    problems = []
    page.goto("/")
    problems += look_at(page, "00-landing")
    page.get_by_role("link", name="Start your policy").click()
    _next(page)  # nothing filled in: every required question says what to fix
    expect(page.get_by_role("alert")).to_contain_text("Please check 3 answers")
    expect(page.locator("#div_id_business-email")).to_contain_text("Give an email address, like hello@yourshop.com.")
    problems += look_at(page, "01-business-errors")
    for name, title, fill in PAGES:
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("[aria-current=step]")).to_contain_text(title)
        fill(page)
        problems += look_at(page, name)
        _next(page)

    expect(page.get_by_role("heading", level=1, name="Your privacy policy is ready")).to_be_visible()
    policy = page.locator("article.policy")
    for provider in ("Stripe", "Google Analytics", "Mailchimp", "Royal Mail"):
        expect(policy).to_contain_text(provider)
    expect(policy).to_contain_text("90 days")  # her own period for visit logs
    expect(page.locator(".coverage-gaps")).to_contain_text("What to do: Appoint a representative in the EU")
    problems += look_at(page, "15-result")

    with page.expect_download() as download:
        page.get_by_role("link", name="Web page (HTML) download").click()
    assert download.value.suggested_filename == "pips-pottery-privacy-policy.html"
    html = Path(download.value.path()).read_text(encoding="utf-8")
    for provider in ("Stripe", "Google Analytics", "Mailchimp", "Royal Mail"):
        assert provider in html, provider

    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the text").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Privacy policy: Pip's Pottery")
    assert not problems, "\n".join(problems)


def test_back_and_change_answers_keep_everything_in_the_browser(page: Page):
    page.goto("/start/")
    _business(page)
    _next(page)
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Shop name")).to_have_value("Pip's Pottery")
    expect(page.get_by_label("Country the business is based in")).to_have_value("GB")
    # The progress list links to the pages already seen.
    _next(page)
    page.get_by_role("link", name="Your business").click()
    expect(page.get_by_label("Privacy contact email")).to_have_value("hello@pipspottery.example")


def test_the_questionnaire_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/start/")
    _business(page)
    _next(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("What you collect")
    _next(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sensitive information")
    _next(page)  # left for later: nothing ticked says nothing
    expect(page.get_by_label("Filter the list of payment providers you use")).to_have_count(0)  # the comfort is JS-only
    page.get_by_label("Stripe", exact=True).check()
    _choose(page, "Do card numbers reach your own server?", "No")
    _next(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Analytics and ads")
    context.close()


def test_the_keyboard_alone_can_answer_a_page(page: Page):
    page.goto("/start/")
    page.get_by_label("Shop name").focus()
    page.keyboard.type("Pip's Pottery")
    for _ in range(3):  # legal name, website, email
        page.keyboard.press("Tab")
    page.keyboard.type("hello@pipspottery.example")
    page.keyboard.press("Tab")  # phone
    page.keyboard.press("Tab")
    page.keyboard.type("12 Mill Lane, Leeds")
    page.keyboard.press("Tab")
    page.keyboard.type("United Kingdom")  # a select picks the option by typing
    page.keyboard.press("Tab")  # region
    page.keyboard.press("Enter")  # sends the page with its first button, Next
    expect(page.get_by_role("heading", level=1)).to_have_text("What you collect")


def test_a_to_confirm_item_leads_to_its_question_focused(page: Page):
    answers = make_answers("us-ca")
    answers.pop("practices", None)  # nothing said about cookies, GPC, security, ...
    saved = policy_publish(answers=answers)
    page.goto(saved.get_absolute_url())
    to_confirm = page.get_by_role("region", name="To confirm")
    expect(to_confirm).to_contain_text("Does your site ask visitors to accept or refuse cookies")
    problems = look_at(page, "16-result-to-confirm")
    to_confirm.get_by_role("button", name=re.compile(r"^Answer this question: Does your site ask visitors")).click()
    expect(page).to_have_url(re.compile(r"/questions/practices/#id_practices-consent_banner_0$"))
    expect(page.locator("#id_practices-consent_banner_0")).to_be_focused()
    problems += look_at(page, "17-practices-from-to-confirm")
    assert not problems, "\n".join(problems)
