"""manage.py purgeexpired: the retention schedule in one command (README, "What we keep")."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Q
from django.utils import timezone

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policies_delete
from policybuilder.publishing.models import PUBLISHED, Publication
from policybuilder.publishing.services import publication_erase
from policybuilder.questionnaire.models import Draft


class Command(BaseCommand):
    help = (
        "Delete what the retention schedule no longer keeps: drafts not changed for DRAFT_RETENTION_DAYS, "
        "expired sessions, and policies nobody opened for POLICY_RETENTION_MONTHS (with their PDFs and "
        "the drafts that made them). Safe to run daily from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only say how much would go.")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        drafts = Draft.objects.filter(updated_at__lt=now - timedelta(days=settings.DRAFT_RETENTION_DAYS))
        sessions = Session.objects.filter(expire_date__lt=now)
        unopened_since = now - timedelta(days=30 * settings.POLICY_RETENTION_MONTHS)
        policies = SavedPolicy.objects.filter(
            Q(opened_at__lt=unopened_since) | Q(opened_at__isnull=True, created_at__lt=unopened_since)
        )
        families = set(policies.values_list("family", flat=True))
        if options["dry_run"]:
            self.stdout.write(
                f"{drafts.count()} drafts, {sessions.count()} sessions and {policies.count()} policies would be deleted"
            )
            return
        gone_drafts, _ = drafts.delete()
        gone_sessions, _ = sessions.delete()
        # A family goes only when every version in it is unused: one opened version keeps the others.
        kept = set(
            SavedPolicy.objects.filter(family__in=families).exclude(pk__in=policies).values_list("family", flat=True)
        )
        # A published policy is in use, whoever opens it: its family stays while it is public.
        published = Publication.objects.filter(family__in=families, state=PUBLISHED)
        kept |= {family for family in published.values_list("family", flat=True) if family}
        for family in families - kept:
            publication_erase(family=family)  # an unpublished page of a family that goes answers 410 from now on
        gone_policies = sum(policies_delete(family=family) for family in families - kept)
        self.stdout.write(f"{gone_drafts} drafts, {gone_sessions} sessions and {gone_policies} policies deleted")
