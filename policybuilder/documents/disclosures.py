"""The California (CCPA) table's "Disclosed to" column: each CCPA category of personal information and
the kinds of providers that receive it, from the data kinds (inventory.py) and the shop's services."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents.inventory import DataKind

# Who receives what, in the words CCPA notices use: each kind of provider, and the data kinds it gets.
RECIPIENT_GROUPS = (
    # Translators: recipients of personal data in the California table ("Disclosed to: payment companies").
    ("platform", gettext_noop("our shop platform"), ("orders", "payment", "account", "messages", "logs")),
    ("payment", gettext_noop("payment companies"), ("orders", "payment")),
    ("shipping", gettext_noop("delivery companies"), ("orders",)),
    ("newsletter", gettext_noop("our email service"), ("newsletter",)),
    ("analytics", gettext_noop("analytics services"), ("analytics",)),
    ("advertising", gettext_noop("advertising platforms"), ("advertising",)),
)


@dataclass(frozen=True)
class Disclosure:
    """One CCPA category of personal information and the kinds of recipients that get it."""

    category: str
    recipients: tuple[str, ...]


def disclosures_build(facts: Any, *, kinds: tuple[DataKind, ...], advertising: bool) -> tuple[Disclosure, ...]:
    """CCPA categories disclosed to providers: to all of them when `advertising` is False,
    else only those shared with advertising platforms (the CCPA's "sharing")."""
    used = {p.kind for p in facts.services}
    by_key = {k.key: k for k in kinds}
    found: dict[str, list[str]] = {}
    for kind, label, keys in RECIPIENT_GROUPS:
        if kind not in used or (kind == "advertising") != advertising:
            continue
        for key in keys:
            for category in by_key[key].ccpa if key in by_key else ():
                labels = found.setdefault(category, [])
                if _(label) not in labels:
                    labels.append(_(label))
    return tuple(Disclosure(category=c, recipients=tuple(r)) for c, r in found.items())
