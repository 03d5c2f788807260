"""The result page while the worker prepares a PDF: it says so, checks again by itself (a static script,
under the site's Content-Security-Policy), and offers the PDF once it is stored."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf_jobs import pdf_store
from policybuilder.documents.services import policy_publish
from tests.base import make_answers
from tests.browser.conftest import look_at

pytestmark = pytest.mark.browser


def test_the_result_page_refreshes_itself_until_the_pdf_is_ready(page: Page):
    saved = policy_publish(answers=make_answers("minimal"))
    saved.pdf.delete(save=False)
    SavedPolicy.objects.filter(pk=saved.pk).update(pdf="", pdf_status="pending")
    cache.set(f"pdf-asked:{saved.pk}", 1, 600)  # the worker has it: the page only waits
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(saved.get_absolute_url())
    expect(page.get_by_text("Preparing your PDF")).to_be_visible()
    assert look_at(page, "18-result-pdf-preparing") == []
    pdf_store(SavedPolicy.objects.get(pk=saved.pk))  # what the worker does
    pdf = page.get_by_role("link", name=re.compile(r"^PDF"))
    expect(pdf).to_be_visible(timeout=15_000)  # the page reloaded by itself within 5 seconds or so
    assert errors == [], errors  # no script error, nothing the CSP blocked
