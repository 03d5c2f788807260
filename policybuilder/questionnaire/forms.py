"""The questionnaire's steps, one form per topic. Each validates its page and gives its part of the
answers contract (DESIGN.md); `initial_from_answers` goes the other way, to change a saved policy."""

from datetime import date
from typing import Any

import pycountry
from crispy_forms.layout import Fieldset, Layout
from django import forms

from policybuilder.documents.countries import EEA, is_region
from policybuilder.questionnaire.conditions import representative_areas
from policybuilder.questionnaire.fields import StepForm, email_field, url_field, yes_no, yes_or_no
from policybuilder.questionnaire.retention_form import RetentionForm
from policybuilder.questionnaire.service_forms import AnalyticsForm, NewsletterDetailsForm, PaymentsForm, ShippingForm

JURISDICTION_CHOICES = [
    ("us", "United States"),
    ("us-ca", "California (its own extra rules)"),
    ("eu", "European Union (and Iceland, Liechtenstein, Norway)"),
    ("uk", "United Kingdom"),
    ("ca", "Canada"),
    ("au", "Australia"),
    ("br", "Brazil"),
]


def country_choices() -> list[tuple[str, str]]:
    named = ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return [("", "Choose a country"), *sorted(named, key=lambda pair: pair[1])]


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
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages={"required": "Give a postal address customers can write to."},
        help_text="The law asks for a postal address customers can write to. A business address or PO box is fine.",
    )
    country = forms.ChoiceField(
        label="Country the business is based in",
        choices=country_choices,
        widget=forms.Select(attrs={"autocomplete": "country"}),
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


class CustomersForm(StepForm):
    title = "Your customers"
    intro = "Privacy laws follow your customers: where they live decides which rules the policy must meet."

    jurisdictions = forms.MultipleChoiceField(
        label="Where do your customers live?",
        choices=JURISDICTION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick every place you sell to. The rules of your own country are added anyway. "
        "If unsure, tick the places you ship to.",
        error_messages={"invalid_choice": "“%(value)s” is not one of the places listed. Tick from the list."},
    )
    children = yes_no(
        "Is your shop aimed at children under 13?",
        "Answer Yes if your site is made for children or you knowingly collect data from them; special rules "
        "(COPPA) then apply. A shop selling toys to parents answers No.",
    )
    sells_data = yes_no(
        "Do you sell customers' personal data?",
        "Selling means giving data to another business for money or other benefit, like renting out your "
        "mailing list. Almost every small shop answers No; ad pixels are handled from your earlier answers.",
    )

    def answers(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        return {
            "jurisdictions": list(cleaned["jurisdictions"]),
            "children": cleaned["children"] == "yes",
            "sells_data": cleaned["sells_data"] == "yes",
        }

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "jurisdictions" not in answers:
            return None
        chosen = [code for code in answers["jurisdictions"] if code in dict(JURISDICTION_CHOICES)]
        children = answers.get("children", False) or "children" in answers["jurisdictions"]
        return {
            "jurisdictions": chosen,
            "children": yes_or_no(children),
            "sells_data": yes_or_no(answers.get("sells_data", False)),
        }

    @staticmethod
    def initial_for(*, country: str, region: str) -> dict[str, Any]:
        """Tick the shop's own place to start with: its laws apply anyway."""
        home = {"US": "us", "GB": "uk", "CA": "ca", "AU": "au", "BR": "br"}.get(country)
        home = "eu" if country in EEA else home
        ticked = [home] if home else []
        return {"jurisdictions": ticked + (["us-ca"] if (country, region) == ("US", "CA") else [])}


class RepresentativesForm(StepForm):
    title = "Representatives"
    intro = (
        "You sell to people in Europe but have no office there. The GDPR (article 27) asks most such shops "
        "to name a representative there that customers can write to."
    )
    AREAS = {"eu": "in the EU", "uk": "in the UK"}

    def __init__(self, *args: Any, areas: tuple[str, ...] = ("eu", "uk"), **kwargs: Any):
        self.areas = areas
        super().__init__(*args, **kwargs)

    def layout(self) -> Layout:
        return Layout(
            *(
                Fieldset(f"Your representative {self.AREAS[a]}", f"{a}_name", f"{a}_address", f"{a}_email")
                for a in self.areas
            )
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for area in self.areas:
            parts = [f"{area}_name", f"{area}_address", f"{area}_email"]
            given = [p for p in parts if cleaned.get(p)]
            for missing in set(parts) - set(given) if given else ():
                if missing not in self.errors:
                    self.add_error(missing, "Fill this in too, or leave all three empty if you have no representative.")
        return cleaned

    def answers(self) -> dict[str, Any]:
        business = {}
        for area in self.areas:
            if self.cleaned_data.get(f"{area}_name"):
                business[f"{area}_representative"] = {
                    key: self.cleaned_data[f"{area}_{key}"] for key in ("name", "address", "email")
                }
        return {"business": business}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        initial: dict[str, Any] = {}
        for area in cls.AREAS:
            rep = answers.get("business", {}).get(f"{area}_representative") or {}
            initial |= {f"{area}_{key}": value for key, value in rep.items()}
        return initial if "business" in answers else None

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        country = answers.get("business", {}).get("country", "")
        return {"areas": representative_areas(country=country, jurisdictions=answers.get("jurisdictions", []))}

    def add_fields(self) -> None:
        for area in self.areas:
            where = self.AREAS[area]
            self.fields[f"{area}_name"] = forms.CharField(
                label=f"Name of your representative {where}",
                max_length=200,
                required=False,
                help_text="A person or company that acts for you there; firms offer this as a service. "
                "Leave all three empty if you have none yet: the coverage report will remind you.",
            )
            self.fields[f"{area}_address"] = forms.CharField(
                label="Their postal address",
                max_length=500,
                required=False,
                help_text=f"An address {where}, where customers can write to them.",
            )
            self.fields[f"{area}_email"] = email_field(
                "Their email address", "Where customers can email them about privacy.", required=False
            )


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
    ("payments", PaymentsForm),
    ("analytics", AnalyticsForm),
    ("newsletter", NewsletterForm),
    ("newsletter-details", NewsletterDetailsForm),
    ("shipping", ShippingForm),
    ("customers", CustomersForm),
    ("representatives", RepresentativesForm),
    ("retention", RetentionForm),
    ("review", ReviewForm),
]
