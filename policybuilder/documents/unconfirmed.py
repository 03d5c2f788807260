""" "To confirm": the facts a policy needs that the owner has not given.

Where the answers do not say whether the shop does something, the policy stays silent on it (or
uses a default said as a default) and this list tells the owner what to answer. Each item names
the question (its questionnaire step and field) that settles it. The result page and the JSON
export show the list; nothing here ever reaches the policy's own text.

The questions are in the policy's language (gettext): they are built during assembly, inside its
translation.override. Those that come from clauses/laws.yaml (law_questions.py) stay as written there.
"""

from typing import Any

from django.utils.translation import gettext as _

from policybuilder.documents.facts import PolicyFacts
from policybuilder.documents.law_questions import laws_unconfirmed
from policybuilder.documents.retention import retention_stated
from policybuilder.documents.tax_records import tax_record_rule
from policybuilder.documents.to_confirm import Unconfirmed, unconfirmed_item

_item = unconfirmed_item


def _practice_items(facts: PolicyFacts, answers: dict[str, Any]) -> list[Unconfirmed]:
    p, items = facts.practices, []
    if (facts.cookie_trackers or facts.advertising) and not p.consent_banner:
        items.append(_item("practices.consent_banner", "practices",
                           _("Does your site ask visitors to accept or refuse cookies (a cookie banner), and with which tool?"),
                           _("The policy does not describe a cookie banner or a link to change cookie choices.")))  # fmt: skip
    if facts.laws.us_ca and facts.sells_or_shares and not p.gpc:
        items.append(_item("practices.gpc", "practices",
                           _("Does your site honour Global Privacy Control (GPC) signals from browsers, and how?"),
                           _("The policy does not say that your site responds to Global Privacy Control.")))  # fmt: skip
    if p.gpc == "honoured" and facts.data.accounts and "gpc_account" not in answers.get("practices", {}):
        items.append(_item("practices.gpc_account", "practices",
                           _("When a signed-in customer's browser sends GPC, do you apply the opt-out to their account too?"),
                           _("The policy does not say that an opt-out follows a customer's account.")))  # fmt: skip
    if facts.laws.us and not p.dnt:
        items.append(_item("practices.dnt", "practices",
                           _("What does your site do when a browser sends a Do Not Track signal?"),
                           _("The policy does not say how your site responds to Do Not Track, which CalOPPA asks it to.")))  # fmt: skip
    if facts.laws.us_ca and facts.sells_or_shares and "optout_link" not in answers.get("practices", {}):
        items.append(_item("practices.optout_link", "practices",
                           _('What are the words of the link on your site that lets visitors opt out of the sale or sharing of their data ("Do Not Sell or Share My Personal Information" or "Your Privacy Choices")?'),
                           _("The policy does not point California visitors to an opt-out link.")))  # fmt: skip
    if p.has_banner and not p.consent_link:
        items.append(_item("practices.consent_link", "practices",
                           _("What are the words of the link on your site that reopens the cookie choices?"),
                           _("The policy says visitors can withdraw consent, but not where.")))  # fmt: skip
    if facts.newsletter and not p.marketing_email:
        items.append(_item("practices.marketing_email", "practices",
                           _("Do you email offers to past customers who did not sign up for the newsletter?"),
                           _("The policy does not say whether buying from you adds a customer to your mailing list.")))  # fmt: skip
    if facts.data.accounts and not p.accounts_created:
        items.append(_item("practices.accounts_created", "practices",
                           _("How are customer accounts created: does the customer choose a password, or do you email one?"),
                           _("The policy does not describe how account passwords are set or stored.")))  # fmt: skip
    if facts.data.phone_orders and not p.phone_cards:
        items.append(_item("practices.phone_cards", "practices",
                           _("When a customer orders by phone, what happens to the card details they read out?"),
                           _("The policy does not say whether you keep card details given by phone.")))  # fmt: skip
    if facts.data.surveys and not p.surveys_anonymous:
        items.append(_item("practices.surveys_anonymous", "practices",
                           _("Are your surveys anonymous, and which tool runs them?"),
                           _("The policy does not say whether survey answers are linked to the customer.")))  # fmt: skip
    if facts.laws.gdpr and facts.payments.providers and not p.fraud_checks:
        items.append(_item("practices.fraud_checks", "practices",
                           _("Can an automated fraud check (yours or your payment provider's) decline an order?"),
                           _("The policy does not say whether any decision about a customer is made by automated means alone.")))  # fmt: skip
    if "security" not in answers.get("practices", {}):
        items.append(_item("practices.security", "practices",
                           _("Which security measures do you use: HTTPS on every page, hashed passwords, staff access limits?"),
                           _("The security section names only what your providers do, not your own measures.")))  # fmt: skip
    if "other_recipients" not in answers.get("practices", {}):
        items.append(_item("practices.other_recipients", "practices",
                           _("Besides your providers, do you share data with fraud prevention services, professional advisers or a buyer of the business?"),
                           _("The policy names only your providers and the authorities as recipients.")))  # fmt: skip
    return items


def _data_items(facts: PolicyFacts, answers: dict[str, Any]) -> list[Unconfirmed]:
    items, data = [], answers.get("data", {})
    if not facts.sensitive.known:
        items.append(_item("sensitive", "sensitive",
                           _("Do you hold health information, data about children, precise location or biometric data, or ask for details like a date of birth?"),
                           _("The policy does not say whether you hold sensitive information.")))  # fmt: skip
    if facts.sensitive.held and not facts.sensitive.retention_months:
        items.append(_item("sensitive.retention_months", "sensitive",
                           # Translators: %(data)s is what is kept: "order records", "customer accounts", or the
                           # sensitive data a shop holds, as a list ("health information and date of birth").
                           _("How long do you keep %(data)s?") % {"data": facts.sensitive.description},
                           # Translators: "them" is the sensitive data the question before names.
                           _("The policy keeps them as long as order details, although no tax rule asks that of them.")))  # fmt: skip
    if "server_logs" not in data:
        items.append(_item("data.server_logs", "data",
                           _("Confirm that your website keeps visit logs with IP addresses."),
                           _("The policy assumes your website keeps visit logs with IP addresses, as nearly every shop's does.")))  # fmt: skip
    if "essential_cookies" not in data:
        items.append(_item("data.essential_cookies", "data",
                           _("Confirm that your site sets cookies it needs to work."),
                           _("The policy assumes your site sets cookies it needs to work, as nearly every shop's does.")))  # fmt: skip
    if facts.platform is None and "platform" not in answers:
        items.append(_item("platform", "payments", _("Which company runs or hosts your shop's website?"),
                           _("The policy names no company that hosts your site.")))  # fmt: skip
    if (facts.laws.eu or facts.laws.cn or facts.laws.quebec) and not facts.children and facts.teens is None:
        items.append(_item("teens", "customers", _("Is your shop aimed at teenagers under 16?"),
                           _("The policy says your shop is not meant for children under 13, and nothing of older children.")))  # fmt: skip
    if not facts.sells_data_known:
        items.append(_item("sells_data", "customers", _("Do you sell customers' personal data?"),
                           _("The policy does not say whether you sell personal data.")))  # fmt: skip
    if facts.payments.providers and "stores_card_numbers" not in answers.get("payments", {}):
        items.append(_item("payments.stores_card_numbers", "payments",
                           _("Confirm that card numbers are entered on your payment provider's own form, never stored by you."),
                           _("The policy does not say where card numbers go.")))  # fmt: skip
    return items


def _retention_items(facts: PolicyFacts, answers: dict[str, Any]) -> list[Unconfirmed]:
    given, items = answers.get("retention", {}), []
    for key, label, period in retention_stated(facts):
        if key in given:
            continue
        question = _("How long do you keep %(data)s?") % {"data": label}
        # Translators: %(period)s is a retention period as the policy states it: "30 days", "until you delete
        # it", "7 years, under US tax rules (...)".
        meanwhile = _("The policy gives our default: %(period)s.") % {"period": period}
        if key == "orders_years" and not tax_record_rule(facts.shop.country).confirmed:
            # No checked law for this country: the period is ours, so the owner must give the real one.
            values = {"country": facts.shop.country_in, "period": period}
            if values["country"]:
                # Translators: %(country)s is a country's name as it stands after "in" ("the United States").
                question = _("How long does the law in %(country)s make you keep order and invoice records?") % values
                # Translators: %(country)s is a country's name as it stands after "in" ("the United States");
                # %(period)s a retention period and its rule ("10 years, under our record-keeping rules").
                meanwhile = _("The tax-record period for %(country)s is not confirmed. The policy gives our default, %(period)s, and names no law.") % values  # fmt: skip
            else:
                question = _("How long does the law in your country make you keep order and invoice records?")
                # Translators: %(period)s is a retention period and its rule ("10 years, under our record-keeping rules").
                meanwhile = _("The tax-record period for your country is not confirmed. The policy gives our default, %(period)s, and names no law.") % values  # fmt: skip
        items.append(_item(f"retention.{key}", "retention", question, meanwhile))
    return items


def unconfirmed_build(*, facts: PolicyFacts, answers: dict[str, Any]) -> tuple[Unconfirmed, ...]:
    """Every fact this shop's policy would need and the answers do not give, in questionnaire order.
    Called once per assembly; the items go to the result page and the JSON export."""
    items = _data_items(facts, answers) + _practice_items(facts, answers) + laws_unconfirmed(facts, answers)
    return tuple(items + _retention_items(facts, answers))
