"""manage.py loadclauses: copy the clause library files into the database."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.library.files import LibraryFileError, library_files_read
from policybuilder.library.services import library_load


class Command(BaseCommand):
    help = "Load the clause library (clauses/) into the database. Safe to run again: unchanged rows stay."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", type=Path, default=settings.CLAUSES_DIR, help="The clause library folder (default: clauses/)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite clauses and services that an editor changed."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = library_files_read(options["dir"])
        except LibraryFileError as exc:
            raise CommandError(str(exc)) from exc
        report = library_load(data=data, force=options["force"])
        self.stdout.write(f"Clause library loaded: {report.summary()}")
        for name in report.kept_edits:
            self.stdout.write(f"  kept editor's change: {name}")
