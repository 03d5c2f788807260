"""Publishing in a real browser: from the result page to the public page and its versions, an editor's
change offered as an update and published by the owner, then unpublishing; axe on every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from policybuilder.documents.services import policy_publish
from policybuilder.library.models import Clause
from tests.base import make_answers
from tests.browser.conftest import look_at

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _site_on_live_server(settings, live_server) -> None:
    # Public links are absolute: they must lead to this server (by its address: a policy's links need a dot).
    settings.SITE_URL = live_server.url.replace("localhost", "127.0.0.1")


def test_an_owner_publishes_updates_and_unpublishes_a_policy(page: Page):
    saved = policy_publish(answers=make_answers("us-ca"))
    page.goto(saved.get_absolute_url())
    page.get_by_role("link", name="Publish at a public link").click()
    expect(page.get_by_role("heading", name="Publish Golden Gate Goods's policy")).to_be_visible()
    problems = look_at(page, "30-publish")
    page.get_by_label("Your policy's address").fill("Golden Gate Goods!")
    page.get_by_label("Email me when a clause library update would change my published policy").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("Published at /p/golden-gate-goods/")
    problems += look_at(page, "31-manage")

    page.locator("a.public-link").click()
    expect(page).to_have_title("Privacy policy for Golden Gate Goods")
    expect(page.get_by_role("heading", name="Changes to this policy")).to_be_visible()
    problems += look_at(page, "32-public-policy")

    # An editor changes a clause: the owner is told, and the public page waits for the owner.
    clause = Clause.objects.get(slug="security")
    clause.body += "\n\nWe test our backups every month."
    clause.save()
    assert len(mail.outbox) == 1
    manage_url = re.search(r"^(http\S+/publish/)$", mail.outbox[0].body, re.M)[1]  # type: ignore[index]
    page.reload()
    expect(page.get_by_text("We test our backups every month.")).to_have_count(0)
    page.goto(manage_url)
    expect(page.get_by_role("heading", name="An update is ready", exact=True)).to_be_visible()
    page.get_by_text("Every change in the text").click()
    expect(page.locator(".diff ins", has_text="We test our backups every month.")).to_be_visible()
    problems += look_at(page, "33-manage-update")
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.get_by_role("status")).to_contain_text("Version 2 is published.")

    page.goto("/p/golden-gate-goods/")
    expect(page.get_by_text("We test our backups every month.")).to_be_visible()
    page.get_by_role("link", name="All versions and what changed").click()
    expect(page.get_by_role("heading", name="Version 1", exact=True)).to_be_visible()
    problems += look_at(page, "34-public-versions")
    page.get_by_role("link", name="What changed in version 2").click()
    expect(page.get_by_role("heading", name="What changed in version 2", exact=True)).to_be_visible()
    problems += look_at(page, "35-public-changes")
    page.goto("/p/golden-gate-goods/v/1/")
    expect(page.get_by_text("A newer version replaced it on")).to_be_visible()
    expect(page.get_by_text("We test our backups every month.")).to_have_count(0)

    page.goto(manage_url)
    page.get_by_role("button", name="Unpublish").click()
    expect(page.get_by_role("status")).to_contain_text("no longer public")
    # Asked afresh: the browser itself may keep its copy for Cache-Control's max-age (5 minutes).
    assert page.request.get("/p/golden-gate-goods/").status == 404
    assert problems == [], problems
