"""A real Chromium (Debian's, never a downloaded one) driven by Playwright against the live server."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the tests
# themselves would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
# Without the networking switches Chromium keeps trying to reach Google's servers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"  # git ignores it
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE = Axe()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def clause_library(transactional_db) -> None:
    """The live server needs committed data, so these tests use transactional_db, which empties the
    database after each test: load the clause library again (it is idempotent) before each one."""
    call_command("loadclauses", verbosity=0)


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True, base_url=live_server.url)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def accessibility_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def look_at(page: Page, name: str) -> list[str]:
    """Check the page with axe and take screenshots on a laptop and on a 390px phone."""
    SCREENSHOTS.mkdir(exist_ok=True)
    problems = [f"desktop: {p}" for p in accessibility_problems(page)]
    page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    problems += [f"phone: {p}" for p in accessibility_problems(page)]
    page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    return [f"{name}: {p}" for p in problems]
