"""Request ids (every log line of a request carries one, and so do the response and the error pages),
and the access log, which keeps private tokens out of it."""

import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from policybuilder.ops.logging import request_id

# A load balancer's id is kept when it looks like one; anything else a client sends is replaced.
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_id_new(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if _CLIENT_ID.match(given) else secrets.token_hex(8)


class RequestIdMiddleware:
    """First in the chain, so that every other middleware's log lines carry the id too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = request_id_new(request)
        request.request_id = rid  # type: ignore[attr-defined]
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = rid
        return response


# Paths that carry a private token, and pages that show an owner's answers or policy.
_TOKEN_IN_PATH = re.compile(r"^/(resume|policy)/([A-Za-z0-9_-]+)")
_PRIVATE_PREFIXES = ("/questions/", "/resume/", "/policy/", "/start/")
access_logger = logging.getLogger("policybuilder.access")


def path_for_log(path: str) -> str:
    """The path with its private token replaced by a short hash: enough to follow one link through the
    log, never enough to open it."""
    match = _TOKEN_IN_PATH.match(path)
    if not match:
        return path
    digest = hashlib.sha256(match[2].encode()).hexdigest()[:10]
    return f"/{match[1]}/#{digest}{path[match.end() :]}"


class AccessLogMiddleware:
    """One line per request (method, path without tokens, status, time), instead of the app server's
    access log, which would write every private link in full. Pages with answers or tokens are never
    stored by a browser or proxy cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        if request.path.startswith(_PRIVATE_PREFIXES):
            patch_cache_control(response, no_store=True, private=True)
        millis = round((time.monotonic() - started) * 1000, 1)
        access_logger.info(
            "%s %s %s %sms", request.method, path_for_log(request.path), response.status_code, millis,
            extra={"status_code": response.status_code},
        )  # fmt: skip
        return response
