"""The customers step and the steps that follow it when its answers call for them: representatives
in the EU or the UK, the details of data sales (only for a shop that sells personal data) and the
parental consent method (only for a shop aimed at children under 13), each required when it applies."""

from typing import Any, NamedTuple

from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.applicability import address_errors
from policybuilder.documents.countries import EEA
from policybuilder.documents.schema_practices import coppa_errors
from policybuilder.questionnaire.answer_fields import LinesField, lines_initial
from policybuilder.questionnaire.conditions import representative_areas
from policybuilder.questionnaire.fields import YES_NO, StepForm, email_field, yes_no, yes_or_no
from policybuilder.questionnaire.i18n import Text

JURISDICTION_CHOICES = [
    ("us", _("United States")),
    ("us-ca", _("California (its own extra rules)")),
    ("eu", _("European Union (and Iceland, Liechtenstein, Norway)")),
    ("uk", _("United Kingdom")),
    ("ch", _("Switzerland")),
    ("ca", _("Canada")),
    ("au", _("Australia")),
    ("jp", _("Japan")),
    ("nz", _("New Zealand")),
    ("sg", _("Singapore")),
    ("cn", _("China (mainland)")),
    ("br", _("Brazil")),
]


class CustomersForm(StepForm):
    title = _("Your customers")
    intro = _("Privacy laws follow your customers: where they live decides which rules the policy must meet.")
    decided_by = ("business",)

    jurisdictions = forms.MultipleChoiceField(
        label=_("Where do your customers live?"),
        choices=JURISDICTION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick every place you sell to. The rules of your own country are added anyway. "
            "If unsure, tick the places you ship to."
        ),
        error_messages={"invalid_choice": _("“%(value)s” is not one of the places listed. Tick from the list.")},
    )
    children = yes_no(
        _("Is your shop aimed at children under 13?"),
        _(
            "Answer Yes if your site is made for children or you knowingly collect data from them; special rules "
            "(COPPA) then apply. A shop selling toys to parents answers No."
        ),
    )
    teens = forms.ChoiceField(
        label=_("Is your shop aimed at teenagers under 16?"),
        help_text=_(
            "In the EU young people can agree to uses of their data themselves from 16 (13 to 16 by country), in "
            "mainland China from 14. If you answer No, the policy says your shop is not meant for them."
        ),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose Yes or No, or leave the question unanswered.")},
    )
    sells_data = yes_no(
        _("Do you sell customers' personal data?"),
        _(
            "Selling means giving data to another business for money or other benefit, like renting out your "
            "mailing list. Almost every small shop answers No; ad pixels are handled from your earlier answers."
        ),
    )

    def __init__(self, *args: Any, business: dict[str, Any] | None = None, **kwargs: Any):
        self.business = business or {}  # the business page's answers: its address and country
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Where customers live decides whether a law needs a postal address: say so here, not at the end.
        chosen = {"jurisdictions": list(cleaned.get("jurisdictions", [])), "children": cleaned.get("children") == "yes"}
        for error in address_errors(chosen | {"business": self.business}) if self.business else ():
            message = error.partition(": ")[2]  # in the page's language: documents/applicability.py writes it
            # Translators: %(problem)s is what a law asks for, from the clause library (laws.yaml), its citation
            # in brackets, then "Please give one; a PO box is fine."
            problem = gettext("%(problem)s Add it on the “Your business” page.")
            self.add_error(None, problem % {"problem": capfirst(message)})
        return cleaned

    def answers(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        teens = {"teens": cleaned["teens"] == "yes"} if cleaned.get("teens") in ("yes", "no") else {}
        return {
            "jurisdictions": list(cleaned["jurisdictions"]),
            "children": cleaned["children"] == "yes",
            **teens,
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
            "teens": yes_or_no(answers["teens"]) if isinstance(answers.get("teens"), bool) else "",
            "sells_data": yes_or_no(answers.get("sells_data", False)),
        }

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        return {"business": answers.get("business", {})}

    @staticmethod
    def initial_for(*, country: str, region: str) -> dict[str, Any]:
        """Tick the shop's own place to start with: its laws apply anyway."""
        home = {"US": "us", "GB": "uk", "CH": "ch", "CA": "ca", "AU": "au", "JP": "jp", "NZ": "nz", "SG": "sg",
                "CN": "cn", "BR": "br"}.get(country)  # fmt: skip
        home = "eu" if country in EEA else home
        ticked = [home] if home else []
        return {"jurisdictions": ticked + (["us-ca"] if (country, region) == ("US", "CA") else [])}


class AreaWords(NamedTuple):
    """What the representatives step says of one area, each a whole sentence for translators."""

    legend: Text  # "Your representative in the EU"
    name: Text  # the name's label
    address: Text  # the address's hint


class RepresentativesForm(StepForm):
    title = _("Representatives")
    intro = _(
        "You sell to people in Europe but have no office there. The GDPR (article 27) asks most such shops "
        "to name a representative there that customers can write to."
    )
    AREAS = {
        "eu": AreaWords(
            _("Your representative in the EU"),
            _("Name of your representative in the EU"),
            _("An address in the EU, where customers can write to them."),
        ),
        "uk": AreaWords(
            _("Your representative in the UK"),
            _("Name of your representative in the UK"),
            _("An address in the UK, where customers can write to them."),
        ),
    }
    decided_by = ("business", "customers")

    def __init__(self, *args: Any, areas: tuple[str, ...] = ("eu", "uk"), **kwargs: Any):
        self.areas = areas
        super().__init__(*args, **kwargs)

    def layout(self) -> Layout:
        return Layout(*(Fieldset(self.AREAS[a].legend, f"{a}_name", f"{a}_address", f"{a}_email") for a in self.areas))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for area in self.areas:
            parts = [f"{area}_name", f"{area}_address", f"{area}_email"]
            given = [p for p in parts if cleaned.get(p)]
            for missing in set(parts) - set(given) if given else ():
                if missing not in self.errors:
                    self.add_error(
                        missing, gettext("Fill this in too, or leave all three empty if you have no representative.")
                    )
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
            words = self.AREAS[area]
            self.fields[f"{area}_name"] = forms.CharField(
                label=words.name,
                max_length=200,
                required=False,
                help_text=gettext(
                    "A person or company that acts for you there; firms offer this as a service. "
                    "Leave all three empty if you have none yet: the coverage report will remind you."
                ),
            )
            self.fields[f"{area}_address"] = forms.CharField(
                label=gettext("Their postal address"),
                max_length=500,
                required=False,
                help_text=words.address,
            )
            self.fields[f"{area}_email"] = email_field(
                gettext("Their email address"), gettext("Where customers can email them about privacy."), required=False
            )


# Ways of getting verifiable parental consent that 16 CFR 312.5(b)(2) lists, in plain words.
PARENTAL_CONSENT_LABELS = {
    "signed_form": _("A consent form the parent signs and sends back by post, fax or a scan"),
    "card_transaction": _("A payment by the parent's credit or debit card, which tells the card holder of each charge"),
    "phone_or_video": _("A call to a toll-free number, or a video call, with trained staff"),
    "id_check": _("A check of the parent's government ID against a database, deleting the ID once checked"),
    "knowledge_questions": _("Questions that only the parent is likely to be able to answer"),
    "email_plus": _(
        "An email from the parent plus a further check, like a later confirming email "
        "(only if you pass no child's data to anyone else)"
    ),
}  # every value of PARENTAL_CONSENT: tests/questionnaire/test_new_steps.py checks it


class SalesForm(StepForm):
    title = _("Selling personal data")
    intro = _("You said you sell customers' personal data. The policy must then say what you sell, to what kinds of business, and why.")  # fmt: skip

    categories = LinesField(
        label=_("What personal data you sell"),
        item_length=120,
        max_items=20,
        required=True,
        help_text=_("One kind per line, like “names and email addresses” or “what customers bought”."),
        error_messages={"required": _("Say what personal data you sell, one kind per line.")},
    )
    buyers = LinesField(
        label=_("What kinds of business buy it"),
        item_length=120,
        max_items=20,
        required=True,
        help_text=_(
            "One kind per line, like “marketing companies” or “other shops”. Kinds are enough: no names needed."
        ),
        error_messages={"required": _("Say what kinds of business buy the data, one kind per line.")},
    )
    purpose = forms.CharField(
        label=_("What the buyers use it for"),
        max_length=300,
        help_text=_("In a few words, like “to send you offers for their own products”."),
        error_messages={"required": _("Say what the buyers use the data for, in a few words.")},
    )

    buyer_names = LinesField(
        label=_("The businesses you sell it to, by name (optional)"),
        item_length=120,
        max_items=50,
        required=False,
        help_text=_(
            "One per line. Rhode Island's law asks the policy to name every business you sell to or may "
            "sell to; leave it empty if you have no customers there."
        ),
    )
    sensitive = forms.ChoiceField(
        label=_("Does what you sell include sensitive data?"),
        help_text=_(
            "Sensitive data is health information, precise location, biometric data or data about "
            "children. Texas's law then requires a notice in the policy, and several states require consent."
        ),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the answers listed. Choose Yes or No.")},
    )

    def answers(self) -> dict[str, Any]:
        sales = {key: self.cleaned_data[key] for key in ("categories", "buyers", "purpose")}
        said = self.cleaned_data.get("sensitive")
        names = self.cleaned_data.get("buyer_names") or []
        return {
            "sales": sales | ({"sensitive": said == "yes"} if said else {}) | ({"buyer_names": names} if names else {})
        }

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        sales = answers.get("sales")
        if not sales:
            return None
        lines = {key: lines_initial(sales.get(key)) for key in ("categories", "buyers", "buyer_names")}
        said = {True: "yes", False: "no"}.get(sales.get("sensitive"), "")
        return lines | {"purpose": sales.get("purpose", ""), "sensitive": said}


class CoppaForm(StepForm):
    title = _("Children's privacy")
    intro = _(
        "Your shop is made for children under 13, so COPPA, a US law, applies. Before you collect any personal "
        "information from a child, you must get verifiable consent from a parent: a step that shows the person "
        "agreeing really is the child's parent (16 CFR 312.5). The policy must say how you do it (16 CFR 312.4)."
    )
    decided_by = ("business", "analytics", "customers")

    parental_consent = forms.ChoiceField(
        label=_("How do you get a parent's consent?"),
        choices=list(PARENTAL_CONSENT_LABELS.items()),
        widget=forms.RadioSelect,
        help_text=_(
            "Choose the method you use before a child gives you any personal information. These are the "
            "methods the COPPA rule names; the policy tells parents which one you use."
        ),
        error_messages={
            "required": _("Choose how you get a parent's consent: COPPA requires the policy to say so."),
            "invalid_choice": _("“%(value)s” is not one of the methods listed. Choose one from the list."),
        },
    )

    def __init__(self, *args: Any, shop: dict[str, Any] | None = None, **kwargs: Any):
        self.shop = shop or {}  # the answers COPPA limits: ad tags, data sales, the business
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        picked = cleaned.get("parental_consent")
        # The contract's own COPPA rules, so that the page refuses exactly what the policy would.
        answers = self.shop | {"children": True, "coppa": {"parental_consent": picked} if picked else {}}
        for error in coppa_errors(answers):
            path, _, message = error.partition(": ")
            message = message[:1].upper() + message[1:]
            if path.startswith("coppa."):
                if picked:  # an empty choice has its own message already
                    self.add_error("parental_consent", message)
            else:
                self.add_error(None, message)
        return cleaned

    def answers(self) -> dict[str, Any]:
        return {"coppa": {"parental_consent": self.cleaned_data["parental_consent"]}}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        coppa = answers.get("coppa")
        return {"parental_consent": coppa["parental_consent"]} if coppa and "parental_consent" in coppa else None

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        keys = ("business", "analytics", "sells_data")
        return {"shop": {key: answers[key] for key in keys if key in answers}}
