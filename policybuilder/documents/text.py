"""Plain text from clause Markdown, by walking markdown-it's tokens.

Walking the parsed tokens (rather than stripping characters) resolves backslash escapes,
so an answer that contains Markdown syntax reads literally in the text export too.
"""

from markdown_it.token import Token

from policybuilder.documents.engine import MARKDOWN


def _inline_text(token: Token, addresses: bool = True) -> str:
    """The readable text of an inline token; links keep their address in brackets if `addresses`
    (not a link to a section of the same policy: the reader is already there)."""
    parts: list[str] = []
    href = ""
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close" and href:
            label = parts[-1] if parts else ""
            address = href.removeprefix("mailto:")
            if addresses and address and address != label and not address.startswith("#"):
                parts.append(f" ({address})")
            href = ""
    return "".join(parts)


def markdown_units(markdown: str, addresses: bool = True) -> list[str]:
    """The text pieces a reader takes one at a time: paragraphs, list items, table cells.

    With `addresses` off, a link is only its words, as a reader of the page sees it.
    """
    return [_inline_text(t, addresses) for t in MARKDOWN.parse(markdown) if t.type == "inline"]


def markdown_to_text(markdown: str) -> str:
    """Plain text for one clause: paragraphs, '- ' list items, tables as 'cell | cell' rows."""
    lines: list[str] = []
    row: list[str] | None = None  # the table row being read, if any
    lists: list[list[int]] = []  # one entry per open list: [number of the current item] or [] for bullets
    for token in MARKDOWN.parse(markdown):
        kind = token.type
        if kind == "bullet_list_open":
            lists.append([])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrs.get("start", 1) or 1) - 1])
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
            if not lists:
                lines.append("")
        elif kind == "list_item_open" and lists[-1]:
            lists[-1][0] += 1
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append(" | ".join(row))
            row = None
        elif kind == "table_close":
            lines.append("")
        elif kind == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            elif lists:
                marker = f"{lists[-1][0]}. " if lists[-1] else "- "
                lines.append("  " * (len(lists) - 1) + marker + text)
            else:
                lines.extend([text, ""])
    return "\n".join(lines).strip()
