"""The building blocks of the questionnaire's forms: the step base class, yes/no questions,
service pickers and the row for a service the catalogue lacks."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.schema import FORMAT_CHECKER
from policybuilder.ops.text import text_cleaned, unsafe_characters
from policybuilder.questionnaire.i18n import Text
from policybuilder.questionnaire.picker import BOX, Catalogue, KindChoices, ServicesField

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
# Longest list a posted field may keep (the schema allows 30 services of a kind).
MAX_VALUES = 60


def yes_no(label: Text, help_text: Text) -> forms.ChoiceField:
    """A required Yes/No question shown as two radio buttons in a fieldset."""
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose Yes or No.")},
    )


def yes_or_no(value: bool) -> str:
    """A boolean answer as the value of a yes_no question."""
    return "yes" if value else "no"


def email_check(value: str) -> None:
    """The answers schema's own email rule, so that an address the form takes is one the policy takes."""
    if value and not FORMAT_CHECKER.conforms(value, "email"):
        raise ValidationError(gettext("Enter an email address like hello@yourshop.com."))


def url_check(value: str) -> None:
    if value and not FORMAT_CHECKER.conforms(value, "uri"):
        raise ValidationError(gettext("Enter a web address starting with https://, like https://yourshop.com/privacy."))


def email_field(label: Text, help_text: Text, *, required: bool = True) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        help_text=help_text,
        max_length=254,
        required=required,
        validators=[email_check],
        error_messages={
            "invalid": _("Enter an email address like hello@yourshop.com."),
            "required": _("Give an email address, like hello@yourshop.com."),
        },
    )


def url_field(label: Text, help_text: Text, *, required: bool = False) -> forms.URLField:
    return forms.URLField(
        label=label,
        help_text=help_text,
        max_length=500,
        required=required,
        assume_scheme="https",
        validators=[url_check],
        error_messages={"invalid": _("Enter a web address like https://yourshop.com.")},
    )


def service_picker(label: Text, help_text: Text, kind: KindChoices) -> ServicesField:
    """Checkboxes for the catalogue's services of one kind (picker.py: a long kind shows a few and a
    name box); a service we do not know is refused by name."""
    return ServicesField(
        kind=kind,
        label=label,
        help_text=help_text,
        required=False,
        error_messages={
            "invalid_choice": _(
                "We do not know a service called “%(value)s”: check the spelling, tick one "
                "from the list, or add yours under “One we don't list”."
            )
        },
    )


def other_service_fields(name_label: Text) -> tuple[forms.CharField, forms.URLField]:
    """The name (labelled `name_label`, "Name of the carrier") and privacy notice address of one
    service the catalogue lacks."""
    name = forms.CharField(
        label=name_label,
        help_text=_("Only if yours is not in the list above. Leave empty otherwise."),
        max_length=120,
        required=False,
    )
    url = url_field(
        _("Its privacy notice (web address)"),
        _("The page where the provider explains what it does with personal data; the policy links to it."),
    )
    return name, url


def other_service_clean(form: forms.Form, name_key: str, url_key: str) -> dict[str, str] | None:
    """The added service as the answers contract has it, or None; both parts or neither."""
    name, url = form.cleaned_data.get(name_key, ""), form.cleaned_data.get(url_key, "")
    if name and not url and url_key not in form.errors:
        form.add_error(
            url_key, gettext("Give the privacy notice address of %(name)s, or empty its name.") % {"name": name}
        )
    elif url and not name:
        form.add_error(name_key, gettext("Give the name of this service, or empty its privacy notice address."))
    return {"name": name, "privacy_url": url} if name and url else None


def other_choice_clean(form: forms.Form, *, choice: str, name_key: str, url_key: str) -> dict[str, str] | None:
    """A radio list's "one we don't list" row: the service added by name, or None.

    Chosen, the row must be filled in; filled in, it must be chosen, so that the owner's pick is never
    silently overruled by a leftover row.
    """
    other = other_service_clean(form, name_key, url_key)
    picked = form.cleaned_data.get(choice)
    if picked == "other" and not other and not (form.has_error(name_key) or form.has_error(url_key)):
        form.add_error(name_key, gettext("Give the name and privacy notice of the service you use."))
    elif picked not in (None, "other") and other:
        form.add_error(choice, gettext("Choose “One we don't list (add it below)” to use the service you added."))
    return other


def other_service_initial(entries: Iterable[Any], name_key: str, url_key: str) -> dict[str, str]:
    """The first service the owner added by name, as the form's initial values."""
    custom = next((e for e in entries if isinstance(e, dict)), None)
    return {name_key: custom["name"], url_key: custom["privacy_url"]} if custom else {}


def slugs(entries: Iterable[Any]) -> list[str]:
    return [e for e in entries if isinstance(e, str)]


class StepForm(forms.Form):
    """One page of the questionnaire: it validates, and turns its answers into part of the contract."""

    title: Text = ""  # the step's name in the progress indicator and its heading
    intro: Text = ""  # one or two sentences under the heading
    # The steps whose answers decide what this page asks (options_from_answers reads them).
    decided_by: tuple[str, ...] = ()
    # A "To confirm" item's field name -> this form's field, where the two differ.
    ANCHORS: dict[str, str] = {}

    def __init__(self, *args: Any, catalogue: Catalogue | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue or {}
        self.add_fields()
        for field in self.fields.values():
            if isinstance(field, forms.CharField):  # Django's CharField already refuses NUL characters
                field.validators.append(refuse_unsafe_characters)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # our template owns <form>, the CSRF token and the management form
        self.helper.layout = self.layout()

    def add_fields(self) -> None:
        """Add the fields that depend on the catalogue or on other answers (called by __init__)."""

    def kind(self, kind: str) -> KindChoices:
        """The catalogue's services of one kind (none when the catalogue has none of it)."""
        return self.catalogue.get(kind) or KindChoices()

    def layout(self) -> Layout:
        """The fields in order; a form overrides it to group fields under a legend."""
        return Layout(*self.fields)

    def answers(self) -> dict[str, Any]:
        """This step's part of the answers contract, from cleaned_data."""
        raise NotImplementedError

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        """The step's values for an answer set (to change a saved policy), or None if it has none."""
        raise NotImplementedError

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        """The keyword arguments the form takes for an answer set (what other steps decide it shows)."""
        return {}

    def anchor(self, field: str) -> str | None:
        """This page's field for a "To confirm" item's field name, or None when the page does not ask it."""
        name = self.ANCHORS.get(field, field)
        return name if name in self.fields else None

    def anchor_id(self, name: str) -> str:
        """The id of a field's first input (formtools prefixes it with the step: id_<step>-<name>, and a
        radio or checkbox list numbers its inputs from _0): a link to it scrolls there and focuses it."""
        bound = self[name]
        return f"{bound.auto_id}_0" if isinstance(bound.field.widget, forms.RadioSelect) else str(bound.auto_id)

    def summary(self) -> list[tuple[str, str]]:
        """(question, answer) pairs in plain words, for the review step."""
        pairs = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name.startswith("other_") and not value or name.endswith(BOX):
                continue  # an empty "one we don't list" row says nothing; a name box's name is in its list
            pairs.append((str(field.label), _display(field, value)))
        return pairs


def picker(form: forms.Form, name: str) -> Layout:
    """A service picker, and its name box when the list is long: JavaScript adds a filter box to
    anything marked service-picker, and suggests names in the box."""
    box = f"{name}{BOX}"
    listed = Field(name, wrapper_class="service-picker", template="questionnaire/picker_field.html")
    return Layout(listed, *([box] if box in form.fields else []))


def other_row(legend: Text, name_key: str, url_key: str, *, fold: Text = "") -> Layout:
    """The "one we don't list" row; with `fold` (the words that unfold it, "Add one we don't list"),
    folded away (in <details>, no JavaScript needed) until it has a value."""
    fieldset = Fieldset(legend, name_key, url_key, css_class="other-service")
    if not fold:
        return Layout(fieldset)
    filled = " or ".join(f"form.{key}.value or form.{key}.errors" for key in (name_key, url_key))
    return Layout(
        HTML(f'<details class="other-service-fold"{{% if {filled} %}} open{{% endif %}}><summary>{fold}</summary>'),
        fieldset,
        HTML("</details>"),
    )


def _display(field: forms.Field, value: Any) -> str:
    if isinstance(field, forms.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, date):
        return date_format(value, "j F Y")  # 22 November 2026, the month in the page's language
    if not value and getattr(field, "empty_says_nothing", False):
        return gettext("Not given")  # nothing ticked is no answer, never "none"
    labels = dict(getattr(field, "choices", []))
    if isinstance(value, list):
        return "; ".join(str(labels.get(v, v)) for v in value) or gettext("None")
    if value in (None, ""):
        return gettext("Not given")
    return ", ".join(str(labels.get(value, value)).splitlines())  # an address on one line


def refuse_unsafe_characters(value: Any) -> None:
    """Hidden text-direction characters can make a shop name or link read differently from what it is."""
    if isinstance(value, str) and unsafe_characters(value):
        raise ValidationError(
            gettext("This has hidden characters that change the direction of text. Type it again, without pasting.")
        )


def form_data_bounded(form: forms.Form) -> dict[str, list[str]]:
    """The posted values of this form's own fields only, each cut to the field's length.

    This is what the session and the draft keep for a step, even when it does not validate yet
    (Back keeps what is on the page), so it must never grow with whatever a client sends.
    """
    kept: dict[str, list[str]] = {}
    for bound in form:
        values = form.data.getlist(bound.html_name) if hasattr(form.data, "getlist") else []
        limit = getattr(bound.field, "max_length", None) or 100
        if values:
            # Each value once: a choice ticked twice (a crafted post) is one choice.
            unique = dict.fromkeys(text_cleaned(str(v))[:limit] for v in values[:MAX_VALUES])
            kept[bound.html_name] = list(unique)
    return kept


def form_data_encode(form: forms.Form, initial: dict[str, Any]) -> dict[str, list[str]]:
    """Initial values written as the form would post them, so that the wizard can revalidate them."""
    data: dict[str, list[str]] = {}
    for bound in form:
        value = initial.get(bound.name)
        if value is None or value is False or value == "":
            continue  # an unticked box or an empty field is simply not posted
        if value is True:
            data[bound.html_name] = ["on"]
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = [value.isoformat() if isinstance(value, date) else str(value)]
    return data
