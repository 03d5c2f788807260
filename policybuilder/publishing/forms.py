"""The manage page's forms: each error says what to change."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from policybuilder.publishing.slugs import MAX_LENGTH, SlugRefused, slug_check


class SlugField(forms.CharField):
    def __init__(self, **kwargs: Any):
        super().__init__(
            max_length=MAX_LENGTH + 20,
            error_messages={"required": _("Type the address you want, for example your shop's name.")},
            help_text=_("Letters, digits and hyphens. Other letters are spelt in plain ASCII (Zoë's Café: zoes-cafe)."),
            **kwargs,
        )


class NotifyMixin(forms.Form):
    notify = forms.BooleanField(
        required=False, label=_("Email me when a clause library update would change my published policy")
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        label=_("Email address for these notices"),
        error_messages={"invalid": _("Type an email address like you@yourshop.com.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("notify") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Type the email address the notices should go to, or untick the box."))
        return data

    @property
    def notify_email(self) -> str:
        return str(self.cleaned_data["email"]) if self.cleaned_data.get("notify") else ""


class StartForm(NotifyMixin):
    slug = SlugField(label=_("Your policy's address"))
    expected = forms.CharField(widget=forms.HiddenInput)

    field_order = ["slug", "notify", "email"]

    def clean_slug(self) -> str:
        try:
            return slug_check(self.cleaned_data["slug"])
        except SlugRefused as exc:
            raise forms.ValidationError(str(exc)) from None


class RenameForm(forms.Form):
    slug = SlugField(label=_("New address"))


class NotifyForm(NotifyMixin):
    pass


class PublishForm(forms.Form):
    expected = forms.CharField(widget=forms.HiddenInput)
