"""History for editors: what changed between two versions of a clause or service, and going back to one.

django-simple-history keeps every version; this module turns two versions into something an editor
reads (a line diff of the body, the other fields as before -> after) and restores an old version
through the same validation as a save.
"""

import difflib
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from policybuilder.editing.names import Problem
from policybuilder.editing.validation import clause_problems, service_problems, translation_problems
from policybuilder.library.models import Clause, Service, Translation
from policybuilder.library.selectors import clause_data, service_data

# What an editor changes; the rest (version, loaded_hash, updated_at) is bookkeeping.
EDITED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Clause: ("title", "section", "order", "when", "satisfies", "sources", "body"),
    Service: (
        "name", "kind", "company", "entities", "country", "privacy_url", "receives", "purpose", "role",
        "safeguard", "opt_out_url", "sets_cookies", "retention_months", "checked", "order",
    ),
    Translation: ("title", "body", "receives", "translates", "review"),
}  # fmt: skip
LONG_FIELDS = {"body"}  # shown as a line diff rather than before -> after


def text_diff_html(old: str, new: str) -> SafeString:
    """A line diff of two texts as escaped HTML: removed lines in <del>, added lines in <ins>, two lines of context."""
    lines = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            lines.append('<span class="diff-gap">…</span>')
        elif line.startswith("-"):
            lines.append(f"<del>{escape(line)}</del>")
        elif line.startswith("+"):
            lines.append(f"<ins>{escape(line)}</ins>")
        else:
            lines.append(escape(line))
    return mark_safe('<pre class="clause-diff">' + "\n".join(lines) + "</pre>")  # every line escaped above


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    diff: SafeString | None = None  # for long text


def record_changes(newer: Any, older: Any) -> list[FieldChange]:
    """What an editor changed from one history record (or row) to a newer one, field by field."""
    model = newer.instance_type if hasattr(newer, "instance_type") else type(newer)
    changes = []
    for name in EDITED_FIELDS[model]:
        before, after = getattr(older, name), getattr(newer, name)
        if before == after:
            continue
        label = str(model._meta.get_field(name).verbose_name).capitalize()
        diff = text_diff_html(before, after) if name in LONG_FIELDS else None
        changes.append(FieldChange(field=label, old=before, new=after, diff=diff))
    return changes


def row_problems(row: Clause | Service | Translation) -> list[Problem]:
    """Validation of a row's current values, as the admin form would run it."""
    if isinstance(row, Clause):
        return clause_problems(clause_data(row))
    if isinstance(row, Translation):
        return translation_problems(row.kind, row.key, row.title, row.body)
    return service_problems(service_data(row))


def row_revert(
    *, row: Clause | Service | Translation, record: Any, user: AbstractBaseUser | AnonymousUser
) -> list[Problem]:
    """Put the edited fields of history `record` back on `row` and save it, as a new version by `user`.

    An old version that no longer passes validation (a legal item since removed, say) is not
    restored: the problems are returned and nothing is saved.
    """
    for name in EDITED_FIELDS[type(row)]:
        setattr(row, name, getattr(record, name))
    problems = row_problems(row)
    if problems:
        return problems
    row._history_user = user  # type: ignore[union-attr]
    row._change_reason = f"Reverted to the version of {record.history_date:%Y-%m-%d %H:%M}"  # type: ignore[union-attr]
    row.save()
    return []
