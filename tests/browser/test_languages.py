"""The questionnaire in each language in a real Chromium: the browser's language picks it, the page says
so in its lang attribute, axe finds nothing serious on a laptop or a phone, and the switcher changes it."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, expect

from policybuilder.languages import OFFERED, language
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
