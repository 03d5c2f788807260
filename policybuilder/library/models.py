"""The runtime copy of the clause library: what editors change in the admin.

The files under clauses/ are the reviewed source; `manage.py loadclauses` copies them here.
"""

from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from policybuilder.languages import LANGUAGES, SOURCE

TRANSLATED_LANGUAGES = tuple(lang for lang in LANGUAGES if lang.code != SOURCE)


class Section(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class Versioned(models.Model):
    """A row editors change: its version goes up on every save.

    The admin form carries the version it was opened at, so a second editor saving the same row
    is told about the first one's change instead of silently overwriting it.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            # Read, not incremented in memory: a revert copies an old row, old version number included.
            current = type(self)._default_manager.filter(pk=self.pk).values_list("version", flat=True).first()
            self.version = (current or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class Clause(Versioned):
    slug = models.SlugField(max_length=80, unique=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="clauses")
    title = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    when = models.CharField(
        max_length=500,
        default="true",
        help_text="A Jinja expression over the facts; the clause is used when it is true.",
    )
    satisfies = models.JSONField(default=list, blank=True, help_text="Legal item ids this clause covers.")
    sources = models.JSONField(default=list, blank=True, help_text="Seed files or laws the practice comes from.")
    body = models.TextField(help_text="Markdown with Jinja variables.")
    # Hash of the file text last loaded into this row: a row whose own hash differs was edited here.
    loaded_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__order", "order", "slug"]

    def __str__(self) -> str:
        return self.title


class Service(Versioned):
    class Kind(models.TextChoices):
        PAYMENT = "payment", "Payments"
        ANALYTICS = "analytics", "Analytics"
        ADVERTISING = "advertising", "Advertising"
        NEWSLETTER = "newsletter", "Newsletter"
        SHIPPING = "shipping", "Shipping"
        PLATFORM = "platform", "Shop platform"

    class Role(models.TextChoices):
        PROCESSOR = "processor", "Processor (acts for the shop)"
        CONTROLLER = "controller", "Independent controller"
        JOINT = "joint", "Joint controller for the collection on the shop's site"

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    company = models.CharField(max_length=200)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code of the company's headquarters.")
    privacy_url = models.URLField()
    receives = models.JSONField(default=list)
    purpose = models.CharField(max_length=300, help_text='Completes "We use <name> to ...".')
    role = models.CharField(max_length=20, choices=Role.choices)
    safeguard = models.CharField(max_length=300, blank=True)
    opt_out_url = models.URLField(blank=True)
    sets_cookies = models.BooleanField(default=True, help_text="Whether it stores cookies or similar on the device.")
    entities = models.JSONField(
        default=dict,
        blank=True,
        help_text='The company customers in a region deal with, where it differs: {"EU": "...", "GB": "..."}.',
    )
    retention_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="How long the tool keeps data by default, in months, where known."
    )
    checked = models.CharField(max_length=10, blank=True, help_text="The date these facts were last checked.")
    order = models.PositiveIntegerField(default=0)
    loaded_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "order", "slug"]

    def __str__(self) -> str:
        return self.name


class Law(models.Model):
    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    citation = models.CharField(max_length=300)
    applies = models.CharField(max_length=500, help_text="When the law applies, in plain words.")
    authority = models.CharField(max_length=200)
    authority_url = models.URLField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class LegalItem(models.Model):
    class Level(models.TextChoices):
        REQUIRED = "R", "Required"
        CONDITIONAL = "C", "When the condition holds"
        GOOD_PRACTICE = "BP", "Good practice"

    item_id = models.CharField(max_length=40, unique=True)
    law = models.CharField(max_length=20, help_text="all, gdpr, us, us-ca, ca, br, au or children.")
    citation = models.CharField(max_length=300)
    summary = models.CharField(max_length=500)
    level = models.CharField(max_length=2, choices=Level.choices)
    applies = models.CharField(max_length=500, default="true", help_text="A Jinja expression over the facts.")
    hint = models.CharField(max_length=500, help_text="What to do when no clause covers this item.")
    covered_if = models.CharField(
        max_length=500,
        default="true",
        help_text="A Jinja expression over the facts: the item counts as covered only when it holds as well.",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.item_id


class LibraryRevision(models.Model):
    """One row whose token changes on every library change.

    Each process keeps a compiled copy of the library and compares this token (one cheap
    query) before using it, so an editor's change reaches every worker without a restart.
    A random token, not a counter: a rolled-back change must never reuse a number.
    """

    token = models.CharField(max_length=32)
    # What the last `loadclauses` loaded: the fingerprint of its files (services.library_files_fingerprint)
    # and the token that load left. While the token is still that one, no row has changed since (every
    # change bumps it), so loading the same files again would change nothing: the next start skips it.
    files_hash = models.CharField(max_length=64, blank=True)
    files_token = models.CharField(max_length=32, blank=True)


class Translation(Versioned):
    """A clause, section title or service text in another language, pinned to the English it translates:
    `translates` is the source revision (library/translations.py) of the English it was made from."""

    class Kind(models.TextChoices):
        CLAUSE = "clause", "Clause"
        SECTION = "section", "Section title"
        SERVICE = "service", "Service (purpose and data received)"

    class Review(models.TextChoices):
        MACHINE = "machine", "Machine-written: needs a native speaker's legal review"
        CONFIRMED = "confirmed", "Reviewed and confirmed by an editor"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.SlugField(max_length=80, help_text="The slug of the clause, section or service it translates.")
    language = models.CharField(max_length=8, choices=[(lang.code, lang.name) for lang in TRANSLATED_LANGUAGES])
    title = models.CharField(max_length=200, blank=True, help_text="A clause's or section's title.")
    body = models.TextField(blank=True, help_text="A clause's body (Markdown with Jinja), or a service's purpose.")
    receives = models.JSONField(default=list, blank=True, help_text="A service's phrases for the data it receives.")
    translates = models.CharField(
        max_length=12, help_text="The revision of the English text this translates; it is stale when they differ."
    )
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.MACHINE)
    loaded_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["language", "kind", "key"]
        constraints = [models.UniqueConstraint(fields=["kind", "key", "language"], name="one_translation_each")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key} ({self.language})"
