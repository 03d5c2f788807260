"""Lists of the catalogue's services that stay short however long the catalogue grows.

A kind with up to SHOW_ALL_UP_TO services lists every one, as checkboxes or radio buttons. A longer
kind lists the first SHOWN_FIRST in the catalogue's own order (services.yaml puts the best known
first), every one already chosen, and a box to name any other: a name we list is taken as chosen;
part of a name, once the page is sent, lists the services it matches, to tick. No JavaScript needed;
static/js/picker.js only suggests names while typing.
"""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from policybuilder.questionnaire.i18n import Text

# A longer list is the catalogue on every page: 17 KB at 57 services, 473 KB at 5,000. Twenty boxes
# still read at a glance in two columns (the longest kind today, shipping, has 16).
SHOW_ALL_UP_TO = 20
SHOWN_FIRST = 12  # six rows of two columns: the best known of a kind, then the box
MATCHES_SHOWN = 10
BOX = "_by_name"  # the name box of field F is F_by_name


def name_key(text: str) -> str:
    """A service name as typed names are compared with it: any case, any spacing."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, eq=False)
class KindChoices:
    """One kind of service as the forms offer it; built once per library revision (selectors.py)."""

    kind: str = ""  # the catalogue's kind ("payment")
    choices: tuple[tuple[str, str], ...] = ()  # (slug, name) of every service, by name
    first: frozenset[str] = frozenset()  # the SHOWN_FIRST slugs a long list always shows
    labels: Mapping[str, str] = field(default_factory=dict)  # slug -> name
    by_name: Mapping[str, str] = field(default_factory=dict)  # name_key(name) -> slug
    keys: tuple[tuple[str, str], ...] = ()  # (name_key(name), slug), by name: what a search reads

    @property
    def long(self) -> bool:
        return len(self.choices) > SHOW_ALL_UP_TO


# The catalogue's services as the forms offer them, by kind.
Catalogue = dict[str, KindChoices]


def kind_choices(kind: str, services: Iterable[tuple[str, str]]) -> KindChoices:
    """A kind's (slug, name) pairs, given in the catalogue's order, as its forms offer them."""
    ordered = list(services)
    by_name: dict[str, str] = {}
    for slug, name in ordered:
        by_name.setdefault(name_key(name), slug)  # two of one name: the better known one wins
    choices = tuple(sorted(ordered, key=lambda pair: pair[1].lower()))
    return KindChoices(
        kind=kind,
        choices=choices,
        first=frozenset(slug for slug, _ in ordered[:SHOWN_FIRST]),
        labels=dict(ordered),
        by_name=by_name,
        keys=tuple((name_key(name), slug) for slug, name in choices),
    )


def name_matches(kind: KindChoices, typed: str) -> list[str]:
    """The slugs of the services whose names contain what was typed, by name."""
    key = name_key(typed)
    return [slug for name, slug in kind.keys if key in name] if key else []


def typed_slug(kind: KindChoices, typed: str) -> str | None:
    """The service a typed name stands for: its name in any case, or its slug; None for no service."""
    return kind.by_name.get(name_key(typed)) or (typed.strip() if typed.strip() in kind.labels else None)


def typed_left(kind: KindChoices, typed: str, ticked: list[str]) -> str:
    """What a name box still asks for: nothing once it names a service, or once one of the services it
    matches is ticked (the owner typed part of a name, sent the page, and ticked theirs)."""
    if typed_slug(kind, typed) or set(ticked) & set(name_matches(kind, typed)):
        return ""
    return typed.strip()


def shortlist(kind: KindChoices, values: list[str], searched: str = "") -> list[tuple[str, str]]:
    """The services a list shows: all of a short kind; of a long one the first few, the chosen ones
    and the first matches of what its name box still asks for."""
    if not kind.long:
        return list(kind.choices)
    shown = set(kind.first) | {v for v in values if v in kind.labels}
    shown.update(name_matches(kind, searched)[:MATCHES_SHOWN])
    return [(slug, name) for slug, name in kind.choices if slug in shown]


class Choices(BaseChoiceIterator):
    """Every choice of a field, left lazy so that a form built for a long kind copies nothing."""

    def __init__(self, kind: KindChoices, extra: tuple[tuple[str, str], ...]):
        self.kind, self.extra = kind, extra

    def __iter__(self) -> Iterator[tuple[str, str]]:
        yield from self.kind.choices
        yield from self.extra


class Shortlisted(forms.widgets.ChoiceWidget):
    """Options from `shortlist`, then the field's own extra ones ("None", "One we don't list")."""

    kind = KindChoices()
    extra: tuple[tuple[str, str], ...] = ()
    box = ""  # the html name of the name box, "" for none

    def typed(self, data: Any) -> str:
        value = data.get(self.box, "") if self.box else ""
        return value if isinstance(value, str) else ""

    def shortlisted(self, name: str, values: list[str], attrs: dict[str, Any], searched: str) -> list[dict[str, Any]]:
        extras = {slug for slug, _ in self.extra}
        shown = [*shortlist(self.kind, [v for v in values if v not in extras], searched), *self.extra]
        return [
            self.create_option(name, slug, label, slug in values, index, attrs=attrs)
            for index, (slug, label) in enumerate(shown)
        ]

    def optgroups(self, name: str, value: list[str], attrs: dict[str, Any] | None = None) -> list[Any]:
        # Only if rendered some other way than PickerBoundField: never every service of a long kind.
        return [(None, [option], index) for index, option in enumerate(self.shortlisted(name, value, attrs or {}, ""))]


class ShortlistCheckboxes(Shortlisted, forms.CheckboxSelectMultiple):
    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        ticked = list(super().value_from_datadict(data, files, name) or [])
        named = typed_slug(self.kind, self.typed(data))
        return [*ticked, named] if named and named not in ticked else ticked


class ShortlistRadios(Shortlisted, forms.RadioSelect):
    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        # A name typed is the newer choice: it wins over a button ticked earlier.
        return typed_slug(self.kind, self.typed(data)) or super().value_from_datadict(data, files, name)


class NameBox(forms.TextInput):
    """The name box's input: its value is what it still asks for, so it shows empty again once its name
    is taken (the list then has that service ticked)."""

    def __init__(self, kind: KindChoices, list_name: str, multiple: bool):
        names = reverse("questionnaire:service-names", args=[kind.kind])  # static/js/picker.js suggests from it
        super().__init__(attrs={"autocomplete": "off", "class": "picker-name", "data-names": names})
        self.kind, self.list_name, self.multiple = kind, list_name, multiple

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:
        typed = data.get(name, "")
        many = self.multiple and hasattr(data, "getlist")
        ticked = data.getlist(self.list_name) if many else [data.get(self.list_name, "")]
        return typed_left(self.kind, typed, ticked) if isinstance(typed, str) else ""


class NameBoxField(forms.CharField):
    """A long list's name box: a name it still asks for once the page is sent is one we do not list."""

    def __init__(self, *, kind: KindChoices, unknown: str, **kwargs: Any):
        super().__init__(max_length=120, required=False, **kwargs)
        self.kind, self.unknown = kind, unknown

    def validate(self, value: Any) -> None:
        super().validate(value)
        if not value:
            return
        found = len(name_matches(self.kind, value))
        if not found:
            raise ValidationError(self.unknown, code="unknown", params={"value": value})
        if found <= MATCHES_SHOWN:
            message = ngettext(
                # Translators: %(count)s is from 1 to 10; the singular form is for one service.
                "We do not know a service called “%(value)s”, but the one whose name contains it is in "
                "the list above now: tick it, or type its whole name.",
                "We do not know a service called “%(value)s”, but the %(count)s whose names contain it are in "
                "the list above now: tick yours, or type its whole name.",
                found,
            )
        else:
            message = ngettext(
                # Translators: %(count)s is more than %(shown)s, which is 10.
                "We do not know a service called “%(value)s”, but the first %(shown)s of the %(count)s whose "
                "names contain it are in the list above now: tick yours, or type its whole name.",
                "We do not know a service called “%(value)s”, but the first %(shown)s of the %(count)s whose "
                "names contain it are in the list above now: tick yours, or type its whole name.",
                found,
            )
        count = number_format(found, force_grouping=True)  # 1,234 in English
        raise ValidationError(message % {"value": value, "count": count, "shown": MATCHES_SHOWN}, code="unknown")


class PickerBoundField(BoundField):
    """Writes a list's options in Python, as crispy's bootstrap5 template would: through the template,
    each option cost about 0.1 ms, as much as a whole text field."""

    @property
    def options_html(self) -> SafeString:
        widget = self.field.widget
        assert isinstance(widget, Shortlisted)
        attrs = self.build_widget_attrs({"id": widget.attrs.get("id") or self.auto_id} if self.auto_id else {})
        box = self.form[f"{self.name}{BOX}"] if f"{self.name}{BOX}" in self.form.fields else None
        searched = str(box.value() or "") if box is not None and self.form.is_bound else ""
        options = widget.shortlisted(self.html_name, widget.format_value(self.value()), attrs, searched)
        invalid = " is-invalid" if self.errors else ""
        rows = [
            format_html(
                '<div class="form-check"> <input type="{}" class="form-check-input{}" name="{}" value="{}"{}> '
                '<label for="{}" class="form-check-label"> {} </label> {}</div>',
                option["type"],
                invalid,
                self.html_name,
                option["value"],
                flatatt(option["attrs"]),
                option["attrs"].get("id", ""),
                option["label"],
                self.errors_html() if index == len(options) - 1 else "",
            )
            for index, option in enumerate(options)
        ]
        return format_html_join("", "{}", ((row,) for row in rows))

    def errors_html(self) -> SafeString | str:
        if not self.errors:
            return ""
        lines = format_html_join(
            "",
            '<p id="error_{}_{}"><strong>{}</strong></p>',
            ((n, self.auto_id, e) for n, e in enumerate(self.errors, 1)),
        )
        return format_html('<div id="{}_error" class="invalid-feedback">{}</div> ', self.auto_id, lines)


class Picking:
    """What the two service fields share: the catalogue's kind, checked by a lookup, not a scan."""

    kind: KindChoices
    extra: tuple[tuple[str, str], ...]

    def valid_value(self, value: Any) -> bool:
        return value in self.kind.labels or value in dict(self.extra)

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> BoundField:
        return PickerBoundField(form, self, field_name)  # type: ignore[arg-type]


class ServicesField(Picking, forms.MultipleChoiceField):
    """Checkboxes for the catalogue's services of one kind; a slug we do not know is refused by name."""

    widget = ShortlistCheckboxes

    def __init__(self, *, kind: KindChoices, **kwargs: Any):
        self.kind, self.extra = kind, ()
        super().__init__(choices=Choices(kind, ()), **kwargs)
        self.widget.kind = kind


class ServiceChoiceField(Picking, forms.ChoiceField):
    """Radio buttons for one service of a kind, with the question's own extra answers after them."""

    widget = ShortlistRadios

    def __init__(self, *, kind: KindChoices, extra: list[tuple[str, str]], **kwargs: Any):
        self.kind, self.extra = kind, tuple(extra)
        super().__init__(choices=Choices(kind, self.extra), **kwargs)
        self.widget.kind, self.widget.extra = kind, self.extra


def name_box_add(form: forms.Form, name: str, label: Text) -> None:
    """Give a long list its name box, `<name>_by_name`, labelled `label` ("Another carrier from our
    list"); called once the list's field is in the form."""
    picked = form.fields[name]
    assert isinstance(picked, ServicesField | ServiceChoiceField)
    if not picked.kind.long:
        return
    many = isinstance(picked, ServicesField)
    picked.widget.box = form.add_prefix(f"{name}{BOX}")
    listed = len(picked.kind.choices)
    if many:
        hint = ngettext(
            # Translators: %(count)s is always more than 20 (a long list); a name box beside checkboxes.
            "We list %(count)s: above are the best known and any you chose. Type the name of another, or part "
            "of it, and send the page: a name we list is ticked above, part of one lists those it matches.",
            "We list %(count)s: above are the best known and any you chose. Type the name of another, or part "
            "of it, and send the page: a name we list is ticked above, part of one lists those it matches.",
            listed,
        )
    else:
        hint = ngettext(
            # Translators: %(count)s is always more than 20 (a long list); a name box beside radio buttons.
            "We list %(count)s: above are the best known and any you chose. Type the name of another, or part "
            "of it, and send the page: a name we list is chosen above, part of one lists those it matches.",
            "We list %(count)s: above are the best known and any you chose. Type the name of another, or part "
            "of it, and send the page: a name we list is chosen above, part of one lists those it matches.",
            listed,
        )
    form.fields[f"{name}{BOX}"] = NameBoxField(
        kind=picked.kind,
        unknown=str(picked.error_messages["invalid_choice"]),
        label=label,
        help_text=hint % {"count": number_format(listed, force_grouping=True)},  # 5,000 in English
        widget=NameBox(picked.kind, form.add_prefix(name), multiple=many),
    )
