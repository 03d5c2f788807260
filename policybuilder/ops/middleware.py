"""Request ids: every log line of a request carries one, and so do the response and the error pages."""

import re
import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
