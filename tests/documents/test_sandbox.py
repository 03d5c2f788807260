"""A clause template cannot run code, read the server's secrets, or exhaust memory or time."""

import pytest

from policybuilder.documents.engine import ClauseError, CompiledClause, clause_render, template_compile
from policybuilder.library.types import ClauseData

PAYLOADS = {
    "class walk": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ shop.__init__.__globals__ }}",
    "os via cycler": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "config": "{{ config.items() }}",
    "request": "{{ request.environ }}",
    "loop over subclasses": "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "huge range": "{% for i in range(100000000) %}x{% endfor %}",
    "string multiplication": "{{ 'x' * 100000000 }}",
    "list multiplication": "{{ [1] * 100000000 }}",
    "power": "{{ 10 ** 100000000 }}",
    "padding": "{{ shop.ljust(1000000000) }}",
    "format width": "{{ '%0999999999d' | format(1) }}",
    "centre filter": "{{ shop | center(1000000000) }}",
    "deep loops": "{% for a in range(999) %}{% for b in range(999) %}{% for c in range(999) %}{% endfor %}{% endfor %}{% endfor %}",
    "output flood": "{% for a in range(1000) %}{% for b in range(1000) %}{{ shop }}{% endfor %}{% endfor %}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'os' as os %}",
}


def _render(body: str) -> str:
    data = ClauseData(
        slug="probe", section="summary", title="Probe", order=0, when="true", satisfies=(), sources=(), body=body
    )
    clause = CompiledClause(data=data, when=lambda **_: True, template=template_compile(data))
    return clause_render(clause, {"shop": "Pip's Pottery"})


@pytest.mark.parametrize("name", PAYLOADS)
def test_each_injection_payload_is_refused_with_a_message(name):
    with pytest.raises(ClauseError) as caught:
        _render(PAYLOADS[name])
    assert "clause probe" in str(caught.value)


def test_ordinary_clauses_still_work():
    assert _render("We are **{{ shop }}**, {{ [1, 2, 3] | length }} times.") == "We are **Pip's Pottery**, 3 times."
