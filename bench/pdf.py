#!/usr/bin/env python3
"""How long the PDF export takes, against WeasyPrint alone on the same HTML.

For each sample: a cold render (a fresh process: Python, Django, `import weasyprint`, one render), a warm
one (in-process, repeated), pages and bytes. `ratio_to_bare_weasyprint` compares our uncached export
(print stylesheet, table of contents, running header, tags, metadata, our fetcher; and once without
the PDF/UA tags, as PDF_TAGGED=false renders it) with
`weasyprint.HTML(string=html).write_pdf()` on the same HTML. The two are timed in turns, and the ratio is
taken on this process's CPU seconds: on a shared machine other programs stretch wall time by ±20% from one
run to the next (the wall-time ratio is printed too). `cached_speedup` compares the first export with a
repeat served by the cache.

    .venv/bin/python bench/pdf.py            (needs `make db` first; `make bench` does both)
"""

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")

import django  # noqa: E402

django.setup()

COLD_RUNS = int(os.getenv("BENCH_COLD_RUNS", "3"))
WARM_RUNS = int(os.getenv("BENCH_WARM_RUNS", "5"))
CACHED_RUNS = 50
# The child process of a cold run: everything a fresh worker or `draftpolicy` pays for one PDF.
COLD_CHILD = """
import os, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")
import django
django.setup()
from policybuilder.documents.pdf import PdfMeta, pdf_render
pdf_render(html=open({html!r}, encoding="utf-8").read(), meta=PdfMeta(**{meta!r}))
"""


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def cold_median(html: str, meta: object) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as file:
        file.write(html)
    try:
        code = COLD_CHILD.format(root=str(ROOT), html=file.name, meta=vars(meta))
        command = [sys.executable, "-c", code]
        return statistics.median(timed(lambda: subprocess.run(command, check=True)) for _ in range(COLD_RUNS))
    finally:
        os.unlink(file.name)


def warm_medians(work: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each piece of work, run in turns after one run to warm up."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in work}
    for _ in range(WARM_RUNS + 1):
        for name, run in work.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    return {name: tuple(statistics.median(t[i] for t in runs[1:]) for i in (0, 1)) for name, runs in times.items()}


def cached_speedup(html: str, answers: dict, key: str) -> float:
    from django.core.cache import caches

    from policybuilder.documents.pdf import policy_pdf
    from policybuilder.documents.pdf_cache import CACHE_ALIAS

    caches[CACHE_ALIAS].delete(key)
    first = timed(lambda: policy_pdf(html=html, answers=answers))
    repeat = statistics.median(timed(lambda: policy_pdf(html=html, answers=answers)) for _ in range(CACHED_RUNS))
    return first / repeat


def sample_report(sample: str) -> None:
    import weasyprint
    from pypdf import PdfReader

    from policybuilder.documents.assemble import policy_assemble
    from policybuilder.documents.exporters import policy_html
    from policybuilder.documents.pdf import pdf_key, pdf_meta, pdf_render
    from tests.base import make_answers

    answers = make_answers(sample)
    html = policy_html(policy_assemble(answers=answers))
    meta = pdf_meta(answers)
    pdf = pdf_render(html=html, meta=meta)
    warm = warm_medians(
        {
            "ours": lambda: pdf_render(html=html, meta=meta),
            "untagged": lambda: pdf_render(html=html, meta=meta, variant=None),
            "bare": lambda: weasyprint.HTML(string=html).write_pdf(),
        }
    )
    print(f"sample: {sample}")
    print(f"  pages: {len(PdfReader(io.BytesIO(pdf)).pages)}")
    print(f"  bytes: {len(pdf)}")
    print(f"  cold_render_s: {cold_median(html, meta):.3f}")
    print(f"  warm_render_s: {warm['ours'][0]:.3f}")
    print(f"  bare_weasyprint_s: {warm['bare'][0]:.3f}")
    print(f"  ratio_to_bare_weasyprint: {warm['ours'][1] / warm['bare'][1]:.2f}")
    print(f"  ratio_to_bare_weasyprint_wall: {warm['ours'][0] / warm['bare'][0]:.2f}")
    # The same export without PDF/UA tags (PDF_TAGGED=false): what tagging costs.
    print(f"  ratio_to_bare_weasyprint_untagged: {warm['untagged'][1] / warm['bare'][1]:.2f}")
    print(f"  cached_speedup: {cached_speedup(html, answers, pdf_key(html=html, meta=meta)):.0f}")


def main() -> None:
    for sample in ("minimal", "all-services"):
        sample_report(sample)


if __name__ == "__main__":
    main()
