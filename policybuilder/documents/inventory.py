"""The data inventory: each kind of personal data a shop holds, with its purpose, legal
basis, retention period and CCPA category. It feeds the data table and several clauses.

Sources name kinds of provider ("our payment provider"), not providers: the recipients table is
the one place that says which company gets what.
"""

from dataclasses import dataclass
from typing import Any

from policybuilder.documents.countries import EEA

# Legal bases as the data table shows them; the table's key says once what each one means.
CONTRACT = "Contract"
LEGAL_DUTY = "Legal obligation (tax law)"
CONSENT = "Consent"
EXPLICIT_CONSENT = "Explicit consent (GDPR art. 9(2)(a))"
INTERESTS = "Legitimate interests"

IDENTIFIERS = "Identifiers"
RECORDS = "Customer records (Cal. Civ. Code § 1798.80(e))"  # the CCPA's category, § 1798.140(v)(1)(B)
COMMERCIAL = "Commercial information"
NETWORK = "Internet or other electronic network activity information"
GEO = "Geolocation data (approximate, from your IP address)"
LOGIN = "Sensitive personal information (account log-in)"
# Special categories of data (GDPR art 9) and CCPA sensitive personal information (Cal. Civ. Code
# § 1798.140(ae)) among the details a shop can say it holds.
ART9 = frozenset({"health", "biometrics"})
SPI = {
    "health": "Sensitive personal information (health)",
    "precise_location": "Sensitive personal information (precise geolocation)",
    "biometrics": "Sensitive personal information (biometric information)",
}


@dataclass(frozen=True)
class DataKind:
    key: str
    name: str
    examples: str
    source: str
    purposes: str
    basis: str
    interest: str  # the legitimate interest, where that is the basis
    retention: str
    ccpa: tuple[str, ...]

    @property
    def basis_text(self) -> str:
        """The bases as short sentences for a table cell: "Contract. Legitimate interests (stopping fraud)."."""
        parts = [
            f"{b} ({self.interest})" if b == INTERESTS and self.interest else b for b in self.basis.split("; ") if b
        ]
        return " ".join(f"{part}." for part in parts)


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'; items that hold commas themselves are kept apart by semicolons."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    if any("," in item for item in items):
        return f"{'; '.join(items[:-1])}; and {items[-1]}"
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _record_basis(facts: Any) -> tuple[str, str]:
    """The GDPR basis for keeping order records. A legal obligation counts only under EU or member state
    law (GDPR art. 6(3)), or UK law under the UK GDPR: a shop based elsewhere keeps them for its own
    country's tax law, which is a legitimate interest (art. 6(1)(f)), not a legal obligation."""
    if facts.shop.country in EEA or facts.shop.country == "GB":
        return LEGAL_DUTY, ""
    return INTERESTS, f"keeping the records that tax law in {facts.shop.country_in} asks of us"


def _order_kinds(facts: Any) -> list[DataKind]:
    duty, records = _record_basis(facts)
    keep = f"{facts.retention.orders} after your order, to meet {facts.retention.orders_rule}"
    providers = "our payment providers" if len(facts.payments.providers) > 1 else "our payment provider"
    if not facts.payments.card_numbers_known:  # not said: name only what every payment record holds
        card = "how you paid and whether the payment went through"
    elif facts.payments.stores_card_numbers:
        encrypted = "encrypted_storage" in facts.practices.security
        card = "your card number and expiry date, which reach our own system" + (
            " and which we store in encrypted form" if encrypted else ""
        )
    else:
        card = "the card type, the last four digits and whether the payment went through"
    return [
        DataKind(
            key="orders", name="Order details",
            examples="your name, email address, phone number, billing and delivery address, what you buy and what you pay",
            source="you, when you order" + (" online or by phone" if facts.data.phone_orders else ""),
            purposes="to take, deliver and support your order, with receipts and delivery updates",
            basis=f"{CONTRACT}; {duty}", interest=records, retention=keep, ccpa=(IDENTIFIERS, RECORDS, COMMERCIAL),
        ),
        DataKind(
            key="payment", name="Payment details", examples=card, source=f"you, and {providers}",
            purposes="to take payment, give refunds and stop fraud",
            basis=f"{CONTRACT}; {duty}" + ("" if records else f"; {INTERESTS}"),
            interest="stopping fraud" + (f" and {records}" if records else ""),
            retention="as for order details", ccpa=(RECORDS, COMMERCIAL),
        ),
    ]  # fmt: skip


def _optional_kinds(facts: Any) -> list[DataKind]:
    d, r = facts.data, facts.retention
    kinds = []
    if d.accounts:
        kinds.append(DataKind(
            key="account", name="Account details",
            examples=_account_examples(facts),
            source="you, and us when we set up your account for you"
            if facts.practices.accounts_created == "shop_emails_password"
            else "you, when you create or use an account",
            purposes="to let you sign in, see past orders and check out faster",
            basis=CONTRACT, interest="", retention=r.account, ccpa=(IDENTIFIERS, LOGIN, COMMERCIAL),
        ))  # fmt: skip
    if d.contact_form:
        kinds.append(DataKind(
            key="messages", name="Messages you send us",
            examples="your name, email address, phone number if you give it, and what you write",
            source="you, when you contact us", purposes="to answer your questions and help with your orders",
            basis=INTERESTS, interest="answering people who write to us",
            retention=f"{r.support} after we last reply", ccpa=(IDENTIFIERS, RECORDS),
        ))  # fmt: skip
    if d.reviews:
        kinds.append(DataKind(
            key="reviews", name="Reviews", examples="the name you post under, your rating and your review",
            source="you, when you write a review", purposes="to show your review to other shoppers",
            basis=CONSENT, interest="", retention="until you ask us to remove it", ccpa=(IDENTIFIERS, COMMERCIAL),
        ))  # fmt: skip
    if d.surveys:
        anonymous, tool = facts.practices.surveys_anonymous == "yes", facts.practices.survey_tool
        kinds.append(DataKind(
            key="surveys", name="Survey answers",
            examples="your answers, which we do not link to your name or email address" if anonymous
            else "your answers, and your email address if you give it",
            source="you, when you fill in a survey" + (" run by our survey tool" if tool else ""),
            purposes="to improve our products and service",
            basis=CONSENT, interest="", retention=f"{r.surveys} after the survey closes", ccpa=(IDENTIFIERS,),
        ))  # fmt: skip
    return kinds + _sensitive_kinds(facts)


def _account_examples(facts: Any) -> str:
    # How the password is kept is said once, under security.
    return "your email address, your password, saved addresses and past orders"


def _sensitive_kinds(facts: Any) -> list[DataKind]:
    """The special or extra details a shop said it asks for, with the purpose it gave. GDPR art 9 lets
    a shop use special category data (health, biometrics) only with explicit consent."""
    sensitive = facts.sensitive
    if not sensitive.held:
        return []
    special = [n for k, n in zip(sensitive.special, sensitive.special_names, strict=True) if k in ART9]
    basis = EXPLICIT_CONSENT if special else CONSENT
    ccpa = tuple(SPI[k] for k in sensitive.special if k in SPI) + ((IDENTIFIERS,) if sensitive.other_fields else ())
    return [DataKind(
        key="sensitive", name=sensitive.description[:1].upper() + sensitive.description[1:],
        examples="the details you tell us", source="you, when you give them to us",
        purposes=f"to {sensitive.purpose_phrase}", basis=basis, interest="",
        retention=_sensitive_retention(facts), ccpa=ccpa or (IDENTIFIERS,),
    )]  # fmt: skip


def _sensitive_retention(facts: Any) -> str:
    months = facts.sensitive.retention_months
    if months:
        return f"{months} month{'s' if months > 1 else ''} after your order"
    return "as for order details"


def _tracking_kinds(facts: Any) -> list[DataKind]:
    r, kinds = facts.retention, []
    if facts.newsletter:
        kinds.append(DataKind(
            key="newsletter", name="Newsletter sign-up",
            examples="your email address, your name if you give it, and which emails you open and links you click",
            source="you, and our email service for opens and clicks",
            purposes="to send you the news and offers you asked for", basis=CONSENT, interest="",
            retention="until you unsubscribe",
            ccpa=(IDENTIFIERS, NETWORK),
        ))  # fmt: skip
        if facts.practices.marketing_email == "past_buyers_opt_out":
            kinds.append(DataKind(
                key="past_buyers", name="Emails to past buyers",
                examples="your email address and what you bought", source="you, when you order",
                purposes="to email you about products like the ones you bought, until you say no",
                basis=INTERESTS, interest="telling our customers about similar products",
                retention="until you say no; after that we keep your email address only to stop our emails",
                ccpa=(IDENTIFIERS, COMMERCIAL),
            ))  # fmt: skip
    if facts.data.server_logs:
        kinds.append(DataKind(
            key="logs", name="Technical data",
            examples="your IP address, browser and device, the pages you visit and when, and the page that sent you",
            source="your browser, automatically", purposes="to keep the site working and secure",
            basis=INTERESTS, interest="a working, secure website", retention=r.server_logs, ccpa=(IDENTIFIERS, NETWORK, GEO),
        ))  # fmt: skip
    if facts.analytics:
        with_cookies = any(p.sets_cookies for p in facts.analytics)
        kinds.append(DataKind(
            key="analytics", name="Usage data",
            examples="the pages you view, how long you stay, your device and browser, and your rough location"
            + (", with a cookie ID" if with_cookies else ""),
            source="your browser, through our analytics " + ("tools" if len(facts.analytics) > 1 else "tool"),
            purposes="to see which pages work well and improve the shop",
            basis=_tracking_consent(facts) if with_cookies else INTERESTS,
            interest="" if with_cookies else "learning how the shop is used, without cookies",
            retention=r.analytics, ccpa=(NETWORK, GEO),
        ))  # fmt: skip
    if facts.advertising:
        kinds.append(DataKind(
            key="advertising", name="Advertising data",
            examples="a cookie or pixel ID, the pages you view, what you add to your basket or buy, your device and IP address",
            source="your browser, through our ad " + ("tags" if len(facts.advertising) > 1 else "tag"),
            purposes="to show our ads to people likely to want them, and to see if our ads work",
            basis=_tracking_consent(facts), interest="", retention=r.advertising, ccpa=(IDENTIFIERS, NETWORK, COMMERCIAL),
        ))  # fmt: skip
    return kinds


def _tracking_consent(facts: Any) -> str:
    """Cookies and tags that are not strictly necessary rest on consent only where the site asks for it
    (a consent banner, as the owner said): otherwise the policy names no basis, and coverage shows the gap."""
    return CONSENT if facts.practices.has_banner else ""


def kinds_build(facts: Any) -> tuple[DataKind, ...]:
    """Every kind of data this shop holds, in the order the policy lists them."""
    return tuple(_order_kinds(facts) + _optional_kinds(facts) + _tracking_kinds(facts))


# Who receives what, in the words CCPA notices use: each kind of provider, and the data kinds it gets.
RECIPIENT_GROUPS = (
    ("platform", "our shop platform", ("orders", "payment", "account", "messages", "logs")),
    ("payment", "payment companies", ("orders", "payment")),
    ("shipping", "delivery companies", ("orders",)),
    ("newsletter", "our email service", ("newsletter",)),
    ("analytics", "analytics services", ("analytics",)),
    ("advertising", "advertising platforms", ("advertising",)),
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
                if label not in labels:
                    labels.append(label)
    return tuple(Disclosure(category=c, recipients=tuple(r)) for c, r in found.items())
