"""The PDF export: the HTML export laid out on pages by WeasyPrint, loading nothing from outside.

`pdf_render` renders the same HTML string as the HTML export plus static/css/print.css; `policy_pdf`
puts a content-hash cache in front of it, so an unchanged policy is rendered once, and the web download
and `draftpolicy --format pdf` call it. Any failure inside WeasyPrint comes out as PdfError, so a caller
can say so and still offer the HTML.
"""

import json
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from xml.etree.ElementTree import Element

import pydyf
import weasyprint
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext
from weasyprint.urls import FatalURLFetchingError

from policybuilder.documents.pdf_cache import cached_bytes, content_key
from policybuilder.documents.pdf_fetch import FETCHER, STATIC_BASE_URL, STATIC_ROOT
from policybuilder.languages import CODES, SOURCE, language

logger = logging.getLogger("policybuilder")

PRINT_CSS = STATIC_ROOT / "css" / "print.css"
LETTER_COUNTRIES = frozenset({"US", "CA"})
PAGE_SIZES = ("A4", "letter")
# Tagged for screen readers (a structure tree, /Lang, the title shown). Tagging costs about 15% more
# render time (bench/pdf.py); PDF_TAGGED=false in the environment trades it for speed.
PDF_VARIANT = "pdf/ua-1" if settings.PDF_TAGGED else None
# Part of every cache key: bump it when this module changes what a PDF looks like.
RENDERER_VERSION = f"policybuilder-pdf 2; weasyprint {weasyprint.__version__}; {PDF_VARIANT or 'untagged'}"
# The blocks in which a web link's address is printed once after it (see links_mark).
TEXT_BLOCKS = ("p", "li", "dd", "td", "th", "blockquote")


class PdfError(Exception):
    """WeasyPrint could not make the PDF (the cause is logged); the HTML export is unaffected."""


@dataclass(frozen=True)
class PdfMeta:
    """What the PDF says about itself, and the paper it is laid out on."""

    title: str
    author: str
    subject: str
    language: str
    page_size: str  # a CSS page size: "letter" or "A4"
    created: str  # a W3C date, YYYY-MM-DD

    def __post_init__(self) -> None:
        # It goes into the print CSS as it is.
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page_size must be one of {PAGE_SIZES}, not {self.page_size!r}")


def pdf_meta(answers: dict[str, Any]) -> PdfMeta:
    """The PDF's metadata and page size from a shop's answers; a missing field falls back to a default."""
    business = answers.get("business") or {}
    name = str(business.get("name") or "our shop")
    try:
        created = date.fromisoformat(str(answers.get("effective_date"))).isoformat()
    except ValueError:
        created = datetime.now(UTC).date().isoformat()
    code = str(answers.get("language") or SOURCE)
    code = code if code in CODES else SOURCE
    with translation.override(language(code).django):
        title = gettext("Privacy policy for %(shop)s") % {"shop": name}
        subject = gettext("How %(shop)s collects, uses and protects your personal data.") % {"shop": name}
    return PdfMeta(
        title=title,
        author=str(business.get("legal_name") or name),
        subject=subject,
        language=code,
        page_size="letter" if str(business.get("country", "")).upper() in LETTER_COUNTRIES else "A4",
        created=created,
    )


@lru_cache(maxsize=1)
def print_css() -> str:
    """The print stylesheet's text (read once per process; it is part of every cache key)."""
    return PRINT_CSS.read_text(encoding="utf-8")


def _print_html(*, html: str, meta: PdfMeta) -> str:
    # Appended as a <style>, not passed as `stylesheets=`: WeasyPrint treats those as user sheets, which
    # lose to the page's own CSS. Last in document order, print rules win over policy.css at equal
    # specificity. The parser puts a trailing <style> in <body>, where it still applies and shows nothing.
    return (
        f"{html}\n<style>\n{print_css()}\n{_page_words(meta.language)}@page {{ size: {meta.page_size}; }}\n</style>\n"
    )


def _page_words(code: str) -> str:
    """The running header and page numbers in the policy's language (print.css has the English)."""
    if code == SOURCE:
        return ""
    with translation.override(language(code).django):
        header, page, of = gettext("Privacy policy"), pgettext("page number", "Page"), pgettext("page number", "of")
    quoted = [json.dumps(word, ensure_ascii=False) for word in (header, page + " ", " " + of + " ")]
    return (
        f"@page {{ @top-right {{ content: {quoted[0]}; }} "
        f"@bottom-right {{ content: {quoted[1]} counter(page) {quoted[2]} counter(pages); }} }}\n"
        "@page :first { @top-right { content: none; } }\n"
    )


def _shows_address(text: str, href: str) -> bool:
    def bare(url: str) -> str:
        return url.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")

    return bare(text) == bare(href)


def links_mark(root: Element) -> None:
    """Mark the web links whose address print shows: the last link to each address in a paragraph, list
    item or table cell, unless its text already is the address."""
    for block in root.iter():
        if block.tag not in TEXT_BLOCKS:
            continue
        last: dict[str, Element] = {}
        for link in block.iter("a"):
            href = link.get("href", "")
            if href.startswith(("http://", "https://")) and not _shows_address("".join(link.itertext()), href):
                last[href] = link
        for link in last.values():
            link.set("data-print-href", "")


def attachments_defuse(root: Element) -> None:
    """Drop the `attachment` link type: WeasyPrint would embed the linked file in the PDF."""
    for element in root.iter():
        rel = element.get("rel")
        if rel is not None and "attachment" in rel.lower().split():
            element.set("rel", " ".join(t for t in rel.split() if t.lower() != "attachment"))


def _document(*, html: str, meta: PdfMeta, variant: str | None) -> weasyprint.Document:
    source = weasyprint.HTML(string=_print_html(html=html, meta=meta), base_url=STATIC_BASE_URL, url_fetcher=FETCHER)
    # A <base href="file:///"> in the HTML must not move where relative URLs point.
    source.base_url = STATIC_BASE_URL
    attachments_defuse(source.etree_element)
    links_mark(source.etree_element)
    document = source.render(pdf_variant=variant)
    info = document.metadata
    info.title, info.authors, info.description = meta.title, [meta.author], meta.subject
    info.lang, info.created, info.modified = meta.language, meta.created, meta.created
    info.generator, info.attachments = "policybuilder", []
    return document


def _struct_parent(objects: list[Any], element: dict[str, Any]) -> dict[str, Any]:
    reference = element.get("P")  # pydyf writes it as b"<number> 0 R"; the number indexes pdf.objects
    found = objects[int(bytes(reference).split()[0])] if reference else {}
    return found if isinstance(found, dict) else {}


def table_scopes(_document: weasyprint.Document, pdf: Any) -> None:
    """Give each tagged table header cell its /Scope: /Column in the head, /Row at the start of a body row.

    WeasyPrint ties every data cell to its headers with /Headers and /ID, which PDF/UA allows; outside
    checkers (pdfua's UA-15-003) and some screen readers look for /Scope on the header cell itself.
    """
    for element in pdf.objects:
        if isinstance(element, dict) and element.get("Type") == "/StructElem" and element.get("S") == "/TH":
            group = _struct_parent(pdf.objects, _struct_parent(pdf.objects, element)).get("S")
            attributes = element.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
            attributes["Scope"] = "/Column" if group == "/THead" else "/Row"


def pdf_render(*, html: str, meta: PdfMeta, variant: str | None = PDF_VARIANT) -> bytes:
    """Render the HTML export as a PDF: print stylesheet, outline, metadata, tagged (PDF/UA-1).

    Loads nothing but files under static/. Raises PdfError, and only PdfError, when WeasyPrint fails.
    """
    try:
        document = _document(html=html, meta=meta, variant=variant)
        return document.write_pdf(pdf_variant=variant, finisher=table_scopes if variant else None)
    # FatalURLFetchingError is a BaseException: `except Exception` alone would let it through.
    except (Exception, FatalURLFetchingError) as exc:
        logger.exception("PDF rendering failed for %r", meta.title)
        raise PdfError(f"The PDF could not be made ({type(exc).__name__}).") from exc


def policy_pdf(*, html: str, answers: dict[str, Any]) -> bytes:
    """The policy's PDF, rendered once per distinct content and then served from the "pdf" cache.

    The key hashes the HTML, the metadata, the print stylesheet and RENDERER_VERSION; concurrent callers
    for the same key wait for one render instead of each doing it. Raises PdfError.
    """
    meta = pdf_meta(answers)
    return cached_bytes(key=pdf_key(html=html, meta=meta), make=lambda: pdf_render(html=html, meta=meta))


def pdf_key(*, html: str, meta: PdfMeta) -> str:
    """The cache key of the PDF these inputs make: it changes whenever the PDF would."""
    return content_key((RENDERER_VERSION, print_css(), repr(meta), html))
