"""The tax-record rule of every country a shop can pick: how long order and invoice records are kept.

The rows live in clauses/tax-records.yaml, one per ISO 3166-1 country, each with its source and the date
it was confirmed. The file is read at run time, once per process, rather than copied into code: it is
reviewed legal data like clauses/laws.yaml, kept where the people who check sources read and change it,
so the table a policy uses is always the reviewed file and never a second copy that drifts from it. It is
not loaded into the database because nobody edits it in the admin; settings.CLAUSES_DIR points at it in
development, tests and the Docker image alike.

A row nobody has confirmed names no law and no number of its own: the policy keeps order records for
UNCONFIRMED_YEARS "to meet our record-keeping rules", and the "To confirm" list asks the owner.

A confirmed rule carries its translations, pinned like the clause library's to the English they translate
(`translates`: the 12-hex revision of `rule`, see rule_revision): when the English rule changes, they are
stale, and a policy in that language cannot be built until they are brought up to date.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import gettext_noop

from policybuilder.languages import SOURCE, TRANSLATED, text_languages

# Longer than most confirmed rules (5 to 10 years), so a shop in an unchecked country is unlikely to
# delete records its law still requires; the owner is asked to confirm it either way.
UNCONFIRMED_YEARS = 10
# English here: retention_resolve translates it into the policy's language (a confirmed row's rule stays as
# the reviewed file words it).
# Translators: completes "to meet ..." and "under ..." after a retention period.
UNCONFIRMED_RULE = gettext_noop("our record-keeping rules")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COUNTED_FROM = ("", "calendar_year", "financial_year")
_MAX_YEARS = 30  # the answers schema's highest orders_years


class TaxRecordsError(ValueError):
    """clauses/tax-records.yaml holds a row that cannot be used; the message names the row."""


@dataclass(frozen=True)
class TaxRecordRule:
    country: str  # ISO 3166-1 alpha-2
    years: int
    rule: str  # completes "to meet ..." and "under ..."
    source: str  # statute or regulator page with its section; "" when not confirmed
    checked: str  # the date the row was confirmed; "" when not confirmed
    confirmed: bool
    translations: tuple[tuple[str, str], ...] = ()  # (language code, rule in it), as the file gives them
    translates: str = ""  # the revision of `rule` the translations were made from
    counted_from: str = ""  # "calendar_year" | "financial_year": the period runs from the end of that year

    def rule_in(self, code: str) -> str | None:
        """The rule in language `code`: the English for English, a current translation, else None (missing
        or stale). An unconfirmed row's rule is our own phrase, translated by gettext (retention.py)."""
        if code == SOURCE or not self.confirmed:
            return self.rule
        if self.translates != rule_revision(self.rule):
            return None
        found = dict(self.translations)
        return next((found[c] for c in text_languages(code) if c in found), None)


def rule_revision(rule: str) -> str:
    """The revision of an English rule: 12 hex digits, as the clause library's translations record it."""
    return hashlib.sha256(rule.encode()).hexdigest()[:12]


def _translations(code: str, entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    found = entry.get("translations") or {}
    if not isinstance(found, dict) or not all(isinstance(v, str) and v.strip() for v in found.values()):
        raise TaxRecordsError(f"tax-records.yaml {code}: translations maps language codes to the rule in each")
    unknown = sorted(set(found) - set(TRANSLATED))
    if unknown:
        raise TaxRecordsError(f"tax-records.yaml {code}: no such language: {', '.join(unknown)}")
    return tuple(sorted((language_code, text.strip()) for language_code, text in found.items()))


def _unconfirmed(country: str) -> TaxRecordRule:
    return TaxRecordRule(country, UNCONFIRMED_YEARS, UNCONFIRMED_RULE, source="", checked="", confirmed=False)


def _row(entry: Any) -> TaxRecordRule:
    """One file row as a rule, or TaxRecordsError naming the country and what is wrong."""
    if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
        # YAML reads an unquoted NO (Norway) as false: the hint saves a puzzled editor.
        raise TaxRecordsError(f"tax-records.yaml: a row without a quoted country code: {entry!r}")
    code = entry["code"]
    if entry.get("confirmed", True) is False:
        if any(entry.get(key) for key in ("years", "rule", "source", "checked", "translations")):
            raise TaxRecordsError(f"tax-records.yaml {code}: an unconfirmed row names no period, rule or source")
        return _unconfirmed(code)
    years, rule, source = entry.get("years"), entry.get("rule"), entry.get("source")
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= _MAX_YEARS:
        raise TaxRecordsError(f"tax-records.yaml {code}: years must be a whole number from 1 to {_MAX_YEARS}")
    if not (isinstance(rule, str) and rule.strip() and isinstance(source, str) and source.strip()):
        raise TaxRecordsError(f"tax-records.yaml {code}: a confirmed row needs its rule and its source")
    counted_from = str(entry.get("counted_from") or "")
    if counted_from not in COUNTED_FROM:
        raise TaxRecordsError(f"tax-records.yaml {code}: counted_from is calendar_year or financial_year")
    if not _DATE.fullmatch(str(entry.get("checked", ""))):
        raise TaxRecordsError(f"tax-records.yaml {code}: checked must be the date it was confirmed (YYYY-MM-DD)")
    return TaxRecordRule(
        code,
        years,
        rule.strip(),
        source.strip(),
        str(entry["checked"]),
        confirmed=True,
        translations=_translations(code, entry),
        translates=str(entry.get("translates", "")),
        counted_from=counted_from,
    )


def tax_records_read(path: Path) -> dict[str, TaxRecordRule]:
    """Every row of a tax-records file by country code; TaxRecordsError on a bad or repeated row."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise TaxRecordsError(f"{path}: {exc}") from exc
    rules: dict[str, TaxRecordRule] = {}
    for entry in entries:
        rule = _row(entry)
        if rule.country in rules:
            raise TaxRecordsError(f"tax-records.yaml {rule.country}: the country has two rows")
        rules[rule.country] = rule
    return rules


@cache
def tax_record_rules() -> dict[str, TaxRecordRule]:
    """The library's table, read on first use and kept for the life of the process."""
    return tax_records_read(Path(settings.CLAUSES_DIR) / "tax-records.yaml")


def tax_record_rule(country: str) -> TaxRecordRule:
    """The rule for a shop's country, called whenever retention is resolved; an unknown code (or none)
    gets the unconfirmed default, never another country's law."""
    return tax_record_rules().get(country.upper(), _unconfirmed(country.upper()))
