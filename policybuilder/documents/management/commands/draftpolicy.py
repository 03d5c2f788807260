"""manage.py draftpolicy ANSWERS.json: a shop's answers in, a complete privacy policy out."""

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.documents.assemble import InvalidAnswers, Policy, policy_assemble, schema_current
from policybuilder.documents.engine import ClauseError
from policybuilder.documents.exporters import FORMATS, coverage_text, policy_export, policy_html
from policybuilder.documents.pdf import PdfError, policy_pdf


class Command(BaseCommand):
    help = "Draft a privacy policy from an answers file (see --schema for its format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("answers", nargs="?", type=Path, help="The shop's answers as JSON ('-' for stdin).")
        parser.add_argument(
            "--format",
            choices=(*FORMATS, "pdf"),
            default="html",
            help="Output format (default: html); pdf needs --output or standard output sent to a file.",
        )
        parser.add_argument("--output", type=Path, help="Write to this file instead of standard output.")
        parser.add_argument("--schema", action="store_true", help="Print the answers JSON Schema and stop.")
        parser.add_argument("--coverage", action="store_true", help="Print the legal coverage report instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            self._write(json.dumps(schema_current(), indent=2) + "\n", options["output"])
            return
        if options["answers"] is None:
            raise CommandError("give an answers file, or --schema")
        answers = self._read(options["answers"])
        try:
            policy = policy_assemble(answers=answers)
        except InvalidAnswers as exc:
            raise CommandError("the answers are not valid:\n" + "\n".join(f"  - {e}" for e in exc.errors)) from exc
        except ClauseError as exc:
            raise CommandError(f"cannot draft the policy: {exc}") from exc
        if options["format"] == "pdf" and not options["coverage"]:
            self._write_pdf(policy, options["output"])
            return
        text = coverage_text(policy) if options["coverage"] else policy_export(policy, options["format"])
        self._write(text, options["output"])

    def _read(self, path: Path) -> Any:
        try:
            raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
            return json.loads(raw)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc

    def _write_pdf(self, policy: Policy, output: Path | None) -> None:
        target = output if output is not None else self._stdout_binary()  # refused before the slow render
        try:
            data = policy_pdf(html=policy_html(policy), answers=policy.answers)
        except PdfError as exc:
            raise CommandError(f"{exc} The HTML export (--format html) still works.") from exc
        if isinstance(target, Path):
            target.write_bytes(data)
            self.stderr.write(f"Wrote {target}")
            return
        target.write(data)
        target.flush()

    def _stdout_binary(self) -> BinaryIO:
        stream: BinaryIO | None = getattr(self.stdout, "buffer", None)
        if stream is None or stream.isatty():
            raise CommandError("a PDF is binary: give --output FILE, or send standard output to a file")
        return stream

    def _write(self, text: str, output: Path | None) -> None:
        if output is None:
            self.stdout.write(text, ending="")
            return
        output.write_text(text, encoding="utf-8")
        self.stderr.write(f"Wrote {output}")
