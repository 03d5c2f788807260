"""The public pages of a published policy: thin views over the cache (public_cache.py) and the stored
renderings (pages.py). Unknown and unpublished addresses look alike (404); deleted ones answer 410.
Those answers are in the visitor's language: an address with no policy has no policy's language to
use, and an unpublished one must not show its policy's."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from policybuilder.documents.pdf_jobs import FAILED, READY, pdf_asked_again, pdf_stored
from policybuilder.languages import language
from policybuilder.publishing import pages
from policybuilder.publishing.models import DELETED, PUBLISHED, PublishedVersion
from policybuilder.publishing.public_cache import MOVED, PublicState, Rendered, public_response, public_state

# A published version never changes: its PDF may be kept a day.
IMMUTABLE_SECONDS = 86400


def _published(request: HttpRequest, slug: str) -> PublicState | HttpResponse:
    """The publication's state, or the answer for an address with no published policy."""
    if slug != slug.lower():
        return HttpResponsePermanentRedirect(request.get_full_path().replace(f"/p/{slug}/", f"/p/{slug.lower()}/", 1))
    state = public_state(slug)
    if state.state == MOVED:  # the address before the owner renamed it
        return HttpResponsePermanentRedirect(request.get_full_path().replace(f"/p/{slug}/", f"/p/{state.slug}/", 1))
    if state.state == DELETED:
        return render(request, "publishing/gone.html", status=410)
    if state.state != PUBLISHED or not state.latest:
        return render(request, "publishing/missing.html", status=404)
    return state


def _page(request: HttpRequest, slug: str, page: str, build: Callable[[PublicState], Rendered]) -> HttpResponse:
    state = _published(request, slug)
    if isinstance(state, HttpResponse):
        return state
    response = public_response(request, state, page, lambda: build(state))
    if page in {"embed", "json"}:
        response["Access-Control-Allow-Origin"] = "*"  # public text, for a shop's own page or server to fetch
    return response


@require_safe
def latest(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, slug, "latest", lambda s: pages.policy_page(s.pk, s.latest, s.latest))


def _numbered(
    request: HttpRequest, slug: str, number: int, page: str, build: Callable[[PublicState], Rendered]
) -> HttpResponse:
    """A page of one version: 404 for a number never published."""
    state = _published(request, slug)
    if isinstance(state, HttpResponse):
        return state
    if not 1 <= number <= state.latest:
        return render(request, "publishing/missing.html", status=404)
    return public_response(request, state, f"{page}{number}", lambda: build(state))


@require_safe
def version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _numbered(request, slug, number, "v", lambda s: pages.policy_page(s.pk, number, s.latest))


@require_safe
def changes(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _numbered(request, slug, number, "changes", lambda s: pages.changes_page(s.pk, number, s.latest))


@require_safe
def versions(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, slug, "versions", lambda s: pages.versions_page(s.pk, s.latest))


@require_safe
def feed(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, slug, "feed", lambda s: pages.feed_document(request, s.pk, s.latest))


@require_safe
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, slug, "embed", lambda s: pages.embed_fragment(s.pk, s.latest))


@require_safe
def data(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, slug, "json", lambda s: pages.policy_data(s.pk, s.latest))


@require_safe
def pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """A version's stored PDF; while the worker prepares it, a page saying so (503 with Retry-After)."""
    state = _published(request, slug)
    if isinstance(state, HttpResponse):
        return state
    version = get_object_or_404(
        PublishedVersion.objects.select_related("saved"), publication_id=state.pk, number=number
    )
    saved = version.saved
    content = pdf_stored(saved)
    if content is None and saved.pdf_status not in {READY, FAILED}:
        pdf_asked_again(saved)
        content = pdf_stored(saved)
    if content is None:
        context = {
            "retry": reverse("publishing:pdf", kwargs={"slug": state.slug, "number": number}),
            "page": reverse("publishing:version", kwargs={"slug": state.slug, "number": number}),
            "failed": saved.pdf_status == FAILED,
        }
        with translation.override(language(pages.version_language(version)).django):  # as the policy's pages
            response = render(request, "publishing/pdf_wait.html", context, status=503)
        response["Retry-After"] = "10"
        return response
    response = HttpResponse(content, content_type="application/pdf")
    name = f"{state.slug}-privacy-policy-v{number}.pdf"
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=name) or ""
    response["Cache-Control"] = f"public, max-age={IMMUTABLE_SECONDS}"
    return response
