"""'In <place>' as each language says it (documents/places.py): a translation's place lists read
"si vous résidez dans l'UE ou au Royaume-Uni", never "dans l'un de ces territoires (UE)", and every place a
French, Italian or Portuguese clause puts in such a list has its form in clauses/places.yaml."""

import re

import pytest
from django.utils import translation

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_text
from policybuilder.documents.places import in_place, place_forms
from policybuilder.documents.us_states import state_name, us_states
from policybuilder.languages import language
from tests.base import CLAUSES, make_answers

pytestmark = pytest.mark.django_db
# The languages whose preposition changes with the place (French "au", "en", "dans l'"; Italian "nel",
# "nell'"; Portuguese "no", "na"). Spanish and German clauses write "en" / "in" before their lists.
NEEDED = ("fr", "fr-CA", "it", "pt-BR")
PLACE_LISTS = re.compile(
    r"\{% set (?:eu_uk|states|swiss|quebec|asia_pacific|east_asia|china|home|everyone|deleting|pausing|porting"
    r"|listing|consenting|by_law|places) = (.*?)%\}"
)
LITERAL = re.compile(r'"([^"]*)"(\s*:)?')  # a string, and whether it is a dictionary key ("eu": ...)


def _clause_places(code: str) -> set[str]:
    found = set()
    for name in ("01-summary/at-a-glance", "11-rights/rights"):
        path = CLAUSES / f"{name}.{code}.md"
        if not path.exists():  # a variant without its own clause uses its base language's
            path = CLAUSES / f"{name}.{language(code).base}.md"
        for expression in PLACE_LISTS.findall(path.read_text(encoding="utf-8")):
            # Not the keys, the empty default, the law codes the lists test ("us-or" in laws.states) nor the
            # filter's test ("equalto").
            found |= {
                text for text, key in LITERAL.findall(expression)
                if not key and text and not text.startswith("us-") and text != "equalto"
            }  # fmt: skip
    return found


@pytest.mark.parametrize("code", NEEDED)
def test_every_place_a_clause_lists_has_its_in_form(code):
    forms = place_forms(code)
    missing = sorted(p for p in _clause_places(code) if p not in forms)
    assert missing == []


def test_every_us_state_has_its_french_in_form():
    # French says "au Texas" but "en Virginie": no default is right for all of them.
    with translation.override("fr"):
        names = [state_name(st) for st in us_states()]
    assert [n for n in names if n not in place_forms("fr")] == []


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("fr", "si vous résidez dans l'UE"),
        ("fr-CA", "si vous résidez dans l'UE"),
        ("it", "Se vivete nell'UE"),
        ("pt-BR", "Se você mora na UE"),
        ("es", "Si vive en la UE"),
        ("de", "Wenn Sie in der EU leben"),
    ],
)
def test_a_single_place_is_said_as_the_language_says_it(code, said):
    text = policy_text(policy_assemble(answers=make_answers("transfer-us-eu", language=code)))
    assert said in text
    assert not re.search(r"l'un de ces territoires|l'un des territoires suivants|uno di questi luoghi|um destes lugares", text)  # fmt: skip


def test_several_places_each_take_their_own_preposition():
    answers = make_answers("law-us-states-reached", language="fr")
    with translation.override("fr"):
        assert in_place("Royaume-Uni") == "au Royaume-Uni" and in_place("Suisse") == "en Suisse"
        assert in_place("Nulle-Part") == "en Nulle-Part"  # a place without an entry: the plain preposition
    text = policy_text(policy_assemble(answers=answers))
    assert "si vous résidez en Californie ou dans les États américains cités" in text
