"""What WeasyPrint may load while it renders a PDF: regular files under our static folder, nothing else.

Left at its defaults WeasyPrint reads any local file (`<img>`, stylesheets, `@import`, `<object>`,
`<embed>`, attachments), follows `<base href="file:///">`, fetches http, https and ftp addresses and reads
`/dev/zero` until memory runs out. A clause or an answer must never make it do any of that.
"""

import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from weasyprint.urls import URLFetcherResponse

STATIC_ROOT = (settings.BASE_DIR / "static").resolve()
# The base URL every document and stylesheet is rendered against, whatever a <base> element says.
STATIC_BASE_URL = STATIC_ROOT.as_uri() + "/"
# Our own CSS and fonts are far smaller; anything bigger is not something we meant to load.
MAX_BYTES = 32 * 1024 * 1024


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside our static folder; it renders on without it."""


def static_path(url: str, *, root: Path = STATIC_ROOT) -> Path:
    """The real file under `root` that a file:// URL names, or RefusedURL."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"only our static files may be loaded, not {url[:200]!r}")
    # resolve() follows every symlink, so a link inside static/ that points elsewhere lands outside it.
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root):
        raise RefusedURL(f"outside the static folder: {url[:200]!r}")
    return path


def static_read(path: Path) -> bytes:
    """The bytes of a regular file (never a device, pipe or folder), refusing huge ones."""
    # O_NONBLOCK: opening a FIFO must not hang; fstat below then refuses it.
    flags = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise RefusedURL(f"cannot open {path.name}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        os.close(fd)
        raise RefusedURL(f"not a regular file of a sane size: {path.name}")
    with os.fdopen(fd, "rb") as file:
        return file.read(MAX_BYTES)


class StaticOnlyFetcher(weasyprint.URLFetcher):
    """A URL fetcher that serves our static files and refuses every other URL.

    WeasyPrint 70 wants a URLFetcher subclass (a plain function crashes when it refuses a URL).
    Refusals raise an ordinary exception, so WeasyPrint logs them and leaves the resource out.
    """

    def __init__(self, *, root: Path = STATIC_ROOT):
        # No protocol is allowed through the parent's handlers: fetch() below never calls them.
        super().__init__(timeout=1, allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.root = root

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = static_path(url, root=self.root)
        body = static_read(path)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body, {"Content-Type": content_type})


# Built once: a fetcher builds an SSL context, about 26 ms, which every render would otherwise pay.
FETCHER = StaticOnlyFetcher()
