"""Operations endpoints: the health check for load balancers, and the error pages."""

import logging
import sys

from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("policybuilder.ops")
# A database or cache that cannot be reached: an outage to wait out, not a fault in a page.
OUTAGES = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except OUTAGES:
        logger.warning("health check: the database is not answering", exc_info=True)
        return False


def _cache_ok() -> bool:
    try:
        cache = caches["default"]
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except OUTAGES:
        logger.warning("health check: the cache is not answering", exc_info=True)
        return False


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 when the database and the cache answer, else 503 naming which not."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500, called while the exception is being handled. An outage of the database
    or the cache gets the 503 page with a retry hint; anything else the 500 page. Both show the
    request id that the log line carries. Neither needs the database: a template and nothing else."""
    context = {"request_id": getattr(request, "request_id", "")}
    if isinstance(sys.exc_info()[1], OUTAGES):
        logger.error("service unavailable: the database or the cache did not answer")
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("500.html").render(context), status=500)
