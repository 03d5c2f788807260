"""Limits on expensive anonymous work (issue 10, part 1): counted per address and per link in the shared
cache, answered with a 429 page that says when to try again; no new policy when nothing changed."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from tests.base import make_answers
from tests.questionnaire.wizard import PIPS_POTTERY, answer, complete

pytestmark = pytest.mark.django_db
# Per hour where the limited work is slow (a publish renders its PDF): a fixed window must not roll over
# between the two requests a test makes.
LOW = {"pdf": ("100/m", "2/m"), "publish": ("100/h", "1/h"), "regenerate": ("100/h", "1/h")}


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@override_settings(RATE_LIMITS=LOW)
def test_pdf_renders_of_one_policy_are_limited_with_a_page_that_says_when_to_try_again():
    saved = policy_publish(answers=make_answers("minimal"))
    url = reverse("documents:download", args=[saved.token, "pdf"])
    client = Client()
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Try again in" in refused.content.decode()
    assert (
        client.get(reverse("documents:download", args=[saved.token, "html"])).status_code == 200
    )  # cheap: not limited


@override_settings(RATE_LIMITS=LOW | {"pdf": ("1/m", "100/m")})
def test_the_limit_by_address_holds_across_links():
    first, second = (policy_publish(answers=make_answers(s)) for s in ("minimal", "us"))
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert client.get(reverse("documents:download", args=[first.token, "pdf"])).status_code == 200
    assert client.get(reverse("documents:download", args=[second.token, "pdf"])).status_code == 429
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert other.get(reverse("documents:download", args=[second.token, "pdf"])).status_code == 200


def test_regenerate_with_an_unchanged_library_makes_no_new_policy(client):
    saved = policy_publish(answers=make_answers("minimal"))
    response = client.post(reverse("documents:regenerate", args=[saved.token]))
    assert response.status_code == 302 and response.url == saved.get_absolute_url()
    assert SavedPolicy.objects.count() == 1


def test_create_my_policy_sent_twice_gives_one_policy(client):
    complete(client, PIPS_POTTERY[:-1])
    first = answer(client, *PIPS_POTTERY[-1][:1], **PIPS_POTTERY[-1][1])
    again = answer(client, *PIPS_POTTERY[-1][:1], **PIPS_POTTERY[-1][1])
    assert SavedPolicy.objects.count() == 1
    assert first.url == again.url == SavedPolicy.objects.get().get_absolute_url()


@override_settings(RATE_LIMITS=LOW)
def test_new_policies_from_one_draft_are_limited():
    client = Client()
    complete(client, PIPS_POTTERY[:-1])
    assert answer(client, "review", effective_date="2026-11-22").status_code == 302
    assert answer(client, "review", effective_date="2026-11-23").status_code == 429
