"""The last step: the policy's date, its language, and which language version prevails (if one does)."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.languages import LANGUAGES, OFFERED, SOURCE, language_active
from policybuilder.questionnaire.fields import StepForm


class ReviewForm(StepForm):
    title = _("Review")
    intro = _("Check your answers. Change any of them, then create your policy.")

    effective_date = forms.DateField(
        label=_("Date the policy takes effect"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Usually today. The policy shows it as its “last updated” date; change it whenever you update the policy."
        ),
        error_messages={
            "invalid": _("Enter a date like 2026-11-22 (year, month, day)."),
            "required": _("Give the date the policy takes effect; today is fine."),
        },
    )

    language = forms.ChoiceField(
        label=_("Language of the policy"),
        choices=[(lang.code, lang.native) for lang in LANGUAGES if lang.code in OFFERED],
        required=False,  # English when not given
        help_text=_(
            "The language your customers read. You can make the policy in another language later, from its page."
        ),
        error_messages={
            "invalid_choice": _("“%(value)s” is not one of the languages listed. Choose one from the list.")
        },
    )

    prevailing_language = forms.ChoiceField(
        label=_("The language version that prevails if versions differ"),
        required=False,  # the default: no version prevails, and the policy says nothing about it
        help_text=_(
            "Only if you publish the policy in more than one language and want one version to decide, "
            "for example the one your lawyer checked. The policy then says so at its end."
        ),
        error_messages={
            "invalid_choice": _("“%(value)s” is not one of the languages listed. Choose one from the list.")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if len(OFFERED) < 2:  # one language: there is nothing to prevail over
            del self.fields["prevailing_language"]
        else:  # built per request: each choice is a sentence in the owner's language
            none = ("", gettext("None: each version stands on its own"))
            cast(forms.ChoiceField, self.fields["prevailing_language"]).choices = [none] + [
                (lang.code, lang.native) for lang in LANGUAGES if lang.code in OFFERED
            ]
        self.fields["effective_date"].initial = date.today()
        # The questionnaire's own language to start with (the browser's, or the one the owner switched to).
        self.fields["language"].initial = language_active()

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        found = {"effective_date": data["effective_date"].isoformat(), "language": data["language"] or SOURCE}
        if data.get("prevailing_language"):
            found["prevailing_language"] = data["prevailing_language"]
        return found

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        keys = ("effective_date", "language", "prevailing_language")
        return {key: answers[key] for key in keys if key in answers} or None
