"""Rendered clause Markdown to HTML, by cmark-gfm (C): about fifteen times faster than markdown-it-py,
which was two thirds of assembling a policy.

Why not compile each clause's Markdown to an HTML template once, at load? A clause's tags remove or
repeat whole lines, and Markdown's structure depends on the lines around them: a paragraph after a
conditional list item becomes part of that item ("lazy continuation"), so a template compiled with the
item present would drop the paragraph when it is absent. Converting what each policy actually says is
right by construction, and in C it is cheap.
"""

import re

import cmarkgfm
from cmarkgfm.cmark import Options

# Clause bodies are Markdown only: raw HTML, an editor's or anyone's, is shown as the characters typed
# (cmark would drop it). A "<" not already escaped gets a backslash; printed answers are escaped anyway.
_RAW_ANGLE = re.compile(r"(?<!\\)((?:\\\\)*)<")
_TABLE = re.compile(r"<table>\n(.*?)</table>", re.DOTALL)
# cmark-gfm writes each row and cell of a table on a line of its own (a cell is never more than a line).
_CELL = re.compile(r'<(t[hd])((?: align="\w+")?)>(.*)</t[hd]>')
_TAG = re.compile(r"<[^>]*>")


def markdown_html(markdown: str) -> str:
    """Clause Markdown as HTML, with tables labelled (below). Unsafe link targets (javascript:, data:)
    are emptied by cmark's default safe mode."""
    html = cmarkgfm.markdown_to_html_with_extensions(
        _RAW_ANGLE.sub(r"\1\\<", markdown), options=Options.CMARK_OPT_DEFAULT, extensions=["table"]
    )
    return _TABLE.sub(_table_labelled, html)


def _table_labelled(table: re.Match[str]) -> str:
    """Each data cell carries its column's heading as `data-label`, so a narrow screen can show a table
    as labelled cards (policy.css) without losing what a cell means.

    Header cells carry `scope`, and the first cell of a body row (what the row is about: a company, a
    kind of data) is its row header, so a screen reader, and the PDF's tags (WeasyPrint reads scope to
    fill each data cell's /Headers), name both headings of every data cell."""
    headings: list[str] = []
    in_head, column, lines = False, 0, []
    for line in table[1].split("\n"):
        cell = _CELL.fullmatch(line)
        if line in ("<thead>", "</thead>"):
            in_head = line == "<thead>"
        elif line == "<tr>":
            column = 0
        elif cell and in_head:
            headings.append(_TAG.sub("", cell[3]))
            line = f'<th scope="col"{cell[2]}>{cell[3]}</th>'
        elif cell:
            label = f' data-label="{headings[column]}"' if column < len(headings) else ""
            # A one-column table has no other cell for a row header to name.
            tag, scope = ("th", ' scope="row"') if column == 0 and len(headings) > 1 else ("td", "")
            line = f"<{tag}{cell[2]}{label}{scope}>{cell[3]}</{tag}>"
            column += 1
        lines.append(line)
    return "<table>\n" + "\n".join(lines) + "</table>"
