"""The questionnaire's steps, one form per topic, and their order (STEPS). Each validates its page and
gives its part of the answers contract (DESIGN.md); `initial_from_answers` goes the other way, to change
a saved policy. The business, data, newsletter and review steps are here; the others have modules of
their own (service_forms, sensitive_form, customer_forms, practices_form, size_form, retention_form)."""

from datetime import date
from functools import cache
from typing import Any

import pycountry
from crispy_forms.layout import Fieldset, Layout
from django import forms

from policybuilder.documents.countries import is_region
from policybuilder.documents.law_tests import rule
from policybuilder.questionnaire.customer_forms import CoppaForm, CustomersForm, RepresentativesForm, SalesForm
from policybuilder.questionnaire.fields import StepForm, email_field, url_field, yes_no, yes_or_no
from policybuilder.questionnaire.practices_form import PracticesForm
from policybuilder.questionnaire.retention_form import RetentionForm
from policybuilder.questionnaire.sensitive_form import SensitiveForm
from policybuilder.questionnaire.service_forms import AnalyticsForm, NewsletterDetailsForm, PaymentsForm, ShippingForm
from policybuilder.questionnaire.size_form import SizeForm
from policybuilder.questionnaire.widgets import FixedChoices, FixedListSelect

# The laws that require a postal address (clauses/laws.yaml `address_required`), as the hint names them.
ADDRESS_LAWS = {
    "children": "a shop made for children under 13 (COPPA)",
    "ca": "a shop selling in Canada (PIPEDA)",
    "jp": "a shop selling in Japan (APPI)",
    "nz": "a shop selling in New Zealand (Privacy Act 2020)",
}


def address_hint() -> str:
    """The postal address question's hint, naming the laws that need one as the library lists them."""
    needed = [ADDRESS_LAWS.get(entry["law"], entry["says"]) for entry in rule("address_required")]
    laws = " or ".join([", ".join(needed[:-1]), needed[-1]] if len(needed) > 1 else needed)
    return f"Needed for {laws}; a PO box is fine. Otherwise optional: customers can reach you by email."


@cache  # pycountry's list does not change while the process runs
def country_choices() -> list[tuple[str, str]]:
    named = ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return [("", "Choose a country"), *sorted(named, key=lambda pair: pair[1])]


@cache
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _ in country_choices())


class CountryField(forms.ChoiceField):
    """A country by its code: looked up in a set, where Django's ChoiceField reads every choice again
    (the wizard checks the business page several times a request)."""

    def valid_value(self, value: Any) -> bool:
        return str(value) in country_codes()


class BusinessForm(StepForm):
    title = "Your business"
    intro = "Who runs the shop and how customers reach you. The policy names you as the one responsible for their data."

    name = forms.CharField(
        label="Shop name",
        max_length=120,
        help_text="The name customers know you by, as it appears on your site.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": "Give the name of your shop."},
    )
    legal_name = forms.CharField(
        label="Legal name of the business",
        max_length=200,
        required=False,
        help_text="The registered company or sole trader name, if it differs from the shop name. Leave empty if unsure: the shop name is used.",
    )
    website = url_field(
        "Shop website", "The address of your shop, like https://yourshop.com. The policy says which site it covers."
    )
    email = email_field(
        "Privacy contact email",
        "Where customers write about their data. Any inbox you read will do, like hello@yourshop.com.",
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        required=False,
        help_text="Optional. Give one only if you are happy for customers to call about privacy.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label="Postal address",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    country = CountryField(
        label="Country the business is based in",
        choices=FixedChoices(country_choices),
        widget=FixedListSelect(attrs={"autocomplete": "country"}),
        help_text="It decides which privacy laws always apply to you, and the tax rule for how long order records are kept.",
        error_messages={"required": "Choose the country your business is based in."},
    )
    region = forms.CharField(
        label="State, province or region code",
        max_length=3,
        required=False,
        help_text="Optional: the short code, like TX for Texas or ON for Ontario. Leave empty if unsure.",
    )
    privacy_officer = forms.CharField(
        label="Person in charge of privacy",
        max_length=200,
        required=False,
        help_text="The name or job title of who answers privacy questions, like “Pip Jones, owner”. Canada and Brazil require one; if unsure, give the owner's name.",
    )

    def add_fields(self) -> None:
        self.fields["address"].help_text = address_hint()

    def clean_region(self) -> str:
        region = self.cleaned_data["region"].strip().upper()
        country = self.cleaned_data.get("country", "")
        if region and country and not is_region(country, region):
            raise forms.ValidationError(
                f"“{region}” is not a region code we know for that country. Give the short code, like TX for Texas, or leave it empty."
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
    title = "What you collect"
    intro = "Tick what your shop does. Every shop collects names, addresses and order details; these are the extras."

    accounts = forms.BooleanField(
        label="Customers can create an account",
        required=False,
        help_text="They sign in with an email and password to see past orders.",
    )
    contact_form = forms.BooleanField(
        label="A contact form or customer support email",
        required=False,
        help_text="Customers can send you questions. Tick it if they can email you at all.",
    )
    reviews = forms.BooleanField(
        label="Product reviews", required=False, help_text="Customers can post reviews or ratings on your site."
    )
    surveys = forms.BooleanField(
        label="Surveys or feedback forms", required=False, help_text="You ask customers for feedback after they buy."
    )
    phone_orders = forms.BooleanField(
        label="Orders by phone", required=False, help_text="Customers can also order by calling you."
    )
    server_logs = forms.BooleanField(
        label="Your website keeps visit logs",
        required=False,
        initial=True,
        help_text="Almost every web host records IP addresses of visitors. Leave it ticked if unsure.",
    )
    essential_cookies = forms.BooleanField(
        label="Your site sets cookies it needs to work",
        required=False,
        initial=True,
        help_text="For the basket and signing in. Nearly every shop does: leave it ticked if unsure.",
    )

    def layout(self) -> Layout:
        return Layout(Fieldset("Which of these apply to your shop?", *self.fields))

    def answers(self) -> dict[str, Any]:
        return {"data": dict(self.cleaned_data)}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "data" not in answers:
            return None
        defaults = {"server_logs": True, "essential_cookies": True}  # what the engine assumes when not said
        return {name: answers["data"].get(name, defaults.get(name, False)) for name in cls.base_fields}


class NewsletterForm(StepForm):
    title = "Newsletter"
    intro = "Marketing emails need the customer's consent in many countries, and the policy must say how to stop them."

    has_newsletter = yes_no(
        "Do you send a newsletter or marketing emails?",
        "Offers, new products or restock alerts sent to a list count. Answer No if you only send order "
        "confirmations and delivery updates.",
    )

    def answers(self) -> dict[str, Any]:
        # With a newsletter, the details step gives the provider; without, the contract says null.
        return {} if self.cleaned_data["has_newsletter"] == "yes" else {"newsletter": None}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        return {"has_newsletter": yes_or_no(bool(answers["newsletter"]))} if "newsletter" in answers else None


class ReviewForm(StepForm):
    title = "Review"
    intro = "Check your answers. Change any of them, then create your policy."

    effective_date = forms.DateField(
        label="Date the policy takes effect",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Usually today. The policy shows it as its “last updated” date; change it whenever you update the policy.",
        error_messages={
            "invalid": "Enter a date like 2026-11-22 (year, month, day).",
            "required": "Give the date the policy takes effect; today is fine.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["effective_date"].initial = date.today()

    def answers(self) -> dict[str, Any]:
        return {"effective_date": self.cleaned_data["effective_date"].isoformat(), "language": "en"}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        return {"effective_date": answers["effective_date"]} if "effective_date" in answers else None


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
