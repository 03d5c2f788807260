"""manage.py loadclauses: copy the clause library files into the database."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.library.files import LibraryFileError, library_files_read
from policybuilder.library.selectors import library_diff, library_snapshot
from policybuilder.library.services import library_files_load
from policybuilder.library.types import LibraryData


class Command(BaseCommand):
    # The repair tools for a broken stored clause, which the system checks report: they must run regardless.
    requires_system_checks: list[str] = []
    help = (
        "Load the clause library (clauses/) into the database. Safe to run again: unchanged rows stay, "
        "and rows an editor changed stay unless --force; the files last loaded, with no row changed since, "
        "are not read again. --check only lists the differences."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", type=Path, default=settings.CLAUSES_DIR, help="The clause library folder (default: clauses/)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite clauses and services that an editor changed, and load even files unchanged since the last load.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing: list where the files and the database differ, and exit with 1 if they do.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["check"]:
                self._check(library_files_read(options["dir"]))
                return
            report = library_files_load(directory=options["dir"], force=options["force"])
        except LibraryFileError as exc:
            raise CommandError(str(exc)) from exc
        if report is None:
            self.stdout.write("Clause library unchanged since the last load: nothing to do (--force loads it anyway).")
            return
        self.stdout.write(f"Clause library loaded: {report.summary()}")
        for name in report.kept_edits:
            self.stdout.write(f"  kept editor's change: {name}")

    def _check(self, files: LibraryData) -> None:
        differences = library_diff(files=files, database=library_snapshot())
        for line in differences:
            self.stdout.write(f"  {line}")
        if differences:
            raise CommandError(
                f"{len(differences)} difference{'s' if len(differences) > 1 else ''} between the files and the database: "
                "`dumpclauses` writes the database to the files, `loadclauses --force` the files to the database.",
                returncode=1,
            )
        self.stdout.write("The clause library files and the database agree.")
