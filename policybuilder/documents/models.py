"""A saved policy: the exports exactly as they were generated, never rendered again."""

import json
import secrets
from functools import cached_property
from typing import Any

from django.db import models
from django.urls import reverse


def token_new() -> str:
    """An unguessable token for a private link (192 bits, URL-safe)."""
    return secrets.token_urlsafe(24)


class SavedPolicy(models.Model):
    """One generated policy. A later clause edit never changes it: its text is stored, not its recipe."""

    # unique: the index serves the result page's and the downloads' lookup by token.
    token = models.CharField(max_length=64, unique=True, default=token_new, editable=False)
    answers = models.JSONField()
    body_html = models.TextField(help_text="The policy's markup inside the HTML export, shown on the result page.")
    html = models.TextField()
    md = models.TextField()
    txt = models.TextField()
    json = models.TextField()
    library_revision = models.CharField(max_length=64)
    content_hash = models.CharField(max_length=64, help_text="sha256 of the HTML export")
    # One token for a policy and every later version made from it (regenerate, Change answers): what
    # "Delete my answers and policies" removes together. The index serves that deletion.
    family = models.CharField(max_length=64, default=token_new, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the owner last opened the result page or a download (at most one write a day); the
    # retention schedule deletes policies nobody opened for POLICY_RETENTION_MONTHS.
    opened_at = models.DateTimeField(null=True, blank=True)
    # The PDF, rendered once by the worker from `html` and stored (documents/pdf_jobs.py).
    pdf = models.FileField(upload_to="pdf/", blank=True)
    pdf_status = models.CharField(
        max_length=10,
        choices=[("pending", "Preparing"), ("ready", "Ready"), ("failed", "Failed")],
        default="pending",
    )

    class Meta:
        verbose_name_plural = "saved policies"

    def __str__(self) -> str:
        return f"{self.shop_name} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("documents:result", kwargs={"token": self.token})

    @property
    def shop_name(self) -> str:
        return str(self.answers.get("business", {}).get("name", ""))

    @property
    def language(self) -> str:
        """The language the policy is written in (the answers contract's code: "en", "pt-BR")."""
        return str(self.answers.get("language") or "en")

    @cached_property
    def data(self) -> dict[str, Any]:
        """The JSON export parsed: coverage report, readability figures and notes as generated."""
        return json.loads(self.json)
