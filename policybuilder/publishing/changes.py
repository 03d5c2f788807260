"""What changed between two published versions, in plain words for the public version list.

Each line compares two stored snapshots (publishing/snapshot.py) and states only what they show: a
provider, a retention period, a law, a contact detail, data selling, a section or clause, and last one
line naming the sections whose wording changed. Lines are plain text; templates escape them.
"""

from collections.abc import Iterable
from typing import Any

from policybuilder.documents.inventory import and_list
from policybuilder.publishing.snapshot import FORMAT

# How each role is named after "as the", "to the", "from the"; single-valued roles are replaced, not listed.
ROLE_NAMES = {
    "platform": "shop platform",
    "payment": "payment providers",
    "analytics": "analytics tools",
    "advertising": "advertising tags",
    "newsletter": "newsletter provider",
    "shipping": "shipping carriers",
    "survey": "survey tool",
}
SINGLE = ("platform", "newsletter", "survey")
BUSINESS_NAMES = {
    "name": "business name",
    "legal_name": "legal name",
    "email": "contact email",
    "phone": "phone number",
    "address": "postal address",
    "website": "website",
}
# Said when two snapshots cannot be compared (one from an older or unknown format): true whatever changed.
GENERIC = "Policy updated: the text comparison shows every change."


def _missing(items: Iterable[str], others: Iterable[str]) -> list[str]:
    """The items not in `others`, once each, in their order."""
    seen = set(others)
    return list(dict.fromkeys(item for item in items if item not in seen))


def _provider_lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    for role, label in ROLE_NAMES.items():
        before, after = old.get(role) or [], new.get(role) or []
        added, removed = _missing(after, before), _missing(before, after)
        if role in SINGLE and added and removed:
            lines.append(f"Replaced {and_list(removed)} with {and_list(added)} as the {label}.")
            continue
        if added:
            lines.append(f"Added {and_list(added)} {'as' if role in SINGLE else 'to'} the {label}.")
        if removed:
            lines.append(f"Removed {and_list(removed)} {'as' if role in SINGLE else 'from'} the {label}.")
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
        return f"{name}: now kept {after}."
    old_words, new_words = old.split(), new.split()
    shared = 0
    while shared < min(len(old_words), len(new_words)) and old_words[-1 - shared] == new_words[-1 - shared]:
        shared += 1
    kept = old_words[: len(old_words) - shared] or old_words
    if kept[-1].isdigit() and len(kept) < len(old_words):
        kept = old_words[: len(kept) + 1]  # "instead of 7 years", not "instead of 7"
    return f"{name}: now kept {new} instead of {' '.join(kept)}."


def _kind_lines(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[str]:
    before = {k.get("name", ""): k.get("retention", "") for k in old}
    after = {k.get("name", ""): k.get("retention", "") for k in new}
    lines = [
        _retention_line(name, before[name], retention)
        for name, retention in after.items()
        if name in before and before[name] != retention
    ]
    if added := _missing(after, before):
        lines.append(f"New in the data we hold: {and_list(added)}.")
    if removed := _missing(before, after):
        lines.append(f"No longer held: {and_list(removed)}.")
    return lines


def _law_lines(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[str]:
    before = {law.get("code", ""): law.get("name", "") for law in old}
    after = {law.get("code", ""): law.get("name", "") for law in new}
    added = [f"Added what the policy says under the {after[code]}." for code in _missing(after, before)]
    removed = [f"Removed what the policy said under the {before[code]}." for code in _missing(before, after)]
    return added + removed


def _business_lines(old: dict[str, str], new: dict[str, str]) -> list[str]:
    lines = []
    for field, label in BUSINESS_NAMES.items():
        before, after = old.get(field, ""), new.get(field, "")
        if before == after:
            continue
        lines.append(f"New {label}: {after}." if after else f"Removed the {label}.")
    return lines


def _selling_lines(before: bool | None, after: bool | None) -> list[str]:
    if before == after:
        return []
    if after is True:
        return ["We now sell personal data."]
    if after is False:
        return ["We no longer sell personal data." if before else "The policy now says we do not sell personal data."]
    # Not answered any more: the policy now says neither, and so does this line.
    return [
        "The policy no longer says we sell personal data."
        if before
        else "The policy no longer says whether we sell personal data."
    ]


def _section_lines(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    before = {s.get("slug", ""): s for s in old}
    after = {s.get("slug", ""): s for s in new}
    lines = [f"New section: {after[slug].get('title', '')}." for slug in _missing(after, before)]
    lines += [f"Removed section: {before[slug].get('title', '')}." for slug in _missing(before, after)]
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
            lines.append(f"New in {title}: {and_list(added)}.")
        if removed := [t for t in removed if t not in same_title]:
            lines.append(f"Removed from {title}: {and_list(removed)}.")
        # A clause kept with other words (or another title). One line for all of them, after the lines
        # that say why: one line per clause would bury those on a phone.
        if same_title or any(old_clauses[c] != clause for c, clause in new_clauses.items() if c in old_clauses):
            reworded.append(title)
    if reworded:
        # Section titles can hold commas ("Your data: what, why and how long"): then semicolons keep them apart.
        mark = "; " if any("," in title for title in reworded) else ", "
        lines.append(f"Wording updated in: {mark.join(reworded)}.")
    return lines


def changes_list(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What a reader of `new` is told changed since `old`, most specific first; [] when nothing did."""
    if old == new:
        return []
    if old.get("format") != FORMAT or new.get("format") != FORMAT:
        return [GENERIC]
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
        return "First published."
    if not lines:
        return "Wording updated."
    more = len(lines) - 1
    if more == 0:
        return lines[0]
    return f"{lines[0]} And {more} more change{'s' if more > 1 else ''}."
