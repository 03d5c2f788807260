"""A long list of payment providers in a real browser: the name box suggests names as she types."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import look_at
from tests.browser.test_questionnaire import _business, _choose, _next
from tests.questionnaire.wizard import add_services

pytestmark = pytest.mark.browser


def test_a_provider_from_a_long_list_is_found_by_typing_part_of_its_name(page: Page):
    add_services("payment", 300)
    page.goto("/start/")
    _business(page)
    _next(page)
    _next(page)  # what you collect: as it is
    _next(page)  # sensitive information: left for later
    expect(page.get_by_role("heading", level=1)).to_have_text("Payments")
    expect(page.get_by_label("Acme Payment 0295", exact=True)).to_have_count(0)  # not among the listed ones
    expect(page.get_by_label("Filter the list of payment providers you use")).to_have_count(0)  # the box instead
    box = page.get_by_label("Another payment provider from our list")
    box.press_sequentially("payment 029", delay=20)
    suggestions = page.locator(f"datalist#{box.get_attribute('list')} option")
    expect(suggestions).to_have_count(10)
    expect(suggestions.first).to_have_attribute("value", "Acme Payment 0290")
    problems = look_at(page, "04-payments-long-list")
    box.fill("Acme Payment 0295")  # what choosing the suggestion puts in the box
    _choose(page, "Do card numbers reach your own server?", "No")
    _next(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Analytics and ads")
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Acme Payment 0295", exact=True)).to_be_checked()
    expect(box).to_have_value("")
    expect(page).to_have_url(re.compile(r"/questions/payments/$"))
    assert not problems, "\n".join(problems)
