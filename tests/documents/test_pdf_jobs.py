"""PDFs rendered once, at publish time, by the task (eagerly here), stored, and served from storage:
a download never renders, a missing one is asked for once a while, and the page says what is going on."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policies_delete, policy_publish
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _download(client, saved: SavedPolicy):
    return client.get(reverse("documents:download", args=[saved.token, "pdf"]))


def test_a_published_policy_has_its_pdf_stored_and_the_download_serves_those_bytes(client):
    saved = policy_publish(answers=make_answers("minimal"))
    assert saved.pdf_status == "ready" and saved.pdf.storage.exists(saved.pdf.name)
    stored = saved.pdf.open("rb").read()
    SavedPolicy.objects.filter(pk=saved.pk).update(html="<html><body>changed</body></html>")  # a render would differ
    response = _download(client, saved)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == stored and stored.startswith(b"%PDF")


def test_while_the_pdf_is_being_prepared_the_pages_say_so_and_check_again(client):
    saved = policy_publish(answers=make_answers("minimal"))
    saved.pdf.delete(save=False)
    SavedPolicy.objects.filter(pk=saved.pk).update(pdf="", pdf_status="pending")
    cache.set(f"pdf-asked:{saved.pk}", 1, 600)  # the worker was asked a moment ago
    response = _download(client, saved)
    assert response.status_code == 202
    page = response.content.decode()
    assert "Preparing your PDF" in page and 'data-refresh-seconds="5"' in page and "js/refresh.js" in page
    assert reverse("documents:download", args=[saved.token, "html"]) in page  # the HTML is ready meanwhile
    result = client.get(reverse("documents:result", args=[saved.token])).content.decode()
    assert "Preparing your PDF" in result and "js/refresh.js" in result
    assert f'href="{reverse("documents:download", args=[saved.token, "pdf"])}"' not in result


def test_a_lost_file_is_rendered_again_once_then_served(client):
    saved = policy_publish(answers=make_answers("minimal"))
    saved.pdf.storage.delete(saved.pdf.name)
    response = _download(client, saved)  # tasks run eagerly here: asked and rendered in this request
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    saved.refresh_from_db()
    assert saved.pdf_status == "ready" and saved.pdf.storage.exists(saved.pdf.name)


def test_a_policy_whose_pdf_failed_says_so_without_trying_on_every_click(client):
    saved = policy_publish(answers=make_answers("minimal"))
    saved.pdf.delete(save=False)
    SavedPolicy.objects.filter(pk=saved.pk).update(pdf="", pdf_status="failed")
    response = _download(client, saved)
    assert response.status_code == 503 and "The PDF could not be made" in response.content.decode()
    saved.refresh_from_db()
    assert saved.pdf_status == "failed" and not saved.pdf  # nothing rendered by the click
    result = client.get(reverse("documents:result", args=[saved.token])).content.decode()
    assert "The PDF could not be made" in result


def test_deleting_a_policy_deletes_its_stored_pdf():
    saved = policy_publish(answers=make_answers("minimal"))
    storage, name = saved.pdf.storage, saved.pdf.name
    assert storage.exists(name)
    policies_delete(family=saved.family)
    assert not storage.exists(name)
