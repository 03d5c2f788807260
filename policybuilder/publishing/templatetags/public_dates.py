"""`long_date`: a day as the public pages of a policy write it in running text, in the page's language."""

from datetime import date, datetime

from django import template
from django.utils.translation import get_language

from policybuilder import languages

register = template.Library()


# expects_localtime: an aware datetime is first turned into the site's time zone, as Django's own `date`
# filter does, so a version published late in the evening keeps the day its owner saw.
@register.filter(expects_localtime=True)
def long_date(value: date | datetime | None, code: str | None = None) -> str:
    """{{ version.published_at|long_date:language }}: "3 December 2026", "3. Dezember 2026". Without a
    code, the active language's (the owner's manage page)."""
    if not value:  # a missing variable renders as nothing, as it would through `date`
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return languages.long_date(day, code or get_language() or languages.SOURCE)
