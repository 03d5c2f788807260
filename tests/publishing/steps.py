"""What an owner does on the manage page, through the test client: each step asserts what they see."""

import re
from typing import Any

from django.test import Client

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from tests.base import make_answers

EXPECTED = re.compile(r'name="expected" value="([^"]+)"')


def saved_policy(name: str = "us-ca", family: str = "", **changes: Any) -> SavedPolicy:
    return policy_publish(answers=make_answers(name, **changes), family=family)


def manage_url(saved: SavedPolicy) -> str:
    return f"/policy/{saved.token}/publish/"


def shown_token(client: Client, saved: SavedPolicy) -> str:
    """The manage page, opened; the token its publish button carries (what the owner was shown)."""
    page = client.get(manage_url(saved))
    assert page.status_code == 200, page.content.decode()[:2000]
    found = EXPECTED.search(page.content.decode())
    assert found, "the page offers nothing to publish"
    return found[1]


def publish_first(client: Client, saved: SavedPolicy, slug: str = "", **fields: str) -> str:
    """Open the manage page and publish; returns the public address."""
    token = shown_token(client, saved)
    page = client.get(manage_url(saved)).content.decode()
    slug = slug or re.search(r'name="slug" value="([^"]+)"', page)[1]  # type: ignore[index]
    response = client.post(manage_url(saved), {"action": "start", "slug": slug, "expected": token, **fields})
    assert response.status_code == 302, response.content.decode()[:3000]
    return f"/p/{slug}/"


def publish_next(client: Client, saved: SavedPolicy) -> None:
    token = shown_token(client, saved)
    response = client.post(manage_url(saved), {"action": "publish", "expected": token})
    assert response.status_code == 302, response.content.decode()[:3000]
