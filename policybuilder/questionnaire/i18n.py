"""The type of a text the questionnaire shows a person: a str, or a translation marked with
gettext_lazy, which becomes a str in the language of the request that shows it."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as Text
else:
    from django.utils.functional import Promise

    Text = str | Promise

__all__ = ["Text"]
