"""manage.py dumpclauses: write the database copy of the clause library back to its files."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from policybuilder.library.file_writer import library_files_write
from policybuilder.library.selectors import library_snapshot, services_in_file_order
from policybuilder.library.services import library_mark_dumped


class Command(BaseCommand):
    # The repair tools for a broken stored clause, which the system checks report: they must run regardless.
    requires_system_checks: list[str] = []
    help = (
        "Write the clauses and services in the database to clauses/ (the files git reviews). "
        "Unchanged files are not touched; run it again and nothing changes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", type=Path, default=settings.CLAUSES_DIR, help="The clause library folder (default: clauses/)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = replace(library_snapshot(), services=tuple(services_in_file_order()))
        report = library_files_write(options["dir"], data=data)
        library_mark_dumped()
        self.stdout.write(f"Clause library dumped: {report.summary()}")
        for name in report.written:
            self.stdout.write(f"  wrote {name}")
        for name in report.removed:
            self.stdout.write(f"  removed {name}")
