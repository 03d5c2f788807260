"""Writes for published policies: start, publish a version, unpublish, rename, notify, erase. Each one
changes what the public sees only at the owner's request, and bumps the publication's generation so the
cached public pages of the old state are never served again."""

import logging

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_store
from policybuilder.languages import language
from policybuilder.publishing.candidate import candidate_build
from policybuilder.publishing.changes import change_headline
from policybuilder.publishing.models import DELETED, PUBLISHED, UNPUBLISHED, Publication, PublishedVersion
from policybuilder.publishing.public_cache import public_cache_forget
from policybuilder.publishing.slugs import SlugRefused, slug_check

logger = logging.getLogger(__name__)


class NothingToPublish(Exception):
    """The version the public sees already says exactly this."""


class CandidateChanged(Exception):
    """What would be published is not what the owner was shown (the library or the answers changed
    meanwhile): they see the new summary and decide again."""


def publication_of(*, family: str) -> Publication | None:
    return Publication.objects.filter(family=family).first()


def latest_version(publication: Publication) -> PublishedVersion | None:
    return publication.versions.select_related("saved").first()


def publication_start(*, source: SavedPolicy, slug: str, notify_email: str, expected: str) -> PublishedVersion:
    """Publish `source` at /p/<slug>/ for the first time. Raises SlugRefused or CandidateChanged."""
    with transaction.atomic():
        slug = slug_check(slug)
        if publication_of(family=source.family) is not None:
            raise SlugRefused(_("This policy is published already."))
        publication = Publication.objects.create(slug=slug, family=source.family, notify_email=notify_email)
        version = _version_add(publication=publication, source=source, latest=None, expected=expected)
    public_cache_forget(publication)
    logger.info("publication %s started", publication.pk)
    return version


def version_publish(*, publication: Publication, source: SavedPolicy, expected: str) -> PublishedVersion:
    """Publish `source` as the next version (after "Change answers", or a library update), and make the
    page public again if it was not. Raises NothingToPublish or CandidateChanged."""
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication.pk)
        version = _version_add(
            publication=publication, source=source, latest=latest_version(publication), expected=expected
        )
    public_cache_forget(publication)
    return version


def _version_add(
    *, publication: Publication, source: SavedPolicy, latest: PublishedVersion | None, expected: str
) -> PublishedVersion:
    candidate = candidate_build(source=source, slug=publication.slug, latest=latest)
    if candidate is None:
        raise NothingToPublish
    if candidate.token != expected:
        raise CandidateChanged
    # The stored policy the owner read, when it is exactly what is published; else the new text is saved
    # as one more policy of the family (with its own PDF), so the public version is a stored rendering.
    saved = (
        source
        if source.content_hash == candidate.fingerprint
        else policy_store(policy=candidate.policy, family=source.family)
    )
    with translation.override(language(candidate.language).django):  # stored, for the version's readers
        headline = change_headline(candidate.changes, first=latest is None)
    version = PublishedVersion.objects.create(
        publication=publication,
        number=latest.number + 1 if latest else 1,
        saved=saved,
        published_at=timezone.now(),
        headline=headline[:300],
        changes=candidate.changes,
        snapshot=candidate.snapshot,
    )
    Publication.objects.filter(pk=publication.pk).update(
        state=PUBLISHED, notified_at=None, generation=publication.generation + 1, changed_at=timezone.now()
    )
    logger.info("publication %s: version %s published", publication.pk, version.number)
    return version


def _change(publication: Publication, **fields: object) -> None:
    with transaction.atomic():
        row = Publication.objects.select_for_update().get(pk=publication.pk)
        for name, value in fields.items():
            setattr(row, name, value)
        row.generation += 1
        row.save()
    public_cache_forget(row)  # after a rename, the row holds both slugs: the old one now redirects


def publication_unpublish(publication: Publication) -> None:
    """Take the public pages down (404) until the owner publishes again; the versions are kept."""
    _change(publication, state=UNPUBLISHED)


def publication_republish(publication: Publication) -> None:
    """Show the latest version again after unpublishing."""
    _change(publication, state=PUBLISHED)


def publication_rename(publication: Publication, *, slug: str) -> Publication:
    """The one rename allowed: the old address redirects to the new. Raises SlugRefused."""
    if publication.old_slug:
        raise SlugRefused(
            _("The address was changed once already (from /p/%(slug)s/).") % {"slug": publication.old_slug}
        )
    new = slug_check(slug, keep=publication)
    if new == publication.slug:
        raise SlugRefused(_("/p/%(slug)s/ is the address already.") % {"slug": new})
    _change(publication, slug=new, old_slug=publication.slug)
    return Publication.objects.get(pk=publication.pk)


def publication_notify(publication: Publication, *, email: str) -> None:
    """Email `email` when a library update is ready ("" to stop)."""
    _change(publication, notify_email=email, notified_at=None)


def publication_erase(*, family: str) -> None:
    """Part of "Delete my answers and policies": the versions go, and the publication stays only as its
    slugs, so the public pages answer 410 Gone and the address is never given to another shop."""
    publication = publication_of(family=family)
    if publication is None:
        return
    with transaction.atomic():
        publication.versions.all().delete()
        _change(publication, state=DELETED, family=None, notify_email="", notified_at=None)
    logger.info("publication %s deleted at its owner's request", publication.pk)
