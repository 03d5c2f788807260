"""The questionnaire's steps, one form per topic, and their order (STEPS). Each validates its page and
gives its part of the answers contract (DESIGN.md); `initial_from_answers` goes the other way, to change
a saved policy. The business, data, newsletter and review steps are here; the others have modules of
their own (service_forms, sensitive_form, customer_forms, practices_form, size_form, retention_form)."""

from functools import cache
from typing import Any

import pycountry
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.text import get_text_list
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.countries import is_region
from policybuilder.documents.law_tests import rule
from policybuilder.documents.law_texts import law_phrase
from policybuilder.questionnaire.customer_forms import CoppaForm, CustomersForm, RepresentativesForm, SalesForm
from policybuilder.questionnaire.fields import StepForm, email_field, url_field, yes_no, yes_or_no
from policybuilder.questionnaire.i18n import Text
from policybuilder.questionnaire.practices_form import PracticesForm
from policybuilder.questionnaire.retention_form import RetentionForm
from policybuilder.questionnaire.review_form import ReviewForm
from policybuilder.questionnaire.sensitive_form import SensitiveForm
from policybuilder.questionnaire.service_forms import AnalyticsForm, NewsletterDetailsForm, PaymentsForm, ShippingForm
from policybuilder.questionnaire.size_form import SizeForm
from policybuilder.questionnaire.widgets import FixedChoices, FixedListSelect

# The laws that require a postal address (clauses/laws.yaml `address_required`), as the hint names them:
# marked for translation, translated when the hint is written (address_hint).
ADDRESS_LAWS = {
    "children": gettext_noop("a shop made for children under 13 (COPPA)"),
    "ca": gettext_noop("a shop selling in Canada (PIPEDA)"),
    "jp": gettext_noop("a shop selling in Japan (APPI)"),
    "nz": gettext_noop("a shop selling in New Zealand (Privacy Act 2020)"),
}


def address_hint() -> str:
    """The postal address question's hint, naming the laws that need one as the library lists them
    (a law without words of its own here is named by the library's `says`, translated as its phrases)."""
    needed = [
        gettext(ADDRESS_LAWS[entry["law"]]) if entry["law"] in ADDRESS_LAWS else law_phrase(entry["says"])
        for entry in rule("address_required")
    ]
    laws = get_text_list(needed)  # "a, b or c", in Django's own words for the page's language
    return gettext("Needed for %(laws)s; a PO box is fine. Otherwise optional: customers can reach you by email.") % {
        "laws": laws
    }


@cache  # pycountry's list does not change while the process runs
def country_choices() -> list[tuple[str, Text]]:
    """The countries by their English names (pycountry's), after a first "Choose a country"."""
    named = ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return [("", _("Choose a country")), *sorted(named, key=lambda pair: pair[1])]


@cache
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _ in country_choices())


class CountryField(forms.ChoiceField):
    """A country by its code: looked up in a set, where Django's ChoiceField reads every choice again
    (the wizard checks the business page several times a request)."""

    def valid_value(self, value: Any) -> bool:
        return str(value) in country_codes()


class BusinessForm(StepForm):
    title = _("Your business")
    intro = _(
        "Who runs the shop and how customers reach you. The policy names you as the one responsible for their data."
    )

    name = forms.CharField(
        label=_("Shop name"),
        max_length=120,
        help_text=_("The name customers know you by, as it appears on your site."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Give the name of your shop.")},
    )
    legal_name = forms.CharField(
        label=_("Legal name of the business"),
        max_length=200,
        required=False,
        help_text=_(
            "The registered company or sole trader name, if it differs from the shop name. Leave empty if unsure: the shop name is used."
        ),
    )
    website = url_field(
        _("Shop website"),
        _("The address of your shop, like https://yourshop.com. The policy says which site it covers."),
    )
    email = email_field(
        _("Privacy contact email"),
        _("Where customers write about their data. Any inbox you read will do, like hello@yourshop.com."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("Optional. Give one only if you are happy for customers to call about privacy."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    country = CountryField(
        label=_("Country the business is based in"),
        choices=FixedChoices(country_choices),
        widget=FixedListSelect(attrs={"autocomplete": "country"}),
        help_text=_(
            "It decides which privacy laws always apply to you, and the tax rule for how long order records are kept."
        ),
        error_messages={"required": _("Choose the country your business is based in.")},
    )
    region = forms.CharField(
        label=_("State, province or region code"),
        max_length=3,
        required=False,
        help_text=_("Optional: the short code, like TX for Texas or ON for Ontario. Leave empty if unsure."),
    )
    privacy_officer = forms.CharField(
        label=_("Person in charge of privacy"),
        max_length=200,
        required=False,
        help_text=_(
            "The name or job title of who answers privacy questions, like “Pip Jones, owner”. Canada and Brazil require one; if unsure, give the owner's name."
        ),
    )

    def add_fields(self) -> None:
        self.fields["address"].help_text = address_hint()

    def clean_region(self) -> str:
        region = self.cleaned_data["region"].strip().upper()
        country = self.cleaned_data.get("country", "")
        if region and country and not is_region(country, region):
            raise forms.ValidationError(
                gettext(
                    "“%(region)s” is not a region code we know for that country. Give the short code, like TX for Texas, or leave it empty."
                )
                % {"region": region}
            )
        return region

    def answers(self) -> dict[str, Any]:
        business = {key: value for key, value in self.cleaned_data.items() if value}
        return {"business": business}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        business = answers.get("business")
        return {key: value for key, value in business.items() if key in cls.base_fields} if business else None


class DataForm(StepForm):
    title = _("What you collect")
    intro = _("Tick what your shop does. Every shop collects names, addresses and order details; these are the extras.")

    accounts = forms.BooleanField(
        label=_("Customers can create an account"),
        required=False,
        help_text=_("They sign in with an email and password to see past orders."),
    )
    contact_form = forms.BooleanField(
        label=_("A contact form or customer support email"),
        required=False,
        help_text=_("Customers can send you questions. Tick it if they can email you at all."),
    )
    reviews = forms.BooleanField(
        label=_("Product reviews"), required=False, help_text=_("Customers can post reviews or ratings on your site.")
    )
    surveys = forms.BooleanField(
        label=_("Surveys or feedback forms"),
        required=False,
        help_text=_("You ask customers for feedback after they buy."),
    )
    phone_orders = forms.BooleanField(
        label=_("Orders by phone"), required=False, help_text=_("Customers can also order by calling you.")
    )
    server_logs = forms.BooleanField(
        label=_("Your website keeps visit logs"),
        required=False,
        initial=True,
        help_text=_("Almost every web host records IP addresses of visitors. Leave it ticked if unsure."),
    )
    essential_cookies = forms.BooleanField(
        label=_("Your site sets cookies it needs to work"),
        required=False,
        initial=True,
        help_text=_("For the basket and signing in. Nearly every shop does: leave it ticked if unsure."),
    )

    def layout(self) -> Layout:
        return Layout(Fieldset(gettext("Which of these apply to your shop?"), *self.fields))

    def answers(self) -> dict[str, Any]:
        return {"data": dict(self.cleaned_data)}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "data" not in answers:
            return None
        defaults = {"server_logs": True, "essential_cookies": True}  # what the engine assumes when not said
        return {name: answers["data"].get(name, defaults.get(name, False)) for name in cls.base_fields}


class NewsletterForm(StepForm):
    title = _("Newsletter")
    intro = _(
        "Marketing emails need the customer's consent in many countries, and the policy must say how to stop them."
    )

    has_newsletter = yes_no(
        _("Do you send a newsletter or marketing emails?"),
        _(
            "Offers, new products or restock alerts sent to a list count. Answer No if you only send order "
            "confirmations and delivery updates."
        ),
    )

    def answers(self) -> dict[str, Any]:
        # With a newsletter, the details step gives the provider; without, the contract says null.
        return {} if self.cleaned_data["has_newsletter"] == "yes" else {"newsletter": None}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        return {"has_newsletter": yes_or_no(bool(answers["newsletter"]))} if "newsletter" in answers else None


# The wizard's steps in order, (URL name, form). conditions.py decides which apply.
STEPS: list[tuple[str, type[StepForm]]] = [
    ("business", BusinessForm),
    ("data", DataForm),
    ("sensitive", SensitiveForm),
    ("payments", PaymentsForm),
    ("analytics", AnalyticsForm),
    ("newsletter", NewsletterForm),
    ("newsletter-details", NewsletterDetailsForm),
    ("shipping", ShippingForm),
    ("customers", CustomersForm),
    ("sales", SalesForm),
    ("coppa", CoppaForm),
    ("representatives", RepresentativesForm),
    # After the customers: which practices apply depends on where they live and on data sales.
    ("practices", PracticesForm),
    ("size", SizeForm),
    ("retention", RetentionForm),
    ("review", ReviewForm),
]
