"""The policy's and the "To confirm" list's own phrases reach translators whole, by the msgid each place
needs: every question and "meanwhile" sentence through gettext, a place name apart from the
questionnaire's checkbox of the same English words, the list separator, and the owner's purpose without
the word the policy's language starts it with."""

import copy
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from policybuilder.documents import law_questions, unconfirmed
from policybuilder.documents.applicability import SIZE_TESTED
from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.law_tests import rule, size_tests
from policybuilder.documents.lists import and_list
from policybuilder.documents.practices import Sales, Sensitive
from policybuilder.documents.transfers import place
from policybuilder.questionnaire.customer_forms import JURISDICTION_CHOICES
from tests.base import SAMPLES, make_answers

pytestmark = pytest.mark.django_db
IN = "place, as in 'customers in …'"  # the context of a place after "customers in" (transfers.PLACE)


class _Catalogue:
    """A translation that knows only `entries` (a msgid, or "context\x04msgid" for pgettext), to see by
    which msgid a phrase is looked up, whatever the real catalogues hold."""

    def __init__(self, code: str, entries: dict[str, str]):
        self.code, self.entries = code, entries

    def gettext(self, message: str) -> str:
        return self.entries.get(message, message)

    def ngettext(self, singular: str, plural: str, number: int) -> str:
        return self.gettext(singular if number == 1 else plural)

    def to_language(self) -> str:
        return self.code


@contextmanager
def _translated(code: str, entries: dict[str, str]) -> Iterator[None]:
    with translation.override(code):
        trans_real._active.value = _Catalogue(code, entries)  # override() puts the real one back after
        yield


def _laws_yaml_questions() -> set[str]:
    """The questions clauses/laws.yaml asks in its own words: data, left in English."""
    tests = {t.question.format(limit=t.limit()) for code in SIZE_TESTED for t in size_tests(code)}
    return tests | {rule("gdpr_representative")["question"], rule("lgpd_small_agent")["question"]}


# Answers taken out, so that each sample asks more of its "To confirm" questions.
LEFT_OUT = [(), ("practices", "retention", "size", "not_applicable", "sensitive", "platform", "sells_data"),
            ("data.server_logs", "data.essential_cookies", "payments.stores_card_numbers"),
            ("size.us_consumers",), ("size.us_state_consumers",), ("practices.gpc_account",),
            ("practices.consent_link",)]  # fmt: skip


def _without(answers: dict, path: str) -> None:
    *parents, last = path.split(".")
    node = answers
    for key in parents:
        node = node.get(key) or {}
    if isinstance(node, dict):
        node.pop(last, None)


def test_every_to_confirm_sentence_goes_through_gettext_whole(monkeypatch):
    """Not an f-string around a translated label: each question and "meanwhile" sentence is one msgid."""
    marked = lambda text: f"«{text}»"  # noqa: E731
    monkeypatch.setattr(unconfirmed, "_", marked)
    monkeypatch.setattr(law_questions, "_", marked)
    data, seen = _laws_yaml_questions(), set()
    for sample in SAMPLES:
        for left_out in LEFT_OUT:
            answers = copy.deepcopy(make_answers(sample))
            for path in left_out:
                _without(answers, path)
            try:
                items = policy_assemble(answers=answers).unconfirmed
            except InvalidAnswers:
                continue  # a shop for children must give its account period
            for item in items:
                seen.add(item.key)
                for text in (item.meanwhile,) + (() if item.question in data else (item.question,)):
                    assert text.startswith("«") and text.endswith("»"), f"{sample} {item.key}: {text!r}"
    assert len(seen) > 35  # the samples ask nearly every question


def test_an_unconfirmed_tax_period_is_asked_in_whole_sentences(monkeypatch):
    marked = lambda text: f"«{text}»"  # noqa: E731
    monkeypatch.setattr(unconfirmed, "_", marked)
    answers = make_answers("minimal")
    answers["business"]["country"] = "AD"  # no confirmed tax-record rule for Andorra
    answers.pop("retention", None)
    (item,) = [i for i in policy_assemble(answers=answers).unconfirmed if i.key == "retention.orders_years"]
    assert item.question == "«How long does the law in Andorra make you keep order and invoice records?»"
    assert item.meanwhile.startswith("«The tax-record period for Andorra is not confirmed. The policy gives our")


def test_a_place_after_customers_in_is_translated_apart_from_the_questionnaire_checkbox():
    """German says "Kunden in der Schweiz" in the policy, but a checkbox reads "Schweiz"."""
    entries = {f"{IN}\x04Switzerland": "der Schweiz", "Switzerland": "Schweiz", "the EU": "der EU"}
    with _translated("de", entries):
        assert place("ch") == "der Schweiz" and place("eu") == "der EU"
        assert str(dict(JURISDICTION_CHOICES)["ch"]) == "Schweiz"
    # Every country the questionnaire also names has the context; the rest keep their own msgids.
    questionnaire = {str(label) for _, label in JURISDICTION_CHOICES}
    for law in ("br", "ca", "au", "ch", "jp"):
        english = place(law)
        assert english in questionnaire
        with _translated("de", {f"{IN}\x04{english}": "marked"}):
            assert place(law) == "marked", law
    assert (place("eu"), place("uk"), place("cn")) == ("the EU", "the UK", "mainland China")


def test_the_list_separator_is_translated_and_english_keeps_its_own():
    items = ["Stripe, for payments", "DHL", "Royal Mail"]
    assert and_list(items) == "Stripe, for payments; DHL; and Royal Mail"
    assert and_list(["email", "post", "phone"]) == "email, post and phone"
    with _translated("fr", {"list separator\x04; ": "\u00a0; ", "list\x04and": "et"}):
        assert and_list(items) == "Stripe, for payments\u00a0; DHL\u00a0; et Royal Mail"
        assert and_list(["e-mail", "courrier"]) == "e-mail et courrier"


@pytest.mark.parametrize(
    ("code", "typed", "phrase"),
    [
        ("en", "to check orders for fraud.", "check orders for fraud"),
        ("en", "check orders for fraud", "check orders for fraud"),
        ("en", "para comprobar pedidos", "para comprobar pedidos"),  # another language's word is the owner's
        ("de", "um Bestellungen zu prüfen", "Bestellungen zu prüfen"),  # only the leading word
        ("de", "to check orders", "check orders"),  # an owner may answer in English whatever the language
        ("fr", "pour vérifier les commandes.", "vérifier les commandes"),
        ("fr-ca", "pour vérifier les commandes", "vérifier les commandes"),  # a variant: its base's word
        ("fr", "pourvoir aux commandes", "pourvoir aux commandes"),  # a word, not a prefix
        ("es", "para comprobar los pedidos", "comprobar los pedidos"),
        ("pt-br", "para verificar os pedidos", "verificar os pedidos"),
        ("it", "per verificare gli ordini", "verificare gli ordini"),
        ("it", "para verificare", "para verificare"),
    ],
)
def test_an_owners_purpose_loses_the_word_the_policys_language_starts_it_with(code, typed, phrase):
    with translation.override(code):
        assert Sensitive(known=True, special=(), other_fields=(), purpose=typed).purpose_phrase == phrase
        assert Sales(categories=(), buyers=(), purpose=typed).purpose_phrase == phrase


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        (["Estonia", "Irlanda"], "Estonia e Irlanda"),
        (["agua", "hierro"], "agua y hierro"),
        (["datos", "historial"], "datos e historial"),
        (["Francia", "Alemania"], "Francia y Alemania"),
    ],
)
def test_spanish_lists_write_e_before_an_i_sound(items, joined):
    with translation.override("es"):
        assert and_list(items) == joined
    with translation.override("en"):
        assert and_list(["Estonia", "Ireland"]) == "Estonia and Ireland"


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        (["Royal Mail", "Evri"], "Royal Mail ed Evri"),
        (["DHL", "UPS"], "DHL e UPS"),
        (["Regno Unito", "Italia"], "Regno Unito e Italia"),
    ],
)
def test_italian_lists_write_ed_only_before_an_e(items, joined):
    with translation.override("it"):
        assert and_list(items) == joined
