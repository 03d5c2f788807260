"""Template injection: each payload is refused on save with a clear message, and one forced into the
database neither runs anything nor exhausts the server when a policy is rendered.

There are no timed assertions: the sandbox bounds the work by counting (steps, sizes, nesting), so a
payload either raises ClauseError or renders bounded output, and the test finishing is the proof.
"""

from html.parser import HTMLParser

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.engine import ClauseError
from policybuilder.documents.exporters import policy_html
from policybuilder.documents.sandbox import MAX_OUTPUT
from policybuilder.library.models import Clause
from tests.base import make_answers
from tests.editing.test_admin import change_url, clause_form_data

pytestmark = pytest.mark.django_db

PAYLOADS = {
    # attribute walks towards Python's internals
    "class": "{{ shop.__class__ }}",
    "mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ shop.__init__.__globals__ }}",
    "getitem walk": "{{ shop['__class__']['__init__'] }}",
    "attribute filter": "{{ analytics | map(attribute='__class__') | list }}",
    "os": "{{ os.popen('id').read() }}",
    "config": "{{ config.items() }}",
    "request": "{{ request.environ }}",
    "self": "{{ self.__init__.__globals__ }}",
    "loop over subclasses": "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "loop over config": "{% for key in config %}{{ key }}{% endfor %}",
    "cycler": "{{ cycler.__init__.__globals__.os }}",
    # memory and time
    "huge range": "{% for i in range(100000000) %}x{% endfor %}",
    "string multiplication": "{{ 'x' * 100000000 }}",
    "list multiplication": "{{ [1] * 100000000 }}",
    "nested multiplication": "{{ [['x'] * 2000] * 2000 }}",
    "power": "{{ 10 ** 100000000 }}",
    "squaring": "{% set x = 2 ** 64 %}" + "{% set x = x * x %}" * 40 + "{{ x > 1 }}",
    "doubling text": "{% set a = 'a' * 2000 %}" + "{% set a = a ~ a %}" * 40 + "{{ a | length }}",
    "doubling lists": "{% set a = [1] %}" + "{% set a = [a, a] %}" * 60 + "{{ a == a }}",
    "replace growth": "{{ ('a' * 2000) | replace('a', 'a' * 2000) | replace('a', 'a' * 2000) }}",
    "map growth": "{% set a = ['a'] * 1000 %}{% set b = a + a + a + a + a + a + a + a + a + a %}"
    "{{ (b + b) | map('replace', 'a', 'b' * 2000) | list | length }}",
    "format padding": "{{ '{0:>999999999}'.format(1) }}",
    "percent padding": "{{ '%999999999d' % 1 }}",
    "padding method": "{{ shop.name.ljust(1000000000) }}",
    "deep loops": "{% for a in range(999) %}{% for b in range(999) %}{% for c in range(9) %}{% endfor %}{% endfor %}{% endfor %}",
    "many steps": "{% for a in [0] * 2000 %}{% for b in [0] * 2000 %}{% set c = a + b %}{% endfor %}{% endfor %}",
    "output flood": "{% for a in range(1000) %}{% for b in range(1000) %}{{ shop.name }}{% endfor %}{% endfor %}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "recursive loop": "{% for x in [1] recursive %}{{ loop([1, 1]) }}{% endfor %}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'os' as os %}",
    "buffered flood": "{% set x %}{% for a in range(1000) %}{{ shop.name * 50 }}{% endfor %}{% endset %}",
}


def _body(payload: str) -> str:
    # The payload only where a sample shop takes it, so that the static checks and the trial both matter.
    return f"We are {{{{ shop.name }}}}.\n\n{{% if laws.gdpr %}}{payload}{{% endif %}}\n"


@pytest.mark.parametrize("name", PAYLOADS)
def test_each_payload_is_refused_on_save_with_a_clear_message(editor_client, name):
    clause = Clause.objects.get(slug="changes")
    response = editor_client.post(change_url(clause), clause_form_data(clause, body=_body(PAYLOADS[name])))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert errors and all(error.startswith(("Line ", "For the sample", "Not allowed")) for error in errors)
    assert Clause.objects.get(slug="changes").body == clause.body


@pytest.mark.parametrize("name", PAYLOADS)
def test_each_payload_forced_into_the_database_is_stopped_when_a_policy_is_rendered(name):
    clause = Clause.objects.get(slug="changes")
    clause.body = _body(PAYLOADS[name])
    clause.save()  # straight into the database: no form, no validation
    try:
        policy = policy_assemble(answers=make_answers("all-services"))
    except ClauseError as refused:
        assert "clause changes" in str(refused)
        return
    text = policy.sections[-1].clauses[-1].markdown  # rendered after all: bounded, and nothing leaked
    assert len(text) <= MAX_OUTPUT and not any(leak in text for leak in ("<class", "<function", "<module", "environ"))


def test_a_forced_payload_on_a_branch_no_shop_takes_leaves_policies_unharmed():
    clause = Clause.objects.get(slug="changes")
    clause.body = "We are {{ shop.name }}.{% if false %}{{ ''.__class__.__mro__ }}{% endif %}\n"
    clause.save()
    assert policy_assemble(answers=make_answers("eu")).sections[-1].clauses[-1].markdown == "We are Waldhonig."


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_clause_markdown_cannot_put_html_or_scripts_into_the_policy_page(editor_client):
    clause = Clause.objects.get(slug="changes")
    body = (
        "<script>alert(1)</script> <img src=x onerror=alert(1)> <a href='https://evil.example'>x</a>\n\n"
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <b onclick=alert(1)>b</b>\n"
    )
    response = editor_client.post(change_url(clause), clause_form_data(clause, body=body))
    assert response.status_code == 302  # harmless once escaped: an editor may write it, it shows as text
    page = policy_html(policy_assemble(answers=make_answers("eu")))
    contact = page[page.index('id="changes"') : page.index("</section>", page.index('id="changes"'))]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in contact  # shown as the characters typed
    parser = _Tags()
    parser.feed(contact)
    assert {tag for tag, _ in parser.tags} <= {"section", "h2", "h3", "p", "a", "strong", "em"}
    for _, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on") and not (value or "").lower().startswith(("javascript:", "data:"))
