"""A shop's public address: a slug from its name, plain ASCII, unique, never a reserved word."""

import re

from anyascii import anyascii
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from policybuilder.publishing.models import Publication

MAX_LENGTH = 50
MIN_LENGTH = 3
# Words that would pass for the site's own pages or staff ("admin", "support"), or for a path of ours.
RESERVED = frozenset(
    [
        "about",
        "account",
        "accounts",
        "admin",
        "administrator",
        "api",
        "app",
        "assets",
        "blog",
        "contact",
        "css",
        "embed",
        "feed",
        "help",
        "home",
        "img",
        "index",
        "js",
        "legal",
        "login",
        "logout",
        "mail",
        "manage",
        "media",
        "new",
        "null",
        "official",
        "p",
        "policy",
        "policybuilder",
        "privacy",
        "questions",
        "resume",
        "root",
        "security",
        "settings",
        "shop",
        "start",
        "static",
        "staff",
        "support",
        "system",
        "terms",
        "undefined",
        "v",
        "versions",
        "www",
    ]
)


class SlugRefused(ValueError):
    """The address cannot be used; the message says why and what to try instead."""


def slug_normalize(text: str) -> str:
    """Any name as a slug: transliterated to ASCII first (so "Zoë's Café" is zoes-cafe, "東京" dong-jing,
    and a Cyrillic look-alike of a Latin name reads as what it really says), then Django's slugify."""
    ascii_text = anyascii(text).replace("'", "")
    # anyascii runs CJK syllables together ("DongJing"): a capital after a lower-case letter starts a word.
    ascii_text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ascii_text)
    return slugify(ascii_text)[:MAX_LENGTH].strip("-")


def slug_taken(slug: str, *, keep: Publication | None = None) -> bool:
    taken = Publication.objects.filter(Q(slug=slug) | Q(old_slug=slug))
    if keep is not None:
        taken = taken.exclude(pk=keep.pk)
    return taken.exists()


def slug_suggest(name: str) -> str:
    """A free slug for a shop's name: pips-pottery, or pips-pottery-2 when another shop has it."""
    base = slug_normalize(name)
    if len(base) < MIN_LENGTH or base in RESERVED:
        base = f"{base}-shop".strip("-") if base else "shop"
    candidate, n = base, 1
    while slug_taken(candidate):
        n += 1
        candidate = f"{base[: MAX_LENGTH - len(str(n)) - 1]}-{n}"
    return candidate


def slug_check(text: str, *, keep: Publication | None = None) -> str:
    """The slug an owner typed, normalised; raises SlugRefused saying what to change."""
    slug = slug_normalize(text)
    if len(slug) < MIN_LENGTH:
        raise SlugRefused(
            _("Use at least %(count)d letters or digits, for example the shop's name.") % {"count": MIN_LENGTH}
        )
    if slug in RESERVED:
        raise SlugRefused(
            _("“%(slug)s” is kept for the site itself: choose another, such as %(free)s.")
            % {"slug": slug, "free": slug_suggest(slug)}
        )
    if slug_taken(slug, keep=keep):
        raise SlugRefused(
            _("/p/%(slug)s/ is taken by another shop: %(free)s is free.") % {"slug": slug, "free": slug_suggest(slug)}
        )
    return slug
