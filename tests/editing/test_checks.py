"""`manage.py check` re-validates every stored clause (editing.E001), so a bad one is caught at start."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from policybuilder.editing.checks import clauses_check
from policybuilder.library.models import Clause

pytestmark = pytest.mark.django_db


def test_the_shipped_library_passes_the_check():
    assert clauses_check() == []


def test_a_clause_forced_into_the_database_is_reported_with_its_line_and_a_hint():
    clause = Clause.objects.get(slug="cookies")
    clause.body = "Cookies.\n\n{% if laws.br %}{{ shop.nmae }}{% endif %}\n"
    clause.save()
    (error,) = clauses_check()
    assert error.id == "editing.E001" and error.obj == "clause cookies"
    assert "Line 3: `shop.nmae` does not exist" in error.msg and "loadclauses --force" in error.hint
    with pytest.raises(SystemCheckError, match="editing.E001"):
        call_command("check")
