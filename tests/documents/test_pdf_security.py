"""WeasyPrint loads our static files and nothing else, whatever a clause, an answer or the HTML asks for.

The probes point at a local file holding a secret and at a real listener on 127.0.0.1; a render passes
when the secret is nowhere in the PDF (text or embedded files) and nothing connected to the listener.
"""

import io
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_html
from policybuilder.documents.pdf import PdfError, pdf_meta, pdf_render
from policybuilder.documents.pdf_fetch import FETCHER, STATIC_ROOT, RefusedURL, StaticOnlyFetcher
from policybuilder.library.models import Clause
from tests.base import make_answers

META = pdf_meta(make_answers("minimal"))


class Listener:
    """A TCP server on 127.0.0.1 recording every connection, whatever the protocol; it answers 404 at once."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.hits: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}/{path}"

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.hits.append(conn.recv(1024) or b"(connected)")
                    conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    self.hits.append(b"(connected)")

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def secrets_dir(tmp_path: Path) -> Path:
    """A secret text file, and a stylesheet that would print a secret if it were ever loaded."""
    token = uuid.uuid4().hex
    (tmp_path / "secret.txt").write_text(f"SECRET-FILE-{token}", encoding="utf-8")
    (tmp_path / "evil.css").write_text(f'body::before {{ content: "SECRET-CSS-{token}"; }}', encoding="utf-8")
    return tmp_path


def leaked(pdf: bytes) -> list[str]:
    """Whatever of a probe shows in the PDF: secret text, embedded files, file-attachment annotations."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    found = [word for word in text.split() if "SECRET" in word]
    found += [f"attachment {name}" for name in reader.attachments]
    annots = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    found += ["file attachment annotation" for a in annots if a.get("/Subtype") == "/FileAttachment"]
    return found


def probe_html(secrets: Path, listener: Listener) -> str:
    """Every way we know for HTML and CSS to make WeasyPrint read a file or open a connection."""
    secret, css = (secrets / "secret.txt").as_uri(), (secrets / "evil.css").as_uri()
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Probe</title>
<base href="file:///">
<link rel="stylesheet" href="{css}"><link rel="stylesheet" href="{listener.url("link.css")}">
<link rel="attachment" href="{secret}" title="secret">
<style>
@import url("{css}");
@import url("{listener.url("import.css")}");
@font-face {{ font-family: Probe; src: url("{listener.url("font.woff")}"), url("{secret}"); }}
p {{ font-family: Probe, sans-serif; background-image: url("{listener.url("background.png")}"); }}
</style></head><body>
<p>Probe page</p>
<img src="{secret}" alt=""><img src="{listener.url("img.png")}" alt="">
<img src="{listener.url("ftp.png", "ftp")}" alt=""><img src="{listener.url("tls.png", "https")}" alt="">
<img src="etc/passwd" alt=""><img src="file:///dev/zero" alt="">
<object data="{secret}"></object><object data="{listener.url("object")}"></object>
<embed src="{secret}"><embed src="{listener.url("embed")}">
<a rel="attachment" href="{secret}">attached</a>
<a href="{listener.url("link")}">a link is fine: it is not fetched</a>
<svg width="20" height="20"><image href="{listener.url("svg.png")}" width="20" height="20"/></svg>
<div style="background: url('{listener.url("inline.png")}')">inline style</div>
</body></html>"""


def test_the_probes_are_real_weasyprint_left_at_its_defaults_falls_for_them(secrets_dir, listener):
    # Without this, the tests below could pass because the probes were broken. No /dev/zero here.
    secret, css = (secrets_dir / "secret.txt").as_uri(), (secrets_dir / "evil.css").as_uri()
    html = f"""<link rel="stylesheet" href="{css}"><link rel="attachment" href="{secret}">
<p>Probe</p><img src="{listener.url("img.png")}">"""
    pdf = weasyprint.HTML(string=html).write_pdf()
    assert any(word.startswith("SECRET-CSS") for word in leaked(pdf))
    assert "attachment secret.txt" in leaked(pdf)
    assert listener.hits


def test_crafted_html_reads_no_local_file_and_contacts_no_server(secrets_dir, listener):
    start = time.monotonic()
    pdf = pdf_render(html=probe_html(secrets_dir, listener), meta=META)
    assert leaked(pdf) == []
    assert listener.hits == []
    assert "Probe page" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert time.monotonic() - start < 30  # nothing waited for a 10-second fetch timeout


def test_links_to_a_server_stay_links(secrets_dir, listener):
    pdf = pdf_render(html=probe_html(secrets_dir, listener), meta=META)
    reader = PdfReader(io.BytesIO(pdf))
    uris = {a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots", [])}
    assert listener.url("link") in uris


@pytest.mark.django_db
def test_a_clause_and_an_answer_cannot_make_the_pdf_fetch_anything(secrets_dir, listener):
    answers = make_answers("minimal")
    answers["business"]["website"] = listener.url("website")
    answers["payments"]["gateways"].append({"name": "Probe Pay", "privacy_url": listener.url("answer-privacy")})
    first = policy_assemble(answers=answers).sections[0].clauses[0].slug
    secret = (secrets_dir / "secret.txt").as_uri()
    clause = Clause.objects.get(slug=first)
    clause.body += (
        f"\n\n![secret]({secret}) ![ping]({listener.url('clause.png')}) [notice]({listener.url('clause-link')})\n\n"
        f'<img src="{secret}"> <link rel="attachment" href="{secret}"> <base href="file:///">\n'
    )
    clause.save()
    html = policy_html(policy_assemble(answers=answers))
    # The probes reach the renderer: an <img> pointing at the listener, and the answer's link.
    assert f'<img src="{listener.url("clause.png")}"' in html and listener.url("answer-privacy") in html
    pdf = pdf_render(html=html, meta=pdf_meta(answers))
    assert leaked(pdf) == []
    assert listener.hits == []


def test_a_fetcher_that_fails_on_errors_still_gives_pdf_error(monkeypatch, secrets_dir):
    # FatalURLFetchingError is a BaseException: it must not escape pdf_render past `except Exception`.
    monkeypatch.setattr(FETCHER, "_fail_on_errors", True)
    with pytest.raises(PdfError):
        pdf_render(html=f'<img src="{(secrets_dir / "secret.txt").as_uri()}">', meta=META)


# The fetcher on its own


def test_the_fetcher_serves_our_static_files():
    css = STATIC_ROOT / "css" / "print.css"
    response = FETCHER.fetch(css.as_uri())
    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///dev/zero",
        "file:///proc/self/environ",
        (STATIC_ROOT / "css").as_uri(),
        (STATIC_ROOT / "css" / ".." / ".." / "manage.py").as_uri(),
        f"{(STATIC_ROOT / 'css').as_uri()}/%2e%2e/%2e%2e/manage.py",
        "file://elsewhere.example" + (STATIC_ROOT / "css" / "print.css").as_posix(),
        "https://example.com/style.css",
        "ftp://127.0.0.1/file",
        "data:text/css,body{color:red}",
        "css/print.css",
    ],
)
def test_the_fetcher_refuses_everything_else(url):
    with pytest.raises(RefusedURL):
        FETCHER.fetch(url)


def test_the_fetcher_refuses_a_symlink_out_of_the_static_folder(tmp_path, secrets_dir):
    root = tmp_path / "static"
    root.mkdir()
    (root / "logo.png").symlink_to(secrets_dir / "secret.txt")
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher(root=root).fetch((root / "logo.png").as_uri())


def test_the_fetcher_refuses_a_pipe_in_the_static_folder_without_waiting(tmp_path):
    root = tmp_path / "static"
    root.mkdir()
    os.mkfifo(root / "pipe.css")
    start = time.monotonic()
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher(root=root).fetch((root / "pipe.css").as_uri())
    assert time.monotonic() - start < 5
