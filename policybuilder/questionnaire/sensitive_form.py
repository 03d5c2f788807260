"""The "Sensitive information" step: special kinds of data, other personal details the shop asks
for, and why. Nothing ticked says nothing: the owner confirms "none" with its own box."""

from typing import Any

from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.schema_practices import SENSITIVE_FLAGS
from policybuilder.questionnaire.answer_fields import LinesField, lines_initial
from policybuilder.questionnaire.fields import StepForm

NONE_FIELD = "none"


class SensitiveForm(StepForm):
    title = _("Sensitive information")
    intro = _(
        "Some kinds of personal data need extra care, and the policy must say if you hold them. "
        "Most shops hold none of these: tick “None of these” to say so."
    )
    # The "To confirm" item about sensitive data names the whole step: it lands on the first question.
    ANCHORS = {"sensitive": "health"}

    health = forms.BooleanField(
        label=_("Health information"),
        required=False,
        help_text=_("Like allergies, a prescription or a medical condition that customers tell you about."),
    )
    children = forms.BooleanField(
        label=_("Information about children"),
        required=False,
        help_text=_("Like a child's name, age or birthday that a parent gives you, for a gift or a birthday club."),
    )
    precise_location = forms.BooleanField(
        label=_("Precise location"),
        required=False,
        help_text=_(
            "A phone's GPS position, more exact than the town an IP address shows. A delivery address does not count."
        ),
    )
    biometrics = forms.BooleanField(
        label=_("Biometric information"),
        required=False,
        help_text=_("Fingerprints, face scans or voice prints, for example from a virtual try-on that maps the face."),
    )
    none = forms.BooleanField(
        label=_("None of these, and we ask for no other personal details"),
        required=False,
        help_text=_(
            "Tick it to confirm. If you leave every box empty, the policy says nothing about sensitive "
            "information and your result page reminds you to answer."
        ),
    )
    other_fields = LinesField(
        label=_("Other personal details you ask for"),
        item_length=80,
        max_items=20,
        help_text=_(
            "One per line, like “date of birth” or “profession”: anything beyond names, addresses, "
            "contact, order and payment details. Leave it empty if you ask for nothing else."
        ),
    )
    purpose = forms.CharField(
        label=_("Why you ask for these details"),
        max_length=300,
        required=False,
        help_text=_(
            "It completes the sentence “We use it to …”, like “check that you are old enough to buy” "
            "or “make your glasses to your prescription”. Needed when you tick or list anything above."
        ),
    )

    retention_months = forms.IntegerField(
        label=_("How many months after an order you keep these details"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_(
            "Optional. No tax rule asks you to keep them, so keep them no longer than you need. "
            "Leave it empty to keep them as long as the order records."
        ),
        error_messages={"invalid": _("Give a whole number of months from 1 to 120, or leave it empty.")},
    )

    consent = forms.BooleanField(
        label=_("We ask each customer for consent before we collect health, location, biometric or children's data"),
        required=False,
        help_text=_(
            "Tick only if it is true, for example a box the customer ticks. Most US state privacy laws "
            "require this consent; the policy then tells customers they can withdraw it."
        ),
    )

    def layout(self) -> Layout:
        return Layout(
            Fieldset(gettext("Do you hold any of these?"), *SENSITIVE_FLAGS, NONE_FIELD),
            "other_fields",
            "purpose",
            "retention_months",
            "consent",
        )

    def held(self) -> bool:
        return any(self.cleaned_data.get(flag) for flag in SENSITIVE_FLAGS) or bool(
            self.cleaned_data.get("other_fields")
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.has_error("other_fields"):
            return cleaned
        if cleaned.get(NONE_FIELD) and self.held():
            self.add_error(NONE_FIELD, gettext("You ticked “None of these” and also ticked or listed details: untick one or the other."))  # fmt: skip
        elif self.held() and not cleaned.get("purpose"):
            self.add_error(
                "purpose",
                gettext(
                    "Say why you ask for these details, like “to check that you are old enough to buy”: "
                    "the policy must tell customers."
                ),
            )
        elif cleaned.get("purpose") and not self.held():
            self.add_error("purpose", gettext("Tick or list the details this is for, or empty this box."))
        return cleaned

    def answered(self) -> bool:
        return self.held() or bool(self.cleaned_data.get(NONE_FIELD))

    def answers(self) -> dict[str, Any]:
        if not self.answered():
            return {}  # no answer: the policy says nothing about sensitive data (documents/practices.py)
        cleaned = self.cleaned_data
        sensitive: dict[str, Any] = {flag: cleaned[flag] for flag in SENSITIVE_FLAGS}
        if cleaned["other_fields"]:
            sensitive["other_fields"] = cleaned["other_fields"]
        if cleaned["purpose"]:
            sensitive["purpose"] = cleaned["purpose"]
        if cleaned.get("retention_months") and self.held():
            sensitive["retention_months"] = cleaned["retention_months"]
        if cleaned.get("consent") and any(cleaned[flag] for flag in SENSITIVE_FLAGS):
            sensitive["consent"] = True
        return {"sensitive": sensitive}

    def summary(self) -> list[tuple[str, str]]:
        if not self.answered():
            return [(gettext("Do you hold any of these?"), gettext("Not given"))]
        cleaned = self.cleaned_data
        if cleaned[NONE_FIELD]:
            return [(str(self.fields[NONE_FIELD].label), gettext("Yes"))]
        pairs = [
            (str(self.fields[flag].label), gettext("Yes") if cleaned[flag] else gettext("No"))
            for flag in SENSITIVE_FLAGS
        ]
        if cleaned["other_fields"]:
            pairs.append((str(self.fields["other_fields"].label), "; ".join(cleaned["other_fields"])))
        return pairs + [(str(self.fields["purpose"].label), cleaned["purpose"])]

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "sensitive" not in answers:
            return {} if "business" in answers else None
        sensitive = answers["sensitive"]
        flags = {flag: sensitive.get(flag) is True for flag in SENSITIVE_FLAGS}
        other = lines_initial(sensitive.get("other_fields"))
        held = any(flags.values()) or bool(other)
        purpose = sensitive.get("purpose", "")
        initial = {**flags, NONE_FIELD: not held and not purpose, "other_fields": other, "purpose": purpose}
        return initial | {
            "retention_months": sensitive.get("retention_months"),
            "consent": sensitive.get("consent") is True,
        }
