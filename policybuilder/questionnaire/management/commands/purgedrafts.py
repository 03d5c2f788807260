"""manage.py purgedrafts: delete drafts nobody has touched for a long time."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from policybuilder.questionnaire.models import Draft


class Command(BaseCommand):
    help = (
        "Delete questionnaire drafts not changed for DAYS days (default 180). Saved policies stay: "
        "'Change answers' on one starts a new draft from its answers. Safe to run from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=180, help="Keep drafts changed within this many days.")
        parser.add_argument("--dry-run", action="store_true", help="Only say how many drafts would go.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 1:
            self.stderr.write("--days must be 1 or more")
            return
        stale = Draft.objects.filter(updated_at__lt=timezone.now() - timedelta(days=options["days"]))
        if options["dry_run"]:
            self.stdout.write(f"{stale.count()} drafts would be deleted")
            return
        deleted, _ = stale.delete()
        self.stdout.write(f"{deleted} drafts deleted")
