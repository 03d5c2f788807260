"""`manage.py check` (and so every start) validates every stored clause, as the admin does on save.

A clause written straight into the database, or loaded with `loadclauses --force` from a file that
was never tried, is caught here rather than on a shop owner's result page.
"""

from typing import Any

from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError

from policybuilder.editing.validation import library_problems

HINT = "Fix it in the admin (Clause library > Clauses), or correct the file and run `manage.py loadclauses --force`."


@register()
def clauses_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """editing.E001 for each stored clause that would be refused on save."""
    try:
        problems = library_problems()
    except DatabaseError:
        return []  # not migrated yet (the check also runs before `migrate`): nothing stored to check
    return [
        Error(f"Clause {slug}: {'; '.join(str(p) for p in found)}", hint=HINT, obj=f"clause {slug}", id="editing.E001")
        for slug, found in problems.items()
    ]
