"""Which laws reach a shop: the places its customers live, its own country, and each law's test."""

from dataclasses import dataclass
from typing import Any

from policybuilder.documents import countries
from policybuilder.documents.to_confirm import Unconfirmed

LAW_ORDER = ("eu", "uk", "us", "us-ca", "ca", "br", "au", "children")


@dataclass(frozen=True)
class Laws:
    eu: bool
    uk: bool
    us: bool
    us_ca: bool
    ca: bool
    br: bool
    au: bool
    coppa: bool
    added: tuple[str, ...]  # codes switched on by the shop's own country, not ticked by the owner

    @property
    def gdpr(self) -> bool:
        return self.eu or self.uk

    @property
    def quebec(self) -> bool:
        # Any shop selling across Canada can have Québec customers; Law 25 then applies.
        return self.ca

    @property
    def codes(self) -> tuple[str, ...]:
        on = {"eu": self.eu, "uk": self.uk, "us": self.us, "us-ca": self.us_ca, "ca": self.ca,
              "br": self.br, "au": self.au, "children": self.coppa}  # fmt: skip
        return tuple(code for code in LAW_ORDER if on[code])


def laws_resolve(*, chosen: list[str], country: str, children: bool) -> Laws:
    """The laws that apply: the owner's choice, plus those the shop's own country brings."""
    implied = {
        "eu": country in countries.EEA,
        "uk": country == "GB",
        "us": country == "US" or "us-ca" in chosen,
        "ca": country == "CA",
        "br": country == "BR",
        "children": children,
    }
    on = set(chosen) | {code for code, yes in implied.items() if yes}
    added = tuple(code for code in LAW_ORDER if code in on and code not in chosen)
    return Laws(
        eu="eu" in on, uk="uk" in on, us="us" in on, us_ca="us-ca" in on, ca="ca" in on,
        br="br" in on, au="au" in on, coppa="children" in on, added=added,
    )  # fmt: skip


def laws_unconfirmed(facts: Any, answers: dict[str, Any]) -> list[Unconfirmed]:
    """The figures a size-tested law needs that the owner has not given (none yet)."""
    return []
