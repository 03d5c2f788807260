"""A shop's public address: from its name, plain ASCII, unique, never a reserved word."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from policybuilder.documents.models import SavedPolicy
from policybuilder.publishing.models import Publication
from policybuilder.publishing.slugs import SlugRefused, slug_check, slug_normalize, slug_suggest
from tests.publishing.steps import publish_first, saved_policy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zoë's Café", "zoes-cafe"),
        ("Ærøskøbing Ølhus", "aeroskobing-olhus"),
        ("東京ショップ", "dong-jingshiyotpu"),
        ("Аррle Store", "arrle-store"),  # Cyrillic look-alikes spell what they really are, not "apple"
        ("ＦＵＬＬ　ｗｉｄｔｈ", "full-width"),
        ("  Pip's   Pottery!!  ", "pips-pottery"),
    ],
)
def test_names_in_any_script_become_plain_ascii_addresses(name: str, slug: str):
    assert slug_normalize(name) == slug
    assert slug.isascii()


def test_reserved_words_are_refused_with_a_free_alternative():
    for word in ("admin", "static", "Support", "policybuilder"):
        with pytest.raises(SlugRefused, match="is kept for the site itself: choose another, such as"):
            slug_check(word)
    assert slug_suggest("Admin") == "admin-shop"


def test_two_shops_with_the_same_name_get_distinct_addresses():
    first = publish_first(Client(), saved_policy())
    second = publish_first(Client(), saved_policy())
    assert (first, second) == ("/p/golden-gate-goods/", "/p/golden-gate-goods-2/")
    with pytest.raises(SlugRefused, match="is taken by another shop: golden-gate-goods-3 is free"):
        slug_check("Golden Gate Goods")


def test_an_address_in_capitals_leads_to_the_page(client: Client):
    url = publish_first(client, saved_policy())
    moved = client.get(url.upper().replace("/P/", "/p/"))
    assert moved.status_code == 301 and moved["Location"] == url


def test_the_retention_schedule_keeps_a_published_policy_and_removes_an_unpublished_one(client: Client, settings):
    published, unpublished = saved_policy(), saved_policy("uk")
    publish_first(client, published)
    url = publish_first(client, unpublished)
    client.post(f"/policy/{unpublished.token}/publish/", {"action": "unpublish"})
    long_ago = timezone.now() - timedelta(days=30 * settings.POLICY_RETENTION_MONTHS + 1)
    SavedPolicy.objects.update(opened_at=long_ago, created_at=long_ago)
    call_command("purgeexpired", stdout=StringIO())
    assert SavedPolicy.objects.filter(family=published.family).exists()
    assert not SavedPolicy.objects.filter(family=unpublished.family).exists()
    assert client.get(url).status_code == 410
    assert Publication.objects.filter(state="published").count() == 1
