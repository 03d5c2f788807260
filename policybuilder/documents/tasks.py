"""Celery tasks: the slow work no web worker does."""

from celery import shared_task
from django.conf import settings

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf import PdfError
from policybuilder.documents.pdf_jobs import pdf_failed, pdf_store

RETRIES = 3


@shared_task(
    bind=True,
    max_retries=RETRIES,
    soft_time_limit=settings.PDF_TIME_LIMIT_SECONDS,
    time_limit=settings.PDF_TIME_LIMIT_SECONDS + 10,
)
def policy_pdf_render(self, saved_id: int) -> None:  # type: ignore[no-untyped-def]
    """Render and store one saved policy's PDF; retried with backoff (30 s, 60 s, 120 s), then marked failed."""
    saved = SavedPolicy.objects.filter(pk=saved_id).first()
    if saved is None:  # deleted by its owner meanwhile
        return
    try:
        pdf_store(saved)
    except PdfError as exc:
        if self.request.is_eager or self.request.retries >= RETRIES:
            pdf_failed(saved_id)
            return
        raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
