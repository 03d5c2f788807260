"""The PDF export: what a shop owner, a lawyer and a screen reader find in it, and how it is cached.

Every sample PDF and its first pages as PNG are written to out/pdf/ (git ignores it) to be looked at.
"""

import io
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from policybuilder.documents.assemble import Policy, policy_assemble
from policybuilder.documents.exporters import policy_html
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.pdf import PdfError, PdfMeta, pdf_key, pdf_meta, pdf_render, policy_pdf
from policybuilder.documents.pdf_cache import CACHE_ALIAS, cached_bytes
from policybuilder.documents.services import policy_publish
from policybuilder.languages import language
from tests.base import DATA, OUT, make_answers

pytestmark = pytest.mark.django_db
PDF_OUT = OUT / "pdf"
SAMPLES = ("minimal", "all-services", "hostile")
A4, LETTER = (595, 842), (612, 792)
PDFUA = Path(sys.executable).parent / "pdfua"  # the outside PDF/UA checker (requirements-dev.txt)


@dataclass(frozen=True)
class Rendered:
    policy: Policy
    pdf: bytes
    reader: PdfReader
    pages: tuple[str, ...]  # each page's text, whitespace collapsed

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def rendered_sample(name: str) -> Rendered:
    policy = policy_assemble(answers=make_answers(name))
    pdf = pdf_render(html=policy_html(policy), meta=pdf_meta(policy.answers))
    PDF_OUT.mkdir(parents=True, exist_ok=True)
    (PDF_OUT / f"{name}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    return Rendered(policy, pdf, reader, tuple(flat(page.extract_text()) for page in reader.pages))


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker) -> dict[str, Rendered]:
    with django_db_blocker.unblock():
        return {name: rendered_sample(name) for name in SAMPLES}


def visual_lines(page: PageObject) -> list[str]:
    """The page's text line by line as it looks, top to bottom (pypdf's own order puts floats first)."""
    lines: dict[int, list[tuple[float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines.setdefault(round(y), []).append((x, text.strip()))

    page.extract_text(visitor_text=visit)
    return [" ".join(text for _, text in sorted(parts)) for _, parts in sorted(lines.items(), reverse=True)]


def page_size(reader: PdfReader) -> tuple[int, int]:
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def outline_entries(reader: PdfReader) -> list[tuple[str, int]]:
    """Top-level bookmarks: (title, 1-based page); nested lists hold the clause titles beneath."""
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def drawn_chars(reader: PdfReader) -> dict[str, set[str]]:
    """For each embedded font, the characters it draws, from its ToUnicode map (glyph 0, .notdef, left out)."""
    fonts: dict[str, set[str]] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = fonts.setdefault(str(font["/BaseFont"]).split("+")[-1], set())
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for glyph, code in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                    if int(glyph, 16):
                        chars.update(bytes.fromhex(code).decode("utf-16-be"))
    return fonts


# Nesting this deep exhausts WeasyPrint's recursion: a real failure, as hostile HTML could cause.
TOO_DEEP = "<p>" + "<span>" * 600 + "deep"


@pytest.mark.parametrize("sample", SAMPLES)
def test_it_contains_the_shop_name_and_every_section_heading(rendered, sample):
    doc = rendered[sample]
    assert flat(doc.policy.facts.shop.name) in doc.text
    missing = [s.title for s in doc.policy.sections if s.title not in doc.text]
    assert not missing, f"headings missing from out/pdf/{sample}.pdf: {missing}"


def test_page_counts_suit_the_length_of_the_policy(rendered):
    minimal, everything = len(rendered["minimal"].pages), len(rendered["all-services"].pages)
    assert 2 <= minimal <= 8
    assert minimal < everything <= 40


@pytest.mark.parametrize("sample", SAMPLES)
def test_metadata_names_the_shop_its_owner_and_the_language(rendered, sample):
    doc = rendered[sample]
    shop, info = doc.policy.facts.shop, doc.reader.metadata
    assert info.title == f"Privacy policy for {shop.name}"
    assert info.author == (shop.legal_name or shop.name)
    assert shop.name in info.subject
    assert info["/CreationDate"].startswith("D:20261122")
    assert doc.reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_outline_has_one_bookmark_per_section_in_order(rendered, sample):
    doc = rendered[sample]
    assert [title for title, _ in outline_entries(doc.reader)] == [s.title for s in doc.policy.sections]


@pytest.mark.parametrize("sample", ["minimal", "all-services"])
def test_the_contents_give_the_page_each_section_starts_on(rendered, sample):
    doc = rendered[sample]
    index = next(i for i, text in enumerate(doc.pages) if "Contents" in text)
    contents = visual_lines(doc.reader.pages[index])
    entries = outline_entries(doc.reader)[1:]  # the contents list every section after the summary
    for number, (title, page) in enumerate(entries, start=1):
        assert f"{number}. {title} {page}" in contents, f"{title!r} starts on page {page}: out/pdf/{sample}.pdf"
        assert title in doc.pages[page - 1]


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_page_says_page_n_of_m_and_the_update_date(rendered, sample):
    doc = rendered[sample]
    total = len(doc.pages)
    for number, text in enumerate(doc.pages, start=1):
        assert f"Page {number} of {total}" in text
        assert f"Last updated: {doc.policy.facts.effective_date}" in text


def test_the_running_header_names_the_shop_from_the_second_page_on(rendered):
    first, *others = rendered["all-services"].reader.pages
    assert visual_lines(first)[0] == "Privacy policy"
    for page in others:
        assert visual_lines(page)[0] == "Everything Emporium Privacy policy"


def test_us_and_canadian_shops_get_us_letter_and_the_others_a4(rendered):
    assert page_size(rendered["all-services"].reader) == LETTER  # a US shop
    assert page_size(rendered["minimal"].reader) == A4  # a UK shop
    assert pdf_meta(make_answers("ca")).page_size == "letter"
    assert pdf_meta(make_answers("eu")).page_size == "A4"


def test_privacy_notice_addresses_are_printed_after_their_links_which_stay_clickable(rendered):
    doc = rendered["all-services"]
    unwrapped = doc.text.replace(" ", "")  # a long address wraps over lines in a table cell
    assert "TikTokPixel(https://www.tiktok.com/legal/page/global/privacy-policy/en)" in unwrapped
    assert "optout(https://tools.google.com/dlpage/gaoptout)" in unwrapped
    assert "Stripe (https://stripe.com/privacy), Stripe, Inc." in doc.text  # in the recipients table
    # Once per paragraph, item or cell; never after a link whose text already shows it.
    assert doc.text.count("(https://stripe.com/privacy)") == 1
    assert "www.priv.gc.ca (https://" not in doc.text
    targets = {
        annot.get_object()["/A"].get("/URI")
        for page in doc.reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/A")
    }
    assert {"https://stripe.com/privacy", "https://www.priv.gc.ca"} <= targets


def test_names_in_other_scripts_come_out_as_real_glyphs(rendered):
    doc = rendered["hostile"]
    words = {"中文": "CJK", "日本語": "CJK", "العربية": "Arabic", "Ωμέγα": "Noto-Sans", "Кириллица": "Noto-Sans"}
    fonts = drawn_chars(doc.reader)
    for word, font_family in words.items():
        assert word in doc.text, f"{word} cannot be extracted from out/pdf/hostile.pdf"
        for char in word:
            drawn_by = [name for name, chars in fonts.items() if char in chars]
            assert any(font_family in name for name in drawn_by), f"{char!r} of {word} is drawn by {drawn_by}"


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_pdf_is_tagged_for_screen_readers(rendered, sample):
    root = rendered[sample].reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


def struct_elements(node) -> Iterator[DictionaryObject]:
    """Every element of the PDF's structure tree under `node`, depth first."""
    node = node.get_object()
    if not isinstance(node, DictionaryObject):
        return  # a marked-content id
    if "/S" in node:
        yield node
    kids = node.get("/K")
    if kids is None:
        return
    kids = kids.get_object()
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        yield from struct_elements(kid)


def pdfua_check(pdf: Path, *options: str) -> dict:
    """The outside checker's JSON report on one PDF."""
    done = subprocess.run([PDFUA, "check", "--format", "json", *options, pdf], capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert report["exit_code"] == done.returncode, done.stderr
    return report


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_table_data_cell_is_tagged_with_its_row_and_column_headers(rendered, sample):
    # WeasyPrint gives each /TH an /ID and each /TD the /Headers it reads with (a row header comes from
    # scope="row"): PDF/UA's Headers-and-IDs way of tying a cell to its headings.
    elements = list(struct_elements(rendered[sample].reader.trailer["/Root"]["/StructTreeRoot"]))
    ids = {str(e["/ID"]) for e in elements if e["/S"] == "/TH"}
    cells = [[str(h) for h in e["/A"].get("/Headers", [])] for e in elements if e["/S"] == "/TD"]
    assert cells, f"out/pdf/{sample}.pdf has no table to check"
    assert [h for h in cells if len(h) != 2 or not set(h) <= ids] == [], f"out/pdf/{sample}.pdf"


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_table_header_cell_says_whether_it_heads_a_column_or_a_row(rendered, sample):
    elements = list(struct_elements(rendered[sample].reader.trailer["/Root"]["/StructTreeRoot"]))
    scopes = {str(e["/A"].get("/Scope")) for e in elements if e["/S"] == "/TH"}
    assert scopes == {"/Column", "/Row"}, f"out/pdf/{sample}.pdf"


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_outside_pdf_ua_checker_reports_nothing(rendered, sample):
    report = pdfua_check(PDF_OUT / f"{sample}.pdf")  # its heuristic checks included (UA-15-003 on tables)
    assert report["exit_code"] == 0 and report["findings"] == [], f"out/pdf/{sample}.pdf"
    # pdfua 0.1.3's empty-heading rule crashes on pikepdf 10 (it reads an attribute of an array): any
    # other rule that cannot run would leave the PDF unchecked.
    assert {skip["rule_id"] for skip in report["skipped"]} <= {"UA-14-001"}


def test_an_operator_can_trade_the_tags_for_speed():
    answers = make_answers("minimal")
    html = policy_html(policy_assemble(answers=answers))
    untagged = PdfReader(io.BytesIO(pdf_render(html=html, meta=pdf_meta(answers), variant=None)))
    assert "/StructTreeRoot" not in untagged.trailer["/Root"]
    assert "Pip's Pottery" in untagged.pages[0].extract_text()


def test_words_break_across_lines_only_at_their_own_hyphens(rendered):
    # hyphens: auto would add hyphens of its own, which stay in the text for search and screen readers.
    doc = rendered["all-services"]
    html = policy_html(doc.policy)
    broken = re.findall(r"(\S+-) (\S+)", doc.text)
    assert broken and [f"{a}{b}" for a, b in broken if f"{a}{b}".strip(".,;:()") not in html] == []


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_first_pages_render_to_images_for_a_look(rendered, sample):
    assert shutil.which("pdftoppm"), "pdftoppm is missing: `make setup` installs poppler-utils"
    for old in PDF_OUT.glob(f"{sample}-*.png"):
        old.unlink()
    prefix = PDF_OUT / sample
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", prefix.with_suffix(".pdf"), prefix], check=True
    )
    images = sorted(PDF_OUT.glob(f"{sample}-*.png"))
    assert len(images) == 3
    with Image.open(images[0]) as page:
        ink = sum(page.convert("L").point(lambda v: v < 128).histogram()[1:])
    assert ink > 1000, f"{images[0]} looks blank"


def test_a_weasyprint_failure_comes_out_as_pdf_error_and_is_logged(caplog):
    html = TOO_DEEP
    meta = pdf_meta(make_answers("minimal"))
    with caplog.at_level("ERROR", logger="policybuilder"), pytest.raises(PdfError):
        policy_pdf(html=html, answers=make_answers("minimal"))
    assert isinstance(caplog.records[-1].exc_info[1], RecursionError)
    assert caches[CACHE_ALIAS].get(pdf_key(html=html, meta=meta)) is None


def test_metadata_refuses_a_page_size_it_does_not_know():
    with pytest.raises(ValueError):
        PdfMeta(title="t", author="a", subject="s", language="en", page_size="A4; } body {", created="2026-11-22")


def test_metadata_falls_back_to_today_without_an_effective_date():
    meta = pdf_meta({"business": {"name": "Kiosk"}})
    assert meta.title == "Privacy policy for Kiosk" and meta.author == "Kiosk"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta.created) and meta.page_size == "A4"


# Cache


def unique_html() -> str:
    # Redis outlives a test run: a fresh key per test keeps runs apart.
    return f"<!doctype html><html lang=en><title>t</title><p>Cache test {uuid.uuid4()}</p></html>"


def test_a_repeat_export_is_served_from_the_cache():
    html, answers = unique_html(), make_answers("minimal")
    first = policy_pdf(html=html, answers=answers)
    key = pdf_key(html=html, meta=pdf_meta(answers))
    assert caches[CACHE_ALIAS].get(key) == first
    caches[CACHE_ALIAS].set(key, b"%PDF-stored")
    assert policy_pdf(html=html, answers=answers) == b"%PDF-stored"


def test_the_key_changes_with_the_html_and_the_answers():
    html, uk, us = unique_html(), pdf_meta(make_answers("minimal")), pdf_meta(make_answers("us"))
    assert pdf_key(html=html, meta=uk) == pdf_key(html=html, meta=uk)
    assert pdf_key(html=html, meta=uk) != pdf_key(html=html + " ", meta=uk)
    assert pdf_key(html=html, meta=uk) != pdf_key(html=html, meta=us)


def test_concurrent_requests_for_one_pdf_render_it_once():
    key, calls, results = f"pdf:test:{uuid.uuid4()}", [], []

    def render() -> bytes:
        calls.append(1)
        time.sleep(0.3)
        return b"%PDF-once"

    workers = [threading.Thread(target=lambda: results.append(cached_bytes(key=key, make=render))) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(calls) == 1 and results == [b"%PDF-once"] * 4


def test_a_lock_left_by_a_dead_worker_delays_but_does_not_block():
    key = f"pdf:test:{uuid.uuid4()}"
    caches[CACHE_ALIAS].add(f"{key}:lock", "a worker that died", timeout=60)
    assert cached_bytes(key=key, make=lambda: b"%PDF-late", lock_seconds=0.3) == b"%PDF-late"


def test_a_failed_render_is_not_cached_and_frees_the_lock():
    key = f"pdf:test:{uuid.uuid4()}"

    def fail() -> bytes:
        raise PdfError("broken")

    with pytest.raises(PdfError):
        cached_bytes(key=key, make=fail)
    assert caches[CACHE_ALIAS].get(key) is None and caches[CACHE_ALIAS].get(f"{key}:lock") is None


def test_an_unreachable_cache_still_gives_the_owner_a_pdf(settings, caplog):
    # A real Redis client pointed at a port nothing listens on: every cache call fails to connect.
    settings.CACHES = settings.CACHES | {
        CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    assert cached_bytes(key=f"pdf:test:{uuid.uuid4()}", make=lambda: b"%PDF-uncached") == b"%PDF-uncached"
    assert "PDF cache get failed" in caplog.text


# Command line


def test_draftpolicy_writes_a_pdf_file(tmp_path):
    target = tmp_path / "policy.pdf"
    call_command("draftpolicy", str(DATA / "us.json"), "--format", "pdf", "--output", str(target), stderr=StringIO())
    reader = PdfReader(target)
    assert "Houston Lactation Bakes" in reader.metadata.title
    assert page_size(reader) == LETTER


def test_draftpolicy_will_not_print_a_pdf_as_text():
    with pytest.raises(CommandError, match="--output"):
        call_command("draftpolicy", str(DATA / "us.json"), "--format", "pdf", stdout=StringIO(), stderr=StringIO())


# Web download


def test_the_pdf_download_is_a_file_named_after_the_shop(client):
    saved = policy_publish(answers=make_answers("minimal"))
    response = client.get(reverse("documents:download", args=[saved.token, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pips-pottery-privacy-policy.pdf"'
    assert PdfReader(io.BytesIO(response.content)).metadata.title == "Privacy policy for Pip's Pottery"


def test_a_failed_pdf_says_so_and_offers_the_html_download(client):
    saved = SavedPolicy.objects.create(
        answers=make_answers("minimal"), html=TOO_DEEP, body_html="", md="", txt="", json="{}", library_revision=""
    )
    response = client.get(reverse("documents:download", args=[saved.token, "pdf"]))
    assert response.status_code == 503
    page = response.content.decode()
    assert "The PDF could not be made" in page
    assert reverse("documents:download", args=[saved.token, "html"]) in page


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["de", "fr-CA"])
def test_a_translated_pdf_has_its_language_title_and_page_words(code):
    policy = policy_assemble(answers=make_answers("eu", language=code))
    pdf = pdf_render(html=policy_html(policy), meta=pdf_meta(policy.answers))
    reader = PdfReader(io.BytesIO(pdf))
    pages = [flat(page.extract_text()) for page in reader.pages]
    assert reader.trailer["/Root"]["/Lang"] == code  # hyphenation and screen readers follow it
    assert reader.metadata.title == policy.title and "Privacy policy" not in policy.title
    with translation.override(language(code).django):
        page_word, of_word = pgettext("page number", "Page"), pgettext("page number", "of")
    assert (page_word, of_word) != ("Page", "of")  # French keeps "Page" but says "sur"
    for number, text in enumerate(pages, start=1):
        assert f"{page_word} {number} {of_word} {len(pages)}" in text
    assert "Page 1 of" not in " ".join(pages)
