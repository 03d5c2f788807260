"""The public pages' cache, in the shared cache (Redis in production): per slug, the publication's state
(remembered a moment in each process too); per page, the rendered bytes with their ETag. A request for a
published page costs one cache read and no database query, and a conditional GET answers 304 without
sending the body."""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from policybuilder.publishing.models import Publication

UNKNOWN, MOVED = "unknown", "moved"
UNKNOWN_SECONDS = 60  # an unknown slug is looked up again after a minute (a new shop may take it)


@dataclass(frozen=True)
class PublicState:
    state: str  # published, unpublished, deleted, moved (an old slug) or unknown
    slug: str = ""  # the publication's slug (where an old slug redirects)
    pk: int = 0
    generation: int = 0
    latest: int = 0  # the latest version's number
    changed: float = 0.0  # when the public pages last changed, as a timestamp (Last-Modified)


def _state_key(slug: str) -> str:
    return f"public:state:{slug}"


# Each process remembers a slug's state for this long, so a public page costs one shared-cache read (its
# bytes), not two: a change reaches the other processes within these seconds (like the library revision).
_known: dict[str, tuple[float, "PublicState"]] = {}


def public_state_forget() -> None:
    _known.clear()


def public_state(slug: str) -> PublicState:
    now = time.monotonic()
    known = _known.get(slug)
    if known is not None and known[0] > now:
        return known[1]
    state = _state_read(slug)
    if len(_known) > 10_000:  # a crawler walking random slugs must not grow it without end
        _known.clear()
    _known[slug] = (now + settings.PUBLIC_STATE_RECHECK_SECONDS, state)
    return state


def _state_read(slug: str) -> PublicState:
    cached = cache.get(_state_key(slug))
    if cached is not None:
        return PublicState(**cached)
    row = (
        Publication.objects.filter(Q(slug=slug) | Q(old_slug=slug))
        .annotate(latest=Max("versions__number"))
        .values("pk", "slug", "state", "generation", "latest", "changed_at")
        .first()
    )
    if row is None:
        state = PublicState(UNKNOWN)
    elif row["slug"] != slug:
        state = PublicState(MOVED, slug=row["slug"])
    else:
        state = PublicState(
            row["state"], slug=slug, pk=row["pk"], generation=row["generation"], latest=row["latest"] or 0,
            changed=row["changed_at"].timestamp(),
        )  # fmt: skip
    timeout = UNKNOWN_SECONDS if state.state == UNKNOWN else settings.PUBLIC_CACHE_SECONDS
    cache.set(_state_key(slug), state.__dict__, timeout)
    return state


def public_cache_forget(publication: Publication) -> None:
    """Forget the cached state of a publication's slugs now and again once the change is committed (in
    between, another request could cache the old state again). Its cached pages are keyed by generation:
    never read again."""
    slugs = [s for s in (publication.slug, publication.old_slug) if s]
    keys = [_state_key(s) for s in slugs]

    def forget() -> None:
        cache.delete_many(keys)
        for slug in slugs:
            _known.pop(slug, None)

    forget()
    transaction.on_commit(forget)


@dataclass(frozen=True)
class Rendered:
    body: bytes
    content_type: str


def public_response(
    request: HttpRequest, state: PublicState, page: str, render: Callable[[], Rendered]
) -> HttpResponse:
    """The page `page` of a published policy from the cache (rendered once per generation), with ETag,
    Last-Modified and Cache-Control: public; a 304 when the client's copy is current."""
    key = f"public:page:{state.pk}:{state.generation}:{page}"
    entry: dict[str, Any] | None = cache.get(key)
    if entry is None:
        rendered = render()
        entry = {
            "body": rendered.body, "type": rendered.content_type,
            "etag": '"' + hashlib.sha256(rendered.body).hexdigest()[:32] + '"',
        }  # fmt: skip
        cache.set(key, entry, settings.PUBLIC_CACHE_SECONDS)
    not_modified = get_conditional_response(request, etag=entry["etag"], last_modified=int(state.changed))
    response = not_modified or HttpResponse(entry["body"], content_type=entry["type"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(state.changed)
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_MAX_AGE_SECONDS)
    return response
