"""A US shop's English policy in American spelling ("cart", "installments", "Mail:"), a UK shop's in
British; the owner's own words are never respelt."""

import pytest
from django.utils import translation

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_text
from policybuilder.documents.spelling import us_spelling
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def test_a_us_shop_reads_cart_and_installments_a_uk_shop_basket():
    us = policy_text(policy_assemble(answers=make_answers("us-ca")))
    assert "keep your cart" in us and "adding to cart" in us and "into installments" in us and "Mail: " in us
    assert "basket" not in us.lower() and "instalment" not in us
    uk = policy_text(policy_assemble(answers=make_answers("layered-uk")))
    assert "keep your basket" in uk and "Post: " in uk and "cart" not in uk


def test_the_owners_own_words_keep_their_spelling():
    answers = make_answers("us-ca")
    answers["business"]["name"] = "Basket Weavers"
    text = policy_text(policy_assemble(answers=answers))
    assert "Basket Weavers" in text and "Cart Weavers" not in text


def test_a_us_shops_policy_in_another_language_is_untouched():
    # The respelling is English's: in a Spanish policy a word that happens to match stays as it is.
    with translation.override("es"):
        assert us_spelling("basket", us=True) == "basket"
    with translation.override("en"):
        assert us_spelling("Basket", us=True) == "Cart" and us_spelling("basket", us=False) == "basket"
