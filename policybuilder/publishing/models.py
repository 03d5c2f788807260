"""A shop's public policy page and its numbered, immutable versions."""

from django.db import models
from django.urls import reverse

from policybuilder.documents.models import SavedPolicy

PUBLISHED, UNPUBLISHED, DELETED = "published", "unpublished", "deleted"


class Publication(models.Model):
    """One shop's public address, /p/<slug>/. It belongs to a family of saved policies (every version
    made from one set of answers); its versions are what the public sees. A deleted publication stays as
    a tombstone holding only its slugs, so its pages answer 410 Gone and nobody else takes its address."""

    slug = models.SlugField(max_length=60, unique=True)
    # The slug before the one rename allowed: its pages redirect to the new one, and nobody else gets it.
    old_slug = models.SlugField(max_length=60, unique=True, null=True, blank=True)
    # The owner's family of saved policies (SavedPolicy.family); None once deleted.
    family = models.CharField(max_length=64, unique=True, null=True, blank=True)
    state = models.CharField(
        max_length=12,
        choices=[(PUBLISHED, "Published"), (UNPUBLISHED, "Unpublished"), (DELETED, "Deleted")],
        default=PUBLISHED,
    )
    # Where to say that a library update is ready, given with the owner's consent when publishing; ""
    # without it. notified_at: when that was last said, cleared by the next publish (one email per update).
    notify_email = models.EmailField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every change the public pages show (a version, a rename, unpublishing): the cached
    # renderings of the old state are never read again (publishing/public_cache.py).
    generation = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"/p/{self.slug}/ ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return reverse("publishing:latest", kwargs={"slug": self.slug})


class PublishedVersion(models.Model):
    """One published version, never changed: its text is a SavedPolicy's stored exports."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # PROTECT: a saved policy that is a public version goes only with its publication (publishing/services).
    saved = models.ForeignKey(SavedPolicy, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField()
    # What a reader is told changed since the version before (publishing/changes.py), one line for the
    # version list, and the digest of this version the next one is compared with (publishing/snapshot.py).
    headline = models.CharField(max_length=300)
    changes = models.JSONField(default=list)
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["publication", "number"], name="one_version_number")]

    def __str__(self) -> str:
        return f"{self.publication.slug} v{self.number}"
