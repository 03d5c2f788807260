"""A saved policy's PDF: rendered once by the Celery worker, stored, then served from storage.

A web worker never renders a PDF: it asks for one (`pdf_request`) and serves what is stored. The
render runs in `tasks.policy_pdf_render`, which retries with backoff and, at the last failure, marks
the policy's PDF failed so that the page can say so and offer the HTML.
"""

import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction

from policybuilder.celery import app
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf import pdf_meta, pdf_render

logger = logging.getLogger(__name__)

READY, PENDING, FAILED = "ready", "pending", "failed"

ASK_AGAIN_SECONDS = 600  # how long a download waits before asking the worker again for a missing PDF


def _asked_key(saved: SavedPolicy) -> str:
    return f"pdf-asked:{saved.pk}"


def pdf_store(saved: SavedPolicy) -> None:
    """Render the saved HTML and store the bytes; raises PdfError (logged by pdf_render)."""
    data = pdf_render(html=saved.html, meta=pdf_meta(saved.answers))
    storage = saved.pdf.storage
    old = saved.pdf.name  # a retry after a stored file was lost
    name = storage.save(f"pdf/{saved.token[:12]}-{saved.content_hash[:16]}.pdf", ContentFile(data))
    if not SavedPolicy.objects.filter(pk=saved.pk).update(pdf=name, pdf_status=READY):
        storage.delete(name)  # the owner deleted the policy while it rendered
        return
    if old and old != name:
        storage.delete(old)
    saved.pdf.name, saved.pdf_status = name, READY
    cache.delete(_asked_key(saved))  # done: a file lost later may be asked for again at once
    logger.info("PDF of policy %s stored (%s bytes)", saved.pk, len(data))


def pdf_failed(saved_id: int) -> None:
    SavedPolicy.objects.filter(pk=saved_id).update(pdf_status=FAILED)


def pdf_request(saved: SavedPolicy) -> None:
    """Ask the worker for this policy's PDF: now, in this process, when tasks run eagerly (make run, the
    tests); else once the row is committed, so the worker finds it. A broker that cannot be reached
    leaves the PDF pending (the page says so) and is logged; the publish itself still succeeds."""
    from policybuilder.documents.tasks import policy_pdf_render  # the task module imports this one

    cache.set(_asked_key(saved), 1, ASK_AGAIN_SECONDS)  # a download meanwhile waits instead of asking again
    if app.conf.task_always_eager:
        policy_pdf_render.apply(args=[saved.pk])
        saved.refresh_from_db(fields=["pdf", "pdf_status"])
        return

    def send() -> None:
        try:
            policy_pdf_render.delay(saved.pk)
        except Exception:  # kombu's connection errors: the broker is down
            logger.exception("could not ask the worker for the PDF of policy %s", saved.pk)

    transaction.on_commit(send)


def pdf_asked_again(saved: SavedPolicy) -> None:
    """Ask for a PDF that should exist but does not (a policy saved before the worker, a lost file), at
    most once per ASK_AGAIN_SECONDS per policy across all web workers (the shared cache)."""
    if not cache.get(_asked_key(saved)):
        if saved.pdf_status == READY:
            SavedPolicy.objects.filter(pk=saved.pk).update(pdf_status=PENDING)
            saved.pdf_status = PENDING
        pdf_request(saved)


def pdf_stored(saved: SavedPolicy) -> bytes | None:
    """The stored PDF's bytes, or None when it is not ready or the file is gone."""
    if saved.pdf_status != READY or not saved.pdf:
        return None
    try:
        with saved.pdf.open("rb") as stored:
            return stored.read()
    except FileNotFoundError:
        logger.warning("the stored PDF of policy %s is missing", saved.pk)
        return None
