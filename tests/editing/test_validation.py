"""Validation of a clause before it is saved: the line, a plain explanation, against the real fact types."""

import re
from dataclasses import replace

import pytest

from policybuilder.editing.fact_types import top_level_types
from policybuilder.editing.validation import MAX_BODY, clause_problems
from policybuilder.library.files import library_files_read
from tests.base import CLAUSES

pytestmark = pytest.mark.django_db
LIBRARY = library_files_read(CLAUSES)
CONTACT = next(c for c in LIBRARY.clauses if c.slug == "changes")


def problems(**changes: str) -> list[str]:
    return [str(p) for p in clause_problems(replace(CONTACT, **changes))]


@pytest.mark.parametrize("clause", LIBRARY.clauses, ids=lambda c: c.slug)
def test_every_shipped_clause_passes(clause):
    assert clause_problems(clause) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hi.\n{{ shopp.name }}", "Line 2: `shopp` is not a variable a clause can use. Did you mean `shop`?"),
        ("{% if laws.br %}\n\n{{ shop.nmae }}{% endif %}", "Line 3: `shop.nmae` does not exist: Shop has no `nmae`."),
        ("{% for p in processors %}{{ p.nme }}{% endfor %}", "`p.nme` does not exist: Provider has no `nme`."),
        ("{{ shop.eu_representative.mail }}", "`shop.eu_representative.mail` does not exist: Contact has no `mail`."),
        ("{% for t in transfers %}{{ t.provider.nam }}{% endfor %}", "Provider has no `nam`"),
        ("{% for k in kinds %}{{ k.retain }}{% endfor %}", "DataKind has no `retain`"),
        ("{{ retention.order }}", "Retention has no `order`. Did you mean `orders`?"),
        ("{{ payments.providers.name }}", "`payments.providers` is a list of Provider. Loop over it"),
        ("{{ analytics | selectattr('sets_cookie') | names }}", "Provider has no `sets_cookie`"),
        ("{{ shop.name.__class__ }}", "names starting with an underscore are not allowed"),
        ("{{ shop.name.format(1) }}", "`shop.name.format` is not available in a clause"),
        ("{% for k in kinds %}{{ loop.idx }}{% endfor %}", "`loop.idx` does not exist"),
        ("{{ loop.index }}", "`loop` is not a variable a clause can use"),
    ],
)
def test_a_name_or_attribute_the_facts_lack_is_named_with_its_line(body, expected):
    assert any(expected in problem for problem in problems(body=body)), problems(body=body)


@pytest.mark.parametrize(
    "body",
    [
        "{% set who = shop.legal_name %}{{ who }}",
        "{% for p in payments.providers %}{{ loop.index }}. {{ p.name }}{% endfor %}",
        "{% for key, value in {'a': 1}.items() %}{{ key }}{% endfor %}",
        "{% set first = kinds | first %}{{ first.name }}",
        "{{ newsletter.name if newsletter else 'none' }}",
        "{% with n = analytics | length %}{{ n }}{% endwith %}",
    ],
)
def test_loop_variables_set_targets_and_real_attributes_are_accepted(body):
    assert problems(body=body) == []


def test_a_failure_at_render_time_names_the_sample_shops_and_the_line():
    found = problems(body="Hello.\n{% if laws.br %}{{ 1 / 0 }}{% endif %}")
    assert len(found) == 1
    assert found[0].startswith("Line 2: For the sample shops ")
    assert "Café Serra (br)" in found[0] and "Everything Emporium" in found[0] and "Waldhonig" not in found[0]
    assert "ZeroDivisionError" in found[0]


def test_a_value_missing_for_some_shops_says_to_guard_it():
    (found,) = problems(body="{{ newsletter.name }}")
    assert "For the sample shops" in found and "guard it with {% if … %}" in found


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("laws.eu and", "The condition does not work"),
        ("laws.gdrp", "Laws has no `gdrp`. Did you mean `gdpr`?"),
        ("", "The condition is empty"),
        ("1 / 0", "its condition failed: ZeroDivisionError"),
    ],
)
def test_a_condition_that_does_not_work_is_refused(when, expected):
    assert any(expected in problem for problem in problems(when=when))


def test_too_long_a_body_is_refused_before_anything_else():
    assert problems(body="x" * (MAX_BODY + 1)) == [
        f"The text has {MAX_BODY + 1} characters; a clause may have at most {MAX_BODY}."
    ]


def test_the_variables_the_validator_knows_are_the_ones_clauses_readme_lists():
    readme = (CLAUSES / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## What a clause can use") :]
    first_cells = re.findall(r"^\| ([^|]*)", table, re.M)
    listed = {name.split(".")[0] for cell in first_cells for name in re.findall(r"`(\w[\w.]*)`", cell)}
    assert listed == set(top_level_types())
