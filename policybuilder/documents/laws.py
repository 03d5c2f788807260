"""What the policy knows about the laws that reach a shop: each law's Decision (applies or not, why,
from which answer) and Laws, the switches and names the clauses read as `laws` (laws.eu, laws.home,
laws.states_required...). Which laws apply is decided in applicability.py."""

from dataclasses import dataclass

from policybuilder.documents.law_tests import NO, UNKNOWN, YES
from policybuilder.documents.us_states import state_codes, state_name, us_states

# Laws with no size test, brought by customers or the home country.
WORLD: tuple[str, ...] = ("ch", "jp", "nz", "sg", "cn")
LAW_ORDER = ("eu", "uk", *WORLD, "us", "us-ca", *state_codes(), "ca", "qc", "br", "au", "children")


@dataclass(frozen=True)
class Decision:
    code: str
    applies: str  # "yes" | "no" | "unknown"
    reason: str  # why, in plain words
    answer: str  # the answer (or answers) the decision comes from, as paths in the answers contract
    shown: bool  # the law's sections are in the policy
    source: str = ""  # the legal test behind a size decision
    notes: tuple[str, ...] = ()  # what else follows (sections left out, a duty made optional)
    name: str = ""  # the law's name, filled in by the coverage report

    @property
    def voluntary(self) -> bool:
        """Its sections are in the policy although the law is not known to require them."""
        return self.shown and self.applies != YES


@dataclass(frozen=True)
class Laws:
    # Whether each law's sections are in the policy. For us_ca and au that includes voluntary sections:
    # tell them apart with us_ca_required / us_ca_exempt (and the au_ pair) below.
    eu: bool
    uk: bool
    us: bool
    us_ca: bool
    ca: bool
    br: bool
    au: bool
    coppa: bool
    added: tuple[str, ...]  # codes switched on by the shop's own country, not ticked by the owner
    decisions: tuple[Decision, ...] = ()
    gdpr_rep_optional: bool = False  # the owner said art 27(2) applies: no representative needed
    br_small_agent: bool = False  # a small processing agent: a channel instead of an encarregado
    ccpa_link: str = ""  # the opt-out link the site shows ("Do Not Sell or Share ..."), as the law names it
    ccpa_toll_free: str = ""  # the shop's phone number when it is a US toll-free one
    states: tuple[str, ...] = ()  # the US state laws whose items are in the policy ("us-va", ...)
    ch: bool = False
    jp: bool = False
    nz: bool = False
    sg: bool = False
    cn: bool = False
    qc: bool = False  # Québec's Law 25: any shop with Canadian customers can have Québec ones
    home_uncovered: str = ""  # the shop's own country, when the library does not cover its law
    home: str = ""  # the law of the shop's own country, when it is in the policy (see _home)
    jp_transfers: str = ""  # how companies abroad may get data on customers in Japan: "contract" | "consent" | ""
    cn_consent: str = ""  # a separate consent is asked before data goes to another company or abroad: "yes" | "no" | ""

    @property
    def gdpr(self) -> bool:
        return self.eu or self.uk

    @property
    def quebec(self) -> bool:
        return self.qc

    @property
    def codes(self) -> tuple[str, ...]:
        on = {"eu": self.eu, "uk": self.uk, "us": self.us, "us-ca": self.us_ca, "ca": self.ca, "qc": self.qc,
              "br": self.br, "au": self.au, "children": self.coppa, **{c: getattr(self, c) for c in WORLD},
              **{c: c in self.states for c in state_codes()}}  # fmt: skip
        return tuple(code for code in LAW_ORDER if on[code])

    @property
    def us_states(self) -> bool:
        """Some US state law's items are in the policy: the one US-states section."""
        return bool(self.states)

    @property
    def states_required(self) -> tuple[str, ...]:
        """The names of the states whose law is known to reach the shop ("Virginia", ...)."""
        return tuple(state_name(st) for st in us_states() if self._applies(st.code) == YES)

    @property
    def states_voluntary(self) -> tuple[str, ...]:
        """The states whose items are in the policy although their law is not known to reach the shop."""
        return tuple(state_name(st) for st in us_states() if self._applies(st.code) in (NO, UNKNOWN))

    @property
    def signal_states(self) -> tuple[str, ...]:
        """The states in the policy whose law requires honouring opt-out signals such as GPC."""
        return tuple(state_name(st) for st in us_states() if st.optout_signal and st.code in self.states)

    def decision(self, code: str) -> Decision | None:
        return next((d for d in self.decisions if d.code == code), None)

    def _applies(self, code: str) -> str:
        found = self.decision(code)
        return found.applies if found and found.shown else ""

    @property
    def us_ca_required(self) -> bool:
        return self._applies("us-ca") == YES

    @property
    def us_ca_exempt(self) -> bool:
        """The CCPA does not reach the shop, and its sections are given anyway."""
        return self._applies("us-ca") == NO

    @property
    def us_ca_voluntary(self) -> bool:
        return self._applies("us-ca") in (NO, UNKNOWN)

    @property
    def au_required(self) -> bool:
        return self._applies("au") == YES

    @property
    def au_exempt(self) -> bool:
        return self._applies("au") == NO

    @property
    def au_voluntary(self) -> bool:
        return self._applies("au") in (NO, UNKNOWN)
