"""Fields for the questions about how the shop works and how big it is (the practices, sensitive
and size steps). Every one is optional: left empty, it gives no key, which downstream means "not
said" (the policy stays silent and the result page lists the question under "To confirm")."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.schema_practices import NOT_SURE
from policybuilder.questionnaire.i18n import Text

NONE = "none"  # the value of a checkbox list's "None of these"
NOT_SURE_LABEL = _("Not sure")
# "250,000" and "250 000" are whole numbers too; the separators go before the number is read.
GROUP_SEPARATOR = re.compile(r"(?<=\d)[,\s](?=\d{3}(?!\d))")


def choice(
    label: Text, help_text: Text, options: list[tuple[str, Text]], *, not_sure: bool = True
) -> forms.ChoiceField:
    """An optional question answered with one radio button; "Not sure" is the contract's own not_sure."""
    extra = [(NOT_SURE, NOT_SURE_LABEL)] if not_sure else []
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=[*options, *extra],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the answers listed. Choose one from the list.")},
    )


class Checklist(forms.MultipleChoiceField):
    """Checkboxes with a last "None of these" box, so that nothing ticked says nothing.

    An untouched list must never claim "none": the owner says it by ticking "None of these", which
    gives an empty list; nothing ticked gives no answer at all.
    """

    empty_says_nothing = True  # the review summary shows "Not given", never "None", for no ticks

    def __init__(self, *, label: Text, help_text: Text, options: list[tuple[str, Text]], none_label: Text) -> None:
        self.none_label = none_label
        super().__init__(
            label=label,
            help_text=help_text,
            choices=[*options, (NONE, none_label)],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("“%(value)s” is not one of the boxes listed. Tick from the list.")},
        )

    def validate(self, value: Any) -> None:
        super().validate(value)
        if NONE in value and len(value) > 1:
            raise ValidationError(
                gettext("You ticked “%(none)s” and other boxes too: untick one or the other.")
                % {"none": self.none_label}
            )


def checklist_answer(values: list[str]) -> list[str] | None:
    """A checklist's part of the contract: what was ticked, [] for "None of these", None for no ticks."""
    if not values:
        return None
    return [] if values == [NONE] else list(values)


def checklist_initial(answer: Any) -> list[str]:
    """The boxes to tick for a contract list: [] (the owner said none) ticks "None of these"."""
    if not isinstance(answer, list):
        return []
    return list(answer) or [NONE]


class LinesField(forms.CharField):
    """A short list of texts, typed one per line, cleaned to a list (empty when nothing is typed)."""

    empty_says_nothing = True

    def __init__(self, *, item_length: int, max_items: int, rows: int = 3, **kwargs: Any) -> None:
        self.item_length, self.max_items = item_length, max_items
        kwargs.setdefault("required", False)
        # The whole text's limit, so that the session never keeps more than the list can hold.
        super().__init__(
            max_length=(item_length + 2) * max_items, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
        )

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > self.max_items:
            raise ValidationError(gettext("List at most %(count)d, one per line.") % {"count": self.max_items})
        long = next((line for line in lines if len(line) > self.item_length), None)
        if long is not None:
            raise ValidationError(
                ngettext(
                    "Keep each line to %(count)d character or fewer: “%(line)s…” is longer.",
                    "Keep each line to %(count)d characters or fewer: “%(line)s…” is longer.",
                    self.item_length,
                )
                % {"count": self.item_length, "line": long[:30]}
            )
        return lines


def lines_initial(answer: Any) -> str:
    """A contract list of texts as the lines of its box."""
    return "\n".join(str(item) for item in answer) if isinstance(answer, list) else ""


class AmountField(forms.IntegerField):
    """A whole number the owner may leave empty; anything else gets one message saying what to give."""

    def __init__(self, *, label: Text, help_text: Text, mistake: Text, high: int) -> None:
        messages = {"invalid": mistake, "min_value": mistake, "max_value": mistake}
        super().__init__(
            label=label,
            help_text=help_text,
            required=False,
            min_value=0,
            max_value=high,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            error_messages=messages,
        )

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = GROUP_SEPARATOR.sub("", value.strip())
        return super().to_python(value)


def given(cleaned: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The answered questions among `names`, by name: an empty box or no choice gives no key."""
    return {name: cleaned[name] for name in names if cleaned.get(name) not in (None, "", [])}
