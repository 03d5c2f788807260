"""The questionnaire in each language in a real Chromium: the browser's language picks it, the page says
so in its lang attribute, axe finds nothing serious on a laptop or a phone, and the switcher changes it;
a policy's own page is in the policy's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Page, expect

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.english_words import english_leftovers
from policybuilder.documents.services import policy_publish
from policybuilder.languages import OFFERED, language
from tests.base import make_answers
from tests.browser.conftest import DESKTOP, look_at

pytestmark = pytest.mark.browser


def _in(code: str, english: str) -> str:
    with translation.override(language(code).django):
        return gettext(english)


@pytest.mark.parametrize("code", OFFERED)
def test_the_questionnaire_follows_the_browsers_language(browser: Browser, live_server, code):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale=code)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name=_in(code, "Start your policy")).click()
    expect(page.locator("html")).to_have_attribute("lang", language(code).django)
    expect(page.get_by_label(_in(code, "Shop name"))).to_be_visible()
    if code != "en":
        expect(page.get_by_label("Shop name")).to_have_count(0)
    assert look_at(page, f"questionnaire-business-{code}") == []
    context.close()


@pytest.mark.parametrize("code", OFFERED)
def test_a_policys_page_is_in_the_policys_language_without_a_switcher(page: Page, code):
    saved = policy_publish(answers=make_answers("eu", language=code))
    page.goto(saved.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", language(code).django)
    expect(page.get_by_role("heading", name=_in(code, "Your privacy policy is ready"))).to_be_visible()
    expect(page.locator("#policy-body")).to_have_attribute("lang", code)
    expect(page.locator(".language-switcher")).to_have_count(0)  # the page follows the policy, not a cookie
    if code != "en":  # the coverage report the owner reads beside the policy is in its language too
        report = page.locator("section.coverage").inner_text()
        assert _in(code, "Checked against the law") in report
        policy = policy_assemble(answers=make_answers("eu", language=code))
        facts = policy.facts
        names = [facts.shop.name, facts.shop.legal_name, *(n for p in facts.services for n in (p.name, p.company))]
        # The answer each decision comes from is shown as its path in the answers ("business.country").
        names += [path for d in policy.coverage.decisions for path in d.answer.split(", ")]
        assert english_leftovers(report, names=names + ["GDPR", "PECR"]) == []
    assert look_at(page, f"result-{code}") == []


@pytest.mark.skipif(len(OFFERED) < 2, reason="one language offered: nothing to switch to")
def test_the_switcher_changes_the_questionnaires_language_and_the_answers_stay(page: Page):
    other = OFFERED[1]
    page.goto("/")
    page.get_by_role("link", name="Start your policy").click()
    page.get_by_label("Shop name").fill("Pip's Pottery")
    page.get_by_label("Language").select_option(other)
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", language(other).django)
    expect(page.get_by_label(_in(other, "Shop name"))).to_be_visible()
    assert look_at(page, f"questionnaire-switched-{other}") == []
