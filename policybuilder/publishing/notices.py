"""Library updates for published policies: which publications an editor's change would change, and the
email to owners who asked for one. Nothing is published here: the owner's button does that."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from policybuilder.documents.assemble import InvalidAnswers
from policybuilder.languages import language
from policybuilder.publishing.candidate import candidate_build
from policybuilder.publishing.models import PUBLISHED, Publication
from policybuilder.publishing.pages import public_url
from policybuilder.publishing.services import latest_version

logger = logging.getLogger(__name__)


def update_notice_send(publication: Publication) -> bool:
    """Email the owner that an update is ready, once per update, if it is; returns whether one was sent."""
    latest = latest_version(publication)
    if latest is None or not publication.notify_email:
        return False
    try:
        candidate = candidate_build(source=latest.saved, slug=publication.slug, latest=latest)
    except InvalidAnswers:  # the answers no longer fit the catalogue: the manage page says so
        candidate = None
        logger.warning("publication %s: its answers no longer fit the library", publication.pk)
    if candidate is None:
        return False
    context = {
        "shop": latest.saved.shop_name,
        "changes": candidate.changes,
        "public_url": public_url("latest", publication.slug),
        "manage_url": settings.SITE_URL + reverse("publishing:manage", kwargs={"token": latest.saved.token}),
    }
    # In the policy's language, as its change lines are: the owner chose it, and the owner's interface
    # language is not stored (the worker that sends this has no request).
    with translation.override(language(latest.saved.language).django):
        subject = _("An update to the privacy policy of %(shop)s is ready") % {"shop": context["shop"]}
        message = render_to_string("publishing/update_email.txt", context)
    send_mail(subject=subject, message=message, from_email=None, recipient_list=[publication.notify_email])
    Publication.objects.filter(pk=publication.pk).update(notified_at=timezone.now())
    logger.info("publication %s: update notice sent", publication.pk)
    return True


def update_notices_send() -> int:
    """Look at every published policy whose owner asked for notices and has none pending."""
    waiting = Publication.objects.filter(state=PUBLISHED, notified_at__isnull=True).exclude(notify_email="")
    return sum(update_notice_send(publication) for publication in waiting.iterator(chunk_size=200))
