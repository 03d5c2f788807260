"""Errors an operator can see and a visitor can understand: one log line per event with a request id,
a 500 page that gives the same id, a 503 page for an outage, and a health check (issue 10, part 3)."""

import json
import logging

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from policybuilder.ops.logging import JsonLineFormatter, RequestIdFilter
from policybuilder.urls import urlpatterns as site_urls


def _fails(request):
    raise RuntimeError("a bug in a view")


def _queries(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("the database answered")


urlpatterns = [path("boom/", _fails), path("db/", _queries), *site_urls]
handler500 = "policybuilder.ops.views.server_error"


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def log_lines():
    """What the console handler writes, one formatted line per record."""
    lines: list[str] = []
    handler = logging.Handler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonLineFormatter())
    handler.emit = lambda record: lines.append(handler.format(record))  # type: ignore[method-assign]
    logging.getLogger().addHandler(handler)
    yield lines
    logging.getLogger().removeHandler(handler)


@override_settings(ROOT_URLCONF=__name__)
def test_a_fault_shows_our_500_page_with_the_reference_the_log_line_carries(client, log_lines):
    response = client.get("/boom/")
    assert response.status_code == 500
    rid = response["X-Request-ID"]
    page = response.content.decode()
    assert "Something went wrong on our side" in page and rid in page
    errors = [json.loads(line) for line in log_lines if '"level": "ERROR"' in line]
    assert any(e["request_id"] == rid and "a bug in a view" in e.get("error", "") for e in errors)
    assert all("\n" not in line for line in log_lines)


@pytest.mark.django_db(transaction=True)
@override_settings(ROOT_URLCONF=__name__)
def test_a_database_that_cannot_be_reached_gives_a_503_that_says_to_try_again(client):
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database would be lost with its connection; CI runs this on PostgreSQL")
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get("/db/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "try again in a minute" in response.content.decode()


@pytest.mark.django_db
def test_the_health_check_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
)
def test_the_health_check_names_a_cache_that_does_not_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_a_load_balancers_request_id_is_kept_and_a_crafted_one_replaced(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-0123456789abcdef"})
    assert kept["X-Request-ID"] == "lb-0123456789abcdef"
    crafted = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a=b"})
    assert crafted["X-Request-ID"] != "x\r\nSet-Cookie: a=b" and len(crafted["X-Request-ID"]) == 16


@pytest.mark.django_db
def test_the_access_log_hashes_private_tokens_and_private_pages_are_not_cached(client, log_lines):
    token = "Abc123_secretTokenValue-xyz"
    response = client.get(f"/resume/{token}/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    access = [json.loads(line) for line in log_lines if '"policybuilder.access"' in line]
    assert access and all(token not in line for line in log_lines)
    assert access[-1]["message"].startswith("GET /resume/#") and access[-1]["status"] == 404
    assert "no-store" not in client.get("/").get("Cache-Control", "")
