"""A paragraph-level diff of two plain-text exports, with word-level pieces inside changed paragraphs.

Built for templates/publishing/diff.html: blocks are frozen dataclasses read by attribute. Unchanged
paragraphs are collapsed like a unified diff's context: at most one paragraph is shown on each side of a
change, and the rest are counted, so one changed sentence in a long policy shows a few paragraphs.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from policybuilder.documents.text import markdown_units

CONTEXT = 1  # unchanged paragraphs shown before and after each change
SIMILAR = 0.5  # word-level ratio from which a removed and an added paragraph are one changed paragraph
LOOKAHEAD = 8  # how far among the added paragraphs a removed one looks for its new wording


@dataclass(frozen=True)
class Block:
    """One step of the diff.

    kind "same": `count` unchanged paragraphs left out (said as "N paragraphs unchanged"), then the
    unchanged paragraphs shown as context. A run of unchanged paragraphs between two changes gives two
    "same" blocks, the context after the first change and then the count with the context before the next,
    so that a template showing `count` before `context` keeps the text in order.
    kind "added", "removed": the paragraph in `text`.
    kind "changed": `pieces`, (kind, words) with kind "same", "added" or "removed", in reading order;
    `text` is the new paragraph and `old` the one it replaces.
    """

    kind: str
    text: str = ""
    old: str = ""
    pieces: tuple[tuple[str, str], ...] = ()
    count: int = 0
    context: tuple[str, ...] = ()


def diff_source(sections: Iterable[Mapping[str, Any]]) -> str:
    """What the text diff compares: each section's title, then each paragraph, list item and table cell
    of its clauses as a reader sees it (no Markdown marks, no underlines), one per paragraph. `sections`
    are shaped as the JSON export stores them (title, clauses with their markdown)."""
    parts: list[str] = []
    for section in sections:
        parts.append(str(section["title"]))
        for clause in section["clauses"]:
            parts.extend(unit for unit in markdown_units(str(clause["markdown"])) if unit.strip())
    return "\n\n".join(parts)


def paragraphs_split(text: str) -> list[str]:
    """The paragraphs of a plain-text export: blocks separated by blank lines."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _matcher(old: list[str], new: list[str]) -> SequenceMatcher[str]:
    # autojunk would treat common words (or repeated paragraphs) of a long text as noise.
    return SequenceMatcher(None, old, new, autojunk=False)


def _similar(old: str, new: str) -> bool:
    matcher = _matcher(old.split(), new.split())
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _pieces(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = old.split(), new.split()
    ops = _matcher(a, b).get_opcodes()
    pieces: list[tuple[str, str]] = []
    removed: list[str] = []
    added: list[str] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        # A lone word kept between two edits ("the") cuts the reading into crumbs: count it as edited.
        if tag == "equal" and not (i2 - i1 == 1 and 0 < n < len(ops) - 1):
            pieces += [(kind, " ".join(words)) for kind, words in (("removed", removed), ("added", added)) if words]
            pieces.append(("same", " ".join(a[i1:i2])))
            removed, added = [], []
        else:
            removed, added = removed + a[i1:i2], added + b[j1:j2]
    pieces += [(kind, " ".join(words)) for kind, words in (("removed", removed), ("added", added)) if words]
    return tuple(pieces)


def _replaced(old: list[str], new: list[str]) -> list[Block]:
    """Removed and added paragraphs at one place; those close enough in words are one changed paragraph."""
    blocks: list[Block] = []
    j = 0
    for paragraph in old:
        match = next((k for k in range(j, min(len(new), j + LOOKAHEAD)) if _similar(paragraph, new[k])), None)
        if match is None:
            blocks.append(Block(kind="removed", text=paragraph))
            continue
        blocks.extend(Block(kind="added", text=p) for p in new[j:match])
        blocks.append(Block(kind="changed", text=new[match], old=paragraph, pieces=_pieces(paragraph, new[match])))
        j = match + 1
    blocks.extend(Block(kind="added", text=p) for p in new[j:])
    return blocks


def _unchanged(run: list[str], *, after_change: bool, before_change: bool) -> list[Block]:
    lead = run[:CONTEXT] if after_change else []
    trail = run[len(run) - CONTEXT :] if before_change else []
    hidden = len(run) - len(lead) - len(trail)
    if hidden <= 0:
        return [Block(kind="same", context=tuple(run))]
    blocks = [Block(kind="same", context=tuple(lead))] if lead else []
    return [*blocks, Block(kind="same", count=hidden, context=tuple(trail))]


def text_diff(old: str, new: str) -> list[Block]:
    """The blocks that turn `old` into `new`, paragraph by paragraph; [] when both are empty."""
    a, b = paragraphs_split(old), paragraphs_split(new)
    ops = _matcher(a, b).get_opcodes()
    blocks: list[Block] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            blocks += _unchanged(a[i1:i2], after_change=n > 0, before_change=n < len(ops) - 1)
        elif tag == "delete":
            blocks += [Block(kind="removed", text=p) for p in a[i1:i2]]
        elif tag == "insert":
            blocks += [Block(kind="added", text=p) for p in b[j1:j2]]
        else:
            blocks += _replaced(a[i1:i2], b[j1:j2])
    return blocks


def diff_counts(blocks: list[Block]) -> tuple[int, int]:
    """(paragraphs added or changed, paragraphs removed)."""
    added = sum(1 for block in blocks if block.kind in ("added", "changed"))
    return added, sum(1 for block in blocks if block.kind == "removed")
