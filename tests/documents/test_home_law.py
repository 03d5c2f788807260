"""What the policy says follows the shop's own answers and its own law: the law of the country the shop is
based in gives its rights to everyone whose data the shop holds (GDPR art. 3(1): an EU business owes them
to a customer in Texas too), payment records name card details only when a card gateway shows them to the
shop, and a copy is offered only of safeguards that are documents (contract terms, corporate rules)."""

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db
CARD = "the card type, the last four digits"


def _text(sample: str, **changes) -> str:
    return policy_text(policy_assemble(answers=make_answers(sample, **changes)))


def _rights(text: str) -> str:
    section = text.split("\nYOUR RIGHTS\n", 1)[1]
    return section.split("\n\n", 1)[1].split("How to ask.")[0]


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip("-* ").startswith(start))


def test_an_eu_shop_gives_the_gdpr_rights_to_everyone_not_only_to_eu_residents():
    text = _text("eu")
    rights = _rights(text)
    assert "The EU's data protection law (the GDPR) gives everyone whose data we hold the rights below." in rights
    assert "If you live in the EU" not in text
    # The summary does not narrow them either.
    assert "you can ask to see, correct or delete your data" in _line(text, "Your rights:")
    assert "if you live in" not in _line(text, "Your rights:")


def test_a_us_shop_with_eu_customers_still_says_the_gdpr_rights_are_for_eu_residents():
    rights = _rights(_text("transfer-us-eu"))
    assert "If you live in the EU, the law gives you the rights below." in rights
    assert "everyone whose data we hold" not in rights


def test_a_home_law_right_has_no_bracket_but_a_right_only_another_law_gives_keeps_its_place():
    # A German shop that also sells to Californians: deletion is everyone's under the GDPR; opting out of
    # sale or sharing is a California right only.
    answers = make_answers("eu", jurisdictions=["eu", "us", "us-ca"])
    text = policy_text(policy_assemble(answers=answers))
    rights = _rights(text)
    assert "gives everyone whose data we hold the rights below." in rights
    assert "- Delete it. Ask us" in rights and "Your right to object. Object" in rights
    assert "- Opt out of sale or sharing (California" in rights
    assert "Brackets say where a right depends on where you live." in rights


def test_a_uk_shop_with_eu_customers_gives_uk_gdpr_rights_to_all_and_names_the_eu_as_an_addition():
    rights = _rights(_text("uk", jurisdictions=["uk", "eu"]))
    assert rights.startswith("The UK's data protection law (the UK GDPR) gives everyone whose data we hold")
    assert "If you live in the EU, the law gives you these rights too." in rights
    assert "- Delete it. Ask us" in rights


def test_a_small_australian_shop_is_not_told_the_privacy_act_binds_it():
    # Under the size test the Act does not reach the shop: no "the law gives everyone" for it.
    rights = _rights(_text("au"))
    assert "everyone whose data we hold" not in rights
    assert "we give you these rights" in rights


def test_payment_details_name_the_card_only_when_a_card_gateway_shows_it_to_the_shop():
    # Klarna and PayPal keep the card to themselves: the shop's record holds how the customer paid.
    assert CARD not in _text("eu")
    assert "how you paid and whether the payment went through" in _line(_text("eu"), "Payment details:")
    # Stripe takes the card number and shows the shop its type and last four digits.
    assert CARD in _text("eu", payments={"gateways": ["stripe", "paypal"], "stores_card_numbers": False})
    # A gateway the owner added by name says nothing about what it shows.
    custom = {"gateways": [{"name": "Bank Transfer Co", "privacy_url": "https://bank.example/privacy"}],
              "stores_card_numbers": False}  # fmt: skip
    assert CARD not in _text("eu", payments=custom)


def test_a_copy_is_offered_of_contract_terms_but_not_of_an_adequacy_decision():
    # eu: its one company abroad is Matomo Cloud in New Zealand, under an adequacy decision.
    text = _text("eu")
    assert "Adequacy decision:" in text and "Email us for a copy" not in text
    assert "Email us for a copy of the contract terms." in _text("uk")
