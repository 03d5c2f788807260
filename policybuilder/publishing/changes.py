"""What changed between two published versions, in plain words for the public version list.

Each line compares two stored snapshots (publishing/snapshot.py) and states only what they show: a
provider, a retention period, a law, a contact detail, data selling, a section or clause, and last one
line naming the sections whose wording changed. Lines are plain text; templates escape them.

The lines are stored with the version and shown as they were written, so they are written once, in the
active language: the caller makes it the new version's (publishing/candidate.py, services.py). The names
they quote come from the snapshots, already in the policy's language.
"""

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from policybuilder.documents.lists import and_list
from policybuilder.publishing.snapshot import FORMAT

# Each role's sentences whole, not a role name slotted into one sentence: the article and the preposition
# follow the role's noun in most languages. Single-valued roles are replaced, not listed: (added, removed,
# replaced); the others have no "replaced". %(names)s is one name or a list ("Stripe and PayPal").
ROLE_LINES: dict[str, tuple[Promise, Promise, Promise | None]] = {
    "platform": (
        gettext_lazy("Added %(names)s as the shop platform."),
        gettext_lazy("Removed %(names)s as the shop platform."),
        gettext_lazy("Replaced %(old)s with %(new)s as the shop platform."),
    ),
    "payment": (
        gettext_lazy("Added %(names)s to the payment providers."),
        gettext_lazy("Removed %(names)s from the payment providers."),
        None,
    ),
    "analytics": (
        gettext_lazy("Added %(names)s to the analytics tools."),
        gettext_lazy("Removed %(names)s from the analytics tools."),
        None,
    ),
    "advertising": (
        gettext_lazy("Added %(names)s to the advertising tags."),
        gettext_lazy("Removed %(names)s from the advertising tags."),
        None,
    ),
    "newsletter": (
        gettext_lazy("Added %(names)s as the newsletter provider."),
        gettext_lazy("Removed %(names)s as the newsletter provider."),
        gettext_lazy("Replaced %(old)s with %(new)s as the newsletter provider."),
    ),
    "shipping": (
        gettext_lazy("Added %(names)s to the shipping carriers."),
        gettext_lazy("Removed %(names)s from the shipping carriers."),
        None,
    ),
    "survey": (
        gettext_lazy("Added %(names)s as the survey tool."),
        gettext_lazy("Removed %(names)s as the survey tool."),
        gettext_lazy("Replaced %(old)s with %(new)s as the survey tool."),
    ),
}
# The same for the shop's own details: (new value, removed). %(value)s is the detail as the owner typed it.
BUSINESS_LINES: dict[str, tuple[Promise, Promise]] = {
    "name": (gettext_lazy("New business name: %(value)s."), gettext_lazy("Removed the business name.")),
    "legal_name": (gettext_lazy("New legal name: %(value)s."), gettext_lazy("Removed the legal name.")),
    "email": (gettext_lazy("New contact email: %(value)s."), gettext_lazy("Removed the contact email.")),
    "phone": (gettext_lazy("New phone number: %(value)s."), gettext_lazy("Removed the phone number.")),
    "address": (gettext_lazy("New postal address: %(value)s."), gettext_lazy("Removed the postal address.")),
    "website": (gettext_lazy("New website: %(value)s."), gettext_lazy("Removed the website.")),
}
# Said when two snapshots cannot be compared (one from an older or unknown format): true whatever changed.
GENERIC = gettext_lazy("Policy updated: the text comparison shows every change.")


def _missing(items: Iterable[str], others: Iterable[str]) -> list[str]:
    """The items not in `others`, once each, in their order."""
    seen = set(others)
    return list(dict.fromkeys(item for item in items if item not in seen))


def _provider_lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    for role, (added_line, removed_line, replaced_line) in ROLE_LINES.items():
        before, after = old.get(role) or [], new.get(role) or []
        added, removed = _missing(after, before), _missing(before, after)
        if replaced_line is not None and added and removed:
            lines.append(str(replaced_line) % {"old": and_list(removed), "new": and_list(added)})
            continue
        if added:
            lines.append(str(added_line) % {"names": and_list(added)})
        if removed:
            lines.append(str(removed_line) % {"names": and_list(removed)})
    return lines


def _short(retention: str) -> str:
    """The period without its reason: "7 years after your order, to meet US tax rules" -> "7 years after
    your order"."""
    for mark in (", ", " ("):
        retention = retention.split(mark, 1)[0]
    return retention


def _retention_line(name: str, before: str, after: str) -> str:
    old, new = _short(before), _short(after)
    if old == new:
        # Only the reason changed (a new tax rule, an extra "or ..."): say what it is now, in full.
        # Translators: %(kind)s is a kind of data ("Reviews"), %(period)s how long it is kept now, with why.
        return _("%(kind)s: now kept %(period)s.") % {"kind": name, "period": after}
    old_words, new_words = old.split(), new.split()
    shared = 0
    while shared < min(len(old_words), len(new_words)) and old_words[-1 - shared] == new_words[-1 - shared]:
        shared += 1
    kept = old_words[: len(old_words) - shared] or old_words
    if kept[-1].isdigit() and len(kept) < len(old_words):
        kept = old_words[: len(kept) + 1]  # "instead of 7 years", not "instead of 7"
    # Translators: "Reviews: now kept 2 years instead of 1 year." The periods are the policy's own words.
    return _("%(kind)s: now kept %(period)s instead of %(before)s.") % {
        "kind": name,
        "period": new,
        "before": " ".join(kept),
    }


def _kind_lines(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[str]:
    before = {k.get("name", ""): k.get("retention", "") for k in old}
    after = {k.get("name", ""): k.get("retention", "") for k in new}
    lines = [
        _retention_line(name, before[name], retention)
        for name, retention in after.items()
        if name in before and before[name] != retention
    ]
    if added := _missing(after, before):
        lines.append(_("New in the data we hold: %(kinds)s.") % {"kinds": and_list(added)})
    if removed := _missing(before, after):
        lines.append(_("No longer held: %(kinds)s.") % {"kinds": and_list(removed)})
    return lines


def _law_lines(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[str]:
    before = {law.get("code", ""): law.get("name", "") for law in old}
    after = {law.get("code", ""): law.get("name", "") for law in new}
    added = [
        # Translators: %(law)s is a law's short name as the policy gives it ("GDPR", "California Consumer
        # Privacy Act"), in English; the article before it is English's: put the one the name needs, or none.
        _("Added what the policy says under the %(law)s.") % {"law": after[code]}
        for code in _missing(after, before)
    ]
    removed = [
        # Translators: as above, for a law no longer in the policy.
        _("Removed what the policy said under the %(law)s.") % {"law": before[code]}
        for code in _missing(before, after)
    ]
    return added + removed


def _business_lines(old: dict[str, str], new: dict[str, str]) -> list[str]:
    lines = []
    for field, (new_line, removed_line) in BUSINESS_LINES.items():
        before, after = old.get(field, ""), new.get(field, "")
        if before == after:
            continue
        lines.append(str(new_line) % {"value": after} if after else str(removed_line))
    return lines


def _selling_lines(before: bool | None, after: bool | None) -> list[str]:
    if before == after:
        return []
    if after is True:
        return [_("We now sell personal data.")]
    if after is False:
        return [
            _("We no longer sell personal data.") if before else _("The policy now says we do not sell personal data.")
        ]
    # Not answered any more: the policy now says neither, and so does this line.
    return [
        _("The policy no longer says we sell personal data.")
        if before
        else _("The policy no longer says whether we sell personal data.")
    ]


def _section_lines(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    before = {s.get("slug", ""): s for s in old}
    after = {s.get("slug", ""): s for s in new}
    lines = [_("New section: %(title)s.") % {"title": after[slug].get("title", "")} for slug in _missing(after, before)]
    lines += [
        _("Removed section: %(title)s.") % {"title": before[slug].get("title", "")} for slug in _missing(before, after)
    ]
    reworded = []
    for slug, section in after.items():
        if slug not in before:
            continue
        title = section.get("title", "")
        old_clauses = {c.get("slug", ""): c for c in before[slug].get("clauses", [])}
        new_clauses = {c.get("slug", ""): c for c in section.get("clauses", [])}
        added = [new_clauses[c].get("title", "") for c in _missing(new_clauses, old_clauses)]
        removed = [old_clauses[c].get("title", "") for c in _missing(old_clauses, new_clauses)]
        # One clause in place of another under the same title reads, to a customer, as the same part reworded.
        same_title = set(added) & set(removed)
        if added := [t for t in added if t not in same_title]:
            # Translators: %(section)s is a section's title, %(clauses)s the titles of the parts added to it.
            lines.append(_("New in %(section)s: %(clauses)s.") % {"section": title, "clauses": and_list(added)})
        if removed := [t for t in removed if t not in same_title]:
            lines.append(_("Removed from %(section)s: %(clauses)s.") % {"section": title, "clauses": and_list(removed)})
        # A clause kept with other words (or another title). One line for all of them, after the lines
        # that say why: one line per clause would bury those on a phone.
        if same_title or any(old_clauses[c] != clause for c, clause in new_clauses.items() if c in old_clauses):
            reworded.append(title)
    if reworded:
        # Section titles can hold commas ("Your data: what, why and how long"): then semicolons keep them apart.
        mark = "; " if any("," in title for title in reworded) else ", "
        lines.append(_("Wording updated in: %(sections)s.") % {"sections": mark.join(reworded)})
    return lines


def changes_list(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What a reader of `new` is told changed since `old`, most specific first; [] when nothing did."""
    if old == new:
        return []
    if old.get("format") != FORMAT or new.get("format") != FORMAT:
        return [str(GENERIC)]
    return [
        *_selling_lines(old.get("sells_data"), new.get("sells_data")),
        *_provider_lines(old.get("providers") or {}, new.get("providers") or {}),
        *_kind_lines(old.get("kinds") or [], new.get("kinds") or []),
        *_law_lines(old.get("laws") or [], new.get("laws") or []),
        *_business_lines(old.get("business") or {}, new.get("business") or {}),
        *_section_lines(old.get("sections") or [], new.get("sections") or []),
    ]


def change_headline(lines: list[str], first: bool) -> str:
    """The one line the version list shows for a version."""
    if first:
        return _("First published.")
    if not lines:
        return _("Wording updated.")
    more = len(lines) - 1
    if more == 0:
        return lines[0]
    # Translators: %(first)s is the first change's whole sentence; this line counts the others.
    return ngettext("%(first)s And %(count)d more change.", "%(first)s And %(count)d more changes.", more) % {
        "first": lines[0],
        "count": more,
    }
