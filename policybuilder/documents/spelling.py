"""American spelling for a US shop's English policy. The library's English is British ("basket",
"instalments"); a US shop's customers read "cart" and "installments". Applied to our own words only (the
catalogue's texts, the data table's examples; the clauses choose with `shop.us_style_dates`), never to an
owner's answers, which stay as typed."""

import re
from dataclasses import replace

from policybuilder.languages import SOURCE, language_active
from policybuilder.library.types import ServiceData

_US = {"basket": "cart", "baskets": "carts", "instalment": "installment", "instalments": "installments"}
_WORD = re.compile(r"\b(" + "|".join(_US) + r")\b", re.IGNORECASE)


def _american(match: re.Match[str]) -> str:
    word = _US[match[0].lower()]
    return word.capitalize() if match[0][0].isupper() else word


def us_spelling(text: str, *, us: bool) -> str:
    """`text` as a US reader spells it, when `us` and the policy is in English; else as it is."""
    return _WORD.sub(_american, text) if us and language_active() == SOURCE else text


def catalogue_us(catalogue: dict[str, ServiceData], *, us: bool) -> dict[str, ServiceData]:
    """The catalogue's purposes and data received in US spelling, for a US shop's English policy."""
    if not us or language_active() != SOURCE:
        return catalogue
    return {
        slug: replace(
            s, purpose=us_spelling(s.purpose, us=us), receives=tuple(us_spelling(r, us=us) for r in s.receives)
        )
        for slug, s in catalogue.items()
    }
