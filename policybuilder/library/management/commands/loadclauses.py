"""manage.py loadclauses: copy the clause library files into the database."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.languages import TRANSLATED, language
from policybuilder.library.files import LibraryFileError, library_files_read
from policybuilder.library.selectors import library_diff, library_snapshot
from policybuilder.library.services import library_files_load
from policybuilder.library.translations import MISSING, STALE, translation_states
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
        database = library_snapshot()
        differences = library_diff(files=files, database=database)
        for line in differences:
            self.stdout.write(f"  {line}")
        stale = self._translations(database)
        if differences:
            raise CommandError(
                f"{len(differences)} difference{'s' if len(differences) > 1 else ''} between the files and the database: "
                "`dumpclauses` writes the database to the files, `loadclauses --force` the files to the database.",
                returncode=1,
            )
        if stale:
            raise CommandError(
                f"{stale} stale translation{'s' if stale > 1 else ''}: the English changed after {'it was' if stale == 1 else 'they were'} "
                "translated. Update each in the admin (Translations, filtered by stale) and record the new revision.",
                returncode=1,
            )
        self.stdout.write("The clause library files and the database agree.")

    def _translations(self, database: LibraryData) -> int:
        """List the stale translations (and count the missing ones per language); return how many are stale."""
        states = [s for s in translation_states(database) if not s.usable]
        stale = [s for s in states if s.state == STALE]
        for s in stale:
            self.stdout.write(f"  stale translation: {language(s.language).name} {s.sentence()}")
        for code in TRANSLATED:
            missing = sum(1 for s in states if s.state == MISSING and s.language == code)
            if missing:
                self.stdout.write(f"  {language(code).name}: {missing} texts not translated yet")
        return len(stale)
