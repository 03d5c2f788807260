"""A <select> over a long list that never changes while the process runs (the countries)."""

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from policybuilder.questionnaire.i18n import Text


class FixedChoices(BaseChoiceIterator):
    """Choices from a cached function, read as they are: Django normalises a callable's choices again
    every time they are read (each check of a choice and each rendering)."""

    def __init__(self, choices: Callable[[], list[tuple[str, Text]]]):
        self.choices = choices

    def __iter__(self) -> Iterator[tuple[str, Text]]:
        yield from self.choices()


@cache
def options_html(choices: tuple[tuple[str, str], ...]) -> str:
    """The options' HTML, once per process for each language the labels are in (the keys are the labels
    as str, so a translated first option is cached apart)."""
    return format_html_join(" ", '<option value="{}">{}</option>', choices)


class FixedListSelect(forms.Select):
    """Its options are written to HTML once per process, not through a template per option on every
    page: the 250 countries took most of the business page's 27 ms."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]  # not ChoiceWidget's: every option
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            self.options_marked(widget["value"]),
        )

    def options_marked(self, values: list[str]) -> SafeString:
        html = options_html(tuple((str(k), str(v)) for k, v in self.choices))
        for value in values[:1]:  # one selected, as Django's own Select marks it
            html = html.replace(f'<option value="{escape(value)}">', f'<option value="{escape(value)}" selected>', 1)
        return mark_safe(html)  # built from escaped parts
