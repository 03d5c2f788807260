"""A saved policy in the browser: the result page and the downloads, all from the stored exports."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from policybuilder.documents.assemble import InvalidAnswers
from policybuilder.documents.coverage import decisions_grouped
from policybuilder.documents.engine import ClauseError
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf_jobs import FAILED, READY, pdf_asked_again, pdf_stored
from policybuilder.documents.services import policy_opened, policy_publish
from policybuilder.languages import CODES, LANGUAGES, OFFERED, language
from policybuilder.library.selectors import library_changed_since, library_changes_since
from policybuilder.ops.limits import rate_limited

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Download:
    label: str | Promise  # lazy: shown in the language of the page that lists it
    content_type: str
    content: Callable[[SavedPolicy], bytes]


# The formats a saved policy downloads in: a new format is one more line.
DOWNLOADS: dict[str, Download] = {
    "html": Download(gettext_lazy("Web page (HTML)"), "text/html; charset=utf-8", lambda saved: saved.html.encode()),
    "pdf": Download("PDF", "application/pdf", lambda saved: pdf_stored(saved) or b""),  # see _pdf_download
    "md": Download("Markdown", "text/markdown; charset=utf-8", lambda saved: saved.md.encode()),
    "txt": Download(gettext_lazy("Plain text"), "text/plain; charset=utf-8", lambda saved: saved.txt.encode()),
    "json": Download(gettext_lazy("JSON data"), "application/json", lambda saved: saved.json.encode()),
}


def download_name(saved: SavedPolicy, fmt: str) -> str:
    """pips-pottery-privacy-policy.html: the shop's name, so the file is easy to find again."""
    shop = slugify(saved.shop_name)
    return f"{shop}-privacy-policy.{fmt}" if shop else f"privacy-policy.{fmt}"


def coverage_report(data: dict[str, Any]) -> dict[str, Any]:
    """The saved coverage report split, per law, into covered items and gaps."""
    coverage = data["coverage"]
    laws = [
        law
        | {"covered": [i for i in law["items"] if i["covered"]], "gaps": [i for i in law["items"] if not i["covered"]]}
        | {"decisions": decisions_grouped(law.get("decisions", []))}
        for law in coverage["laws"]
    ]
    # A law the shop is too small for (its sections given anyway) has suggestions, not gaps.
    gap_count = sum(len(law["gaps"]) for law in laws if law.get("required", True))
    not_applying = decisions_grouped(
        [d for d in coverage.get("decisions", []) if not d["shown"]]
    )  # older policies: none
    return {"laws": laws, "notes": coverage["notes"], "gap_count": gap_count, "not_applying": not_applying}


def _page(
    request: HttpRequest, saved: SavedPolicy, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """A page about one policy, in the policy's language, as its exports are: the owner chose that language
    for it, and "In another language" makes another version. The language switcher is hidden there."""
    with translation.override(language(saved.language).django):
        return render(request, template, {"saved": saved, "in_policy_language": True, **context}, status=status)


def result(request: HttpRequest, token: str) -> HttpResponse:
    """The policy as generated, what is left to confirm, its coverage per law, readability, downloads
    and copy buttons, and, when the clause library changed since, what changed and an offer to regenerate."""
    saved = get_object_or_404(SavedPolicy, token=token)
    policy_opened(saved=saved)
    pdf_ready = saved.pdf_status == READY
    downloads = [
        {"fmt": fmt, "label": d.label, "name": download_name(saved, fmt), "ready": fmt != "pdf" or pdf_ready}
        for fmt, d in DOWNLOADS.items()
    ]
    changed = library_changed_since(revision=saved.library_revision)
    with translation.override(language(saved.language).django):  # its merged state lines name states in it
        coverage = coverage_report(saved.data)
    context = {
        "saved": saved,
        "data": saved.data,
        "coverage": coverage,
        "downloads": downloads,
        "library_changes": library_changes_since(since=saved.created_at) if changed else [],
        "library_changed": changed,
        # What the answers do not settle yet, each linking to its question; older policies have no list.
        "to_confirm": saved.data.get("to_confirm", []),
        "pdf_status": saved.pdf_status,
        "languages": [(lang.code, lang.native) for lang in LANGUAGES if lang.code in OFFERED],
    }
    return _page(request, saved, "documents/result.html", context)


# What the copy buttons copy: the policy's HTML for a shop's page editor, or its plain text.
COPY_SOURCES = {"html": gettext_lazy("The policy's HTML"), "text": gettext_lazy("The policy as plain text")}


def copy_source(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    """One copy source on a page of its own, to select and copy by hand (without JavaScript, or when the
    browser refuses the clipboard): the result page carries the policy once, as the policy itself."""
    if kind not in COPY_SOURCES:
        raise Http404(f"nothing to copy as {kind}")
    saved = get_object_or_404(SavedPolicy, token=token)
    content = saved.body_html if kind == "html" else saved.txt
    return _page(
        request, saved, "documents/copy_source.html", {"kind": kind, "label": COPY_SOURCES[kind], "content": content}
    )


@require_POST
def regenerate(request: HttpRequest, token: str) -> HttpResponse:
    """A new policy from the same answers and today's library; the old one stays as it was."""
    saved = get_object_or_404(SavedPolicy, token=token)
    if not library_changed_since(revision=saved.library_revision):
        return redirect(saved)  # the same library makes the same policy: nothing new to store
    limited = rate_limited(request, group="regenerate", token=token)
    if limited:
        return limited
    try:
        fresh = policy_publish(answers=saved.answers, family=saved.family)
    except InvalidAnswers as exc:  # e.g. a service the catalogue no longer lists
        return _page(request, saved, "documents/regenerate_failed.html", {"errors": exc.errors}, status=409)
    except ClauseError:
        logger.exception("regenerating policy %s failed in the clause library", saved.pk)
        return _page(request, saved, "documents/regenerate_failed.html", {"errors": []}, status=503)
    return redirect(fresh)


@require_POST
def translate(request: HttpRequest, token: str) -> HttpResponse:
    """The same answers in another language, as a new policy; the one it was made from stays as it was."""
    saved = get_object_or_404(SavedPolicy, token=token)
    code = request.POST.get("language", "")
    if code not in CODES:
        errors = [gettext_lazy("Choose one of the languages listed.")]
        return _page(request, saved, "documents/translate_failed.html", {"errors": errors}, status=400)
    if code == saved.language:
        return redirect(saved)
    limited = rate_limited(request, group="regenerate", token=token)
    if limited:
        return limited
    try:
        fresh = policy_publish(answers=saved.answers | {"language": code})
    except InvalidAnswers as exc:  # a text with no current translation: the message names each one
        return _page(request, saved, "documents/translate_failed.html", {"errors": exc.errors}, status=409)
    except ClauseError:
        logger.exception("translating policy %s failed in the clause library", saved.pk)
        return _page(request, saved, "documents/regenerate_failed.html", {"errors": []}, status=503)
    return redirect(fresh)


def download(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOADS:
        raise Http404(f"no download as {fmt}")
    saved = get_object_or_404(SavedPolicy, token=token)
    if fmt == "pdf" and (limited := rate_limited(request, group="pdf", token=token)):
        return limited
    policy_opened(saved=saved)
    if fmt == "pdf":
        return _pdf_download(request, saved)
    kind = DOWNLOADS[fmt]
    return _attachment(kind.content(saved), kind.content_type, download_name(saved, fmt))


def _pdf_download(request: HttpRequest, saved: SavedPolicy) -> HttpResponse:
    """The stored PDF; while the worker prepares it, a page that checks again (no web worker renders or
    waits); after the worker gave up, a page that says so and offers the HTML."""
    content = pdf_stored(saved)
    if content is None and saved.pdf_status != FAILED:
        pdf_asked_again(saved)  # a policy saved before the worker existed, or a lost file: asked once a while
        content = pdf_stored(saved)  # there already when tasks run eagerly (make run)
    if content is not None:
        return _attachment(content, DOWNLOADS["pdf"].content_type, download_name(saved, "pdf"))
    if saved.pdf_status == FAILED:
        return _page(request, saved, "documents/pdf_failed.html", {}, status=503)
    return _page(request, saved, "documents/pdf_preparing.html", {}, status=202)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
