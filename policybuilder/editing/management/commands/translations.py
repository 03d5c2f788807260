"""manage.py translations: where each language stands, the texts still to translate (with the revision
of the English each must record), and a check that builds every sample shop's policy in a language."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.english_words import english_leftovers
from policybuilder.documents.exporters import policy_text
from policybuilder.editing.samples import samples_all
from policybuilder.languages import TRANSLATED, language
from policybuilder.library.selectors import library_snapshot
from policybuilder.library.translations import source_revision, sources, translation_states


def answer_strings(value: Any) -> list[str]:
    """Every string in an answer set: the owner's free text and names stay as typed in any language."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in answer_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in answer_strings(v)]
    return [value] if isinstance(value, str) else []


def policy_leftovers(policy: Any) -> list[str]:
    """English words left in a translated policy, beyond the names it quotes and the owner's own text."""
    names = answer_strings(policy.answers) + [policy.facts.shop.legal_name, policy.facts.shop.address]
    names += [n for p in policy.facts.services for n in (p.name, p.company, *dict(p.entities).values())]
    return english_leftovers(policy_text(policy), names=names)


class Command(BaseCommand):
    help = "Translation status per language; --list CODE: what is left to translate; --check CODE: build every sample."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--list", metavar="CODE", choices=TRANSLATED, help="List the missing and stale texts.")
        parser.add_argument("--check", metavar="CODE", choices=TRANSLATED, help="Build every sample in CODE.")

    def handle(self, *args: Any, **options: Any) -> None:
        data = library_snapshot()
        if options["list"]:
            self._list(data, options["list"])
        elif options["check"]:
            self._check(options["check"])
        else:
            for code in TRANSLATED:
                states = translation_states(data, languages=(code,))
                counts = {name: sum(1 for s in states if s.state == name) for name in ("confirmed", "machine", "stale", "missing")}  # fmt: skip
                self.stdout.write(f"{language(code).name}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))

    def _list(self, data: Any, code: str) -> None:
        english = sources(data)
        for s in translation_states(data, languages=(code,)):
            if not s.usable:
                revision = source_revision(s.kind, english[(s.kind, s.key)])
                self.stdout.write(f"{s.state}\t{s.kind}\t{s.key}\ttranslates: {revision}")
        self.stdout.write(f"(files under {settings.CLAUSES_DIR})")

    def _check(self, code: str) -> None:
        failed = 0
        for sample in samples_all().values():
            try:
                policy = policy_assemble(answers=sample.answers | {"language": code})
            except InvalidAnswers as exc:
                failed += 1
                self.stdout.write(f"{sample.slug}: {'; '.join(exc.errors)}")
                continue
            left = policy_leftovers(policy)
            if left:
                failed += 1
                self.stdout.write(f"{sample.slug}: English words left: {', '.join(left)}")
        if failed:
            raise CommandError(f"{failed} sample policies are not yet right in {language(code).name}", returncode=1)
        self.stdout.write(f"Every sample builds in {language(code).name}, with no English words left.")
