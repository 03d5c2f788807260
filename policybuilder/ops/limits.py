"""Per-client limits on expensive work (PDF renders, new policies, regenerating), counted in the shared
cache so that they hold across every worker and machine (django-ratelimit's counters)."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django_ratelimit.core import get_usage

from policybuilder.ops.client import client_ip

logger = logging.getLogger("policybuilder.ops")


def rate_limited(request: HttpRequest, *, group: str, token: str = "") -> HttpResponse | None:
    """Count one more of `group` for this client's address (and for the link's token, when given);
    a 429 page saying when to try again once either limit of settings.RATE_LIMITS[group] is reached."""
    by_ip, by_token = settings.RATE_LIMITS[group]
    checks: Iterable[tuple[str, str, str]] = [("ip", client_ip(request), by_ip)]
    if token:
        checks = [*checks, ("token", token, by_token)]
    for kind, value, rate in checks:
        usage = get_usage(request, group=f"{group}:{kind}", key=lambda _g, _r, v=value: v, rate=rate, increment=True)
        if usage and usage["should_limit"]:
            logger.warning("rate limit reached: %s by %s", group, kind)
            return _too_many(seconds=max(int(usage["time_left"]), 1))
    return None


def _too_many(*, seconds: int) -> HttpResponse:
    html = loader.get_template("429.html").render({"seconds": seconds})
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(seconds)
    return response
