"""The exports: a standalone, valid HTML page, and Markdown, text and JSON with the same content."""

import json
import re
from html.parser import HTMLParser

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_html, policy_json, policy_markdown, policy_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """Collects what a validator and a privacy reviewer look at: tags, resources, ids."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base", "embed"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []
        self.resources: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag in {"img", "script", "link", "iframe", "object", "embed"} or "src" in attrs:
            self.resources.append(tag)
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
        else:
            self.open.pop()


@pytest.fixture(scope="module")
def policy(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return policy_assemble(answers=make_answers("all-services"))


def test_the_html_page_is_standalone_and_well_formed(policy):
    html = policy_html(policy)
    assert html.startswith("<!doctype html>")
    assert '<html lang="en">' in html
    assert "<title>Privacy policy for Everything Emporium</title>" in html
    page = _Page()
    page.feed(html)
    assert not page.errors and not page.open, page.errors
    assert page.resources == [], "the page must load nothing from anywhere"
    assert len(page.ids) == len(set(page.ids)), "ids must be unique"
    assert "<style>" in html


def test_the_table_of_contents_links_to_every_section_after_the_summary(policy):
    html = policy_html(policy)
    page, toc = _Page(), _Page()
    page.feed(html)
    toc.feed(html.split('<nav class="policy-toc"')[1].split("</nav>")[0])
    assert toc.links == [f"#{s.slug}" for s in policy.sections[1:]]
    assert all(href[1:] in page.ids for href in page.links if href.startswith("#"))  # the summary's links too


def test_the_last_updated_date_is_shown_everywhere(policy):
    assert '<time datetime="2026-11-22">November 22, 2026</time>' in policy_html(policy)
    assert "Last updated: November 22, 2026" in policy_markdown(policy)
    assert "Last updated: November 22, 2026" in policy_text(policy)


def test_markdown_and_text_carry_every_section(policy):
    md, text = policy_markdown(policy), policy_text(policy)
    for section in policy.sections:
        assert f"## {section.title}" in md
        assert section.title.upper() in text
    assert not re.search(r"\*\*|\]\(", text), "the text export has no Markdown left in it"


def test_json_holds_answers_sections_coverage_and_readability(policy):
    data = json.loads(policy_json(policy))
    assert data["answers"]["business"]["name"] == "Everything Emporium"
    assert [s["slug"] for s in data["sections"]] == [s.slug for s in policy.sections]
    assert data["coverage"]["complete"] is True
    codes = {law["code"] for law in data["coverage"]["laws"]}
    assert {"all", "gdpr", "us", "us-ca", "ca", "br", "au"} <= codes
    assert data["readability"]["grade"] <= 8 and data["readability"]["words"] > 1000


def test_table_cells_carry_their_column_heading_for_narrow_screens(policy):
    html = policy_html(policy)
    assert '<td data-label="How long we keep it">' in html
    assert '<td data-label="Legal basis">' in html


class _TableCells(HTMLParser):
    """Each table row's cells as (tag, scope), and whether the row is in the table's head."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[bool, list[tuple[str, str | None]]]] = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self.in_head = True
        elif tag == "tbody":
            self.in_head = False
        elif tag == "tr":
            self.rows.append((self.in_head, []))
        elif tag in {"th", "td"}:
            self.rows[-1][1].append((tag, dict(attrs).get("scope")))


def test_every_table_header_cell_says_whether_it_heads_a_column_or_a_row(policy):
    # A screen reader, and the PDF's tags, read each data cell with both of its headings.
    tables = _TableCells()
    tables.feed(policy_html(policy))
    head = [cell for in_head, cells in tables.rows if in_head for cell in cells]
    body = [cells for in_head, cells in tables.rows if not in_head]
    assert head and body
    assert set(head) == {("th", "col")}
    assert {cells[0] for cells in body} == {("th", "row")}
    assert {cell for cells in body for cell in cells[1:]} == {("td", None)}
