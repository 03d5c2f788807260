"""The data inventory: each kind of personal data a shop holds, with its purpose, legal
basis, retention period and CCPA category. It feeds the data table and several clauses.

Sources name kinds of provider ("our payment provider"), not providers: the recipients table is
the one place that says which company gets what.

Every phrase is in the policy's language: kinds are built during assembly, inside its
translation.override. The constants below stay English (gettext_noop marks them for makemessages)
and are translated where a kind is built or shown.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from policybuilder.documents.countries import EEA
from policybuilder.documents.spelling import us_spelling

# Legal bases as the data table shows them; the table's key says once what each one means. A kind keeps
# these English words as keys (`DataKind.bases`) and shows them translated.
# Translators: legal bases (GDPR art. 6 and 9), in the "Legal basis" column of the data table.
CONTRACT = gettext_noop("Contract")
LEGAL_DUTY = gettext_noop("Legal obligation (tax law)")
CONSENT = gettext_noop("Consent")
EXPLICIT_CONSENT = gettext_noop("Explicit consent (GDPR art. 9(2)(a))")
INTERESTS = gettext_noop("Legitimate interests")

# Translators: the CCPA's categories of personal information (Cal. Civ. Code § 1798.140(v)(1)).
IDENTIFIERS = gettext_noop("Identifiers")
RECORDS = gettext_noop("Customer records (Cal. Civ. Code § 1798.80(e))")  # the CCPA's category, § 1798.140(v)(1)(B)
COMMERCIAL = gettext_noop("Commercial information")
NETWORK = gettext_noop("Internet or other electronic network activity information")
GEO = gettext_noop("Geolocation data (approximate, from your IP address)")
LOGIN = gettext_noop("Sensitive personal information (account log-in)")
# Special categories of data (GDPR art 9) and CCPA sensitive personal information (Cal. Civ. Code
# § 1798.140(ae)) among the details a shop can say it holds.
ART9 = frozenset({"health", "biometrics"})
SPI = {
    "health": gettext_noop("Sensitive personal information (health)"),
    "precise_location": gettext_noop("Sensitive personal information (precise geolocation)"),
    "biometrics": gettext_noop("Sensitive personal information (biometric information)"),
}


def _ccpa(*categories: str) -> tuple[str, ...]:
    """CCPA categories as the policy names them, in its language."""
    return tuple(_(category) for category in categories)


@dataclass(frozen=True)
class DataKind:
    key: str
    name: str
    examples: str
    source: str
    purposes: str
    bases: tuple[str, ...]  # the legal bases, as the English constants above (CONTRACT, ...): keys, not shown
    interest: str  # the legitimate interest, where that is the basis
    retention: str
    ccpa: tuple[str, ...]

    @property
    def basis(self) -> str:
        """The bases in the policy's language: "Contract; Legal obligation (tax law)" ('' for none)."""
        return "; ".join(_(b) for b in self.bases)

    @property
    def basis_text(self) -> str:
        """The bases as short sentences for a table cell: "Contract. Legitimate interests (stopping fraud)."."""
        parts = [f"{_(b)} ({self.interest})" if b == INTERESTS and self.interest else _(b) for b in self.bases]
        return " ".join(f"{part}." for part in parts)


def _record_basis(facts: Any) -> tuple[str, str]:
    """The GDPR basis for keeping order records. A legal obligation counts only under EU or member state
    law (GDPR art. 6(3)), or UK law under the UK GDPR: a shop based elsewhere keeps them for its own
    country's tax law, which is a legitimate interest (art. 6(1)(f)), not a legal obligation."""
    if facts.shop.country in EEA or facts.shop.country == "GB":
        return LEGAL_DUTY, ""
    # Translators: a legitimate interest, in brackets after "Legitimate interests" in the data table.
    # %(country)s is the shop's country as it stands after "in" ("the United States").
    return INTERESTS, _("keeping the records that tax law in %(country)s asks of us") % {
        "country": facts.shop.country_in
    }


# How the data table shows a kind: its `name` in bold, `examples` after a colon, `source` after "From"
# ("From you, when you order."); `purposes` ("to ...") and `retention` begin a cell, their first letter
# capitalised. The first kind's comments tell translators so.


def _order_period(retention: Any) -> str:
    """How long order records are kept, counted as the tax rule counts: many laws run the period from the
    end of the year the record belongs to (AO § 147(4), Companies Act 2006 s. 388), not from the order."""
    if retention.orders_counted_from == "calendar_year":
        # Translators: a retention period: "10 years after the end of the calendar year of your order, to
        # meet German commercial and tax law (...)".
        return _("%(period)s after the end of the calendar year of your order, to meet %(rule)s")
    if retention.orders_counted_from == "financial_year":
        # Translators: a retention period counted from the end of the shop's financial (tax) year.
        return _("%(period)s after the end of the financial year of your order, to meet %(rule)s")
    # Translators: a retention period: "6 years after your order, to meet the Irish tax code (...)".
    return _("%(period)s after your order, to meet %(rule)s")


def _order_kinds(facts: Any) -> list[DataKind]:
    duty, records = _record_basis(facts)
    keep = _order_period(facts.retention) % {"period": facts.retention.orders, "rule": facts.retention.orders_rule}
    providers = ngettext("our payment provider", "our payment providers", len(facts.payments.providers))
    if not facts.payments.card_numbers_known or (
        not facts.payments.stores_card_numbers and not facts.payments.card_gateway
    ):  # not said, or no provider that shows us the card: name only what every payment record holds
        card = _("how you paid and whether the payment went through")
    elif facts.payments.stores_card_numbers and "encrypted_storage" in facts.practices.security:
        card = _("your card number and expiry date, which reach our own system and which we store in encrypted form")
    elif facts.payments.stores_card_numbers:
        card = _("your card number and expiry date, which reach our own system")
    else:
        card = _("the card type, the last four digits and whether the payment went through")
    return [
        DataKind(
            # Translators: the data table's first column: a kind of data in bold, then examples after a colon.
            key="orders", name=_("Order details"),
            examples=_("your name, email address, phone number if you give it, billing and delivery address, what you buy and what you pay"),
            # Translators: where the data comes from, after "From" in the data table ("From you, when you order.").
            source=_("you, when you order online or by phone") if facts.data.phone_orders else _("you, when you order"),
            # Translators: a purpose, completing "We use it ..."; the data table capitalises the first letter.
            purposes=_("to take, deliver and support your order, with receipts and delivery updates"),
            bases=(CONTRACT, duty), interest=records, retention=keep, ccpa=_ccpa(IDENTIFIERS, RECORDS, COMMERCIAL),
        ),
        DataKind(
            key="payment", name=_("Payment details"), examples=card,
            # Translators: after "From"; %(providers)s is "our payment provider" or "our payment providers".
            source=_("you, and %(providers)s") % {"providers": providers},
            purposes=_("to take payment, give refunds and stop fraud"),
            bases=(CONTRACT, duty) + (() if records else (INTERESTS,)),
            # Translators: legitimate interests; %(other)s is "keeping the records that tax law in ... asks of us".
            interest=_("stopping fraud and %(other)s") % {"other": records} if records else _("stopping fraud"),
            retention=_("as for order details"), ccpa=_ccpa(RECORDS, COMMERCIAL),
        ),
    ]  # fmt: skip


def _optional_kinds(facts: Any) -> list[DataKind]:
    d, r = facts.data, facts.retention
    kinds = []
    if d.accounts:
        kinds.append(DataKind(
            key="account", name=_("Account details"),
            examples=_account_examples(facts),
            source=_("you, and us when we set up your account for you")
            if facts.practices.accounts_created == "shop_emails_password"
            else _("you, when you create or use an account"),
            purposes=_("to let you sign in, see past orders and check out faster"),
            bases=(CONTRACT,), interest="", retention=r.account, ccpa=_ccpa(IDENTIFIERS, LOGIN, COMMERCIAL),
        ))  # fmt: skip
    if d.contact_form:
        kinds.append(DataKind(
            key="messages", name=_("Messages you send us"),
            examples=_("your name, email address, phone number if you give it, and what you write"),
            source=_("you, when you contact us"), purposes=_("to answer your questions and help with your orders"),
            bases=(INTERESTS,), interest=_("answering people who write to us"),
            # Translators: %(period)s is a number of months: "24 months after we last reply".
            retention=_("%(period)s after we last reply") % {"period": r.support}, ccpa=_ccpa(IDENTIFIERS, RECORDS),
        ))  # fmt: skip
    if d.reviews:
        kinds.append(DataKind(
            key="reviews", name=_("Reviews"), examples=_("the name you post under, your rating and your review"),
            source=_("you, when you write a review"), purposes=_("to show your review to other shoppers"),
            bases=(CONSENT,), interest="", retention=_("until you ask us to remove it"),
            ccpa=_ccpa(IDENTIFIERS, COMMERCIAL),
        ))  # fmt: skip
    if d.surveys:
        anonymous, tool = facts.practices.surveys_anonymous == "yes", facts.practices.survey_tool
        kinds.append(DataKind(
            key="surveys", name=_("Survey answers"),
            examples=_("your answers, which we do not link to your name or email address") if anonymous
            else _("your answers, and your email address if you give it"),
            source=_("you, when you fill in a survey run by our survey tool") if tool
            else _("you, when you fill in a survey"),
            purposes=_("to improve our products and service"),
            # Translators: %(period)s is a number of months: "12 months after the survey closes".
            bases=(CONSENT,), interest="", retention=_("%(period)s after the survey closes") % {"period": r.surveys},
            ccpa=_ccpa(IDENTIFIERS),
        ))  # fmt: skip
    return kinds + _sensitive_kinds(facts)


def _account_examples(facts: Any) -> str:
    # How the password is kept is said once, under security.
    return _("your email address, your password, saved addresses and past orders")


def _sensitive_kinds(facts: Any) -> list[DataKind]:
    """The special or extra details a shop said it asks for, with the purpose it gave. GDPR art 9 lets
    a shop use special category data (health, biometrics) only with explicit consent."""
    sensitive = facts.sensitive
    if not sensitive.held:
        return []
    special = [k for k in sensitive.special if k in ART9]
    basis = EXPLICIT_CONSENT if special else CONSENT
    ccpa = tuple(SPI[k] for k in sensitive.special if k in SPI) + ((IDENTIFIERS,) if sensitive.other_fields else ())
    return [DataKind(
        key="sensitive", name=sensitive.description[:1].upper() + sensitive.description[1:],
        examples=_("the details you tell us"), source=_("you, when you give them to us"),
        # Translators: %(purpose)s is the shop owner's own words, in the policy's language, that follow "to".
        purposes=_("to %(purpose)s") % {"purpose": sensitive.purpose_phrase}, bases=(basis,), interest="",
        retention=_sensitive_retention(facts), ccpa=_ccpa(*(ccpa or (IDENTIFIERS,))),
    )]  # fmt: skip


def _sensitive_retention(facts: Any) -> str:
    months = facts.sensitive.retention_months
    if months:
        return ngettext("%(months)d month after your order", "%(months)d months after your order", months) % {
            "months": months
        }
    return _("as for order details")


def _tracking_kinds(facts: Any) -> list[DataKind]:
    r, kinds = facts.retention, []
    if facts.newsletter:
        kinds.append(DataKind(
            key="newsletter", name=_("Newsletter sign-up"),
            examples=_("your email address, your name if you give it, and which emails you open and links you click"),
            source=_("you, and our email service for opens and clicks"),
            purposes=_("to send you the news and offers you asked for"), bases=(CONSENT,), interest="",
            retention=_("until you unsubscribe"),
            ccpa=_ccpa(IDENTIFIERS, NETWORK),
        ))  # fmt: skip
        if facts.practices.marketing_email == "past_buyers_opt_out":
            kinds.append(DataKind(
                key="past_buyers", name=_("Emails to past buyers"),
                examples=_("your email address and what you bought"), source=_("you, when you order"),
                purposes=_("to email you about products like the ones you bought, until you say no"),
                bases=(INTERESTS,), interest=_("telling our customers about similar products"),
                retention=_("until you say no; after that we keep your email address only to stop our emails"),
                ccpa=_ccpa(IDENTIFIERS, COMMERCIAL),
            ))  # fmt: skip
    if facts.data.server_logs:
        kinds.append(DataKind(
            key="logs", name=_("Technical data"),
            examples=_("your IP address, browser and device, the pages you visit and when, and the page that sent you"),
            source=_("your browser, automatically"), purposes=_("to keep the site working and secure"),
            bases=(INTERESTS,), interest=_("a working, secure website"), retention=r.server_logs,
            ccpa=_ccpa(IDENTIFIERS, NETWORK, GEO),
        ))  # fmt: skip
    if facts.analytics:
        with_cookies = any(p.sets_cookies for p in facts.analytics)
        kinds.append(DataKind(
            key="analytics", name=_("Usage data"),
            examples=_("the pages you view, how long you stay, your device and browser, and your rough location, with a cookie ID")
            if with_cookies else _("the pages you view, how long you stay, your device and browser, and your rough location"),
            source=ngettext("your browser, through our analytics tool", "your browser, through our analytics tools",
                            len(facts.analytics)),
            purposes=_("to see which pages work well and improve the shop"),
            bases=_tracking_consent(facts) if with_cookies else (INTERESTS,),
            interest="" if with_cookies else _("learning how the shop is used, without cookies"),
            # A cookie ID is a unique online identifier (Cal. Civ. Code § 1798.140(v)(1)(A), (aj)).
            retention=r.analytics, ccpa=_ccpa(IDENTIFIERS, NETWORK, GEO) if with_cookies else _ccpa(NETWORK, GEO),
        ))  # fmt: skip
    if facts.advertising:
        kinds.append(DataKind(
            key="advertising", name=_("Advertising data"),
            examples=us_spelling(_("a cookie or pixel ID, the pages you view, what you add to your basket or buy, your device and IP address"), us=facts.shop.us_style_dates),
            source=ngettext("your browser, through our ad tag", "your browser, through our ad tags", len(facts.advertising)),
            purposes=_("to show our ads to people likely to want them, and to see if our ads work"),
            bases=_tracking_consent(facts), interest="", retention=r.advertising,
            ccpa=_ccpa(IDENTIFIERS, NETWORK, COMMERCIAL),
        ))  # fmt: skip
    return kinds


def _tracking_consent(facts: Any) -> tuple[str, ...]:
    """Cookies and tags that are not strictly necessary rest on consent only where the site asks for it
    (a consent banner, as the owner said): otherwise the policy names no basis, and coverage shows the gap."""
    return (CONSENT,) if facts.practices.has_banner else ()


def kinds_build(facts: Any) -> tuple[DataKind, ...]:
    """Every kind of data this shop holds, in the order the policy lists them."""
    return tuple(_order_kinds(facts) + _optional_kinds(facts) + _tracking_kinds(facts))
