#!/usr/bin/env python3
"""Requests per second and p99 under gunicorn, quiet and while one client hammers PDF downloads.

Starts gunicorn as the Dockerfile does (2 sync workers) on 127.0.0.1 only, against the database and
cache the environment names (run it with DATABASE_URL and REDIS_URL for the production shape), then
times a static file, a published policy's public page, the landing page, a questionnaire step, a result
page and a cached PDF: first quiet, then while
another client asks for the PDFs of many distinct policies. Since the PDF worker (issue 11), those
PDFs are rendered when each policy is saved (here, eagerly, before the timing starts; in production, by
the Celery worker) and the web workers only serve stored files. Every loop is bounded in count and time, and the server
is stopped at the end. Prints one line per page and the landing page's p99 ratio (target: 2x or less).

    .venv/bin/python bench/load.py [--limited]   (needs `make db` first)
"""

import os
import signal
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")
os.environ.setdefault("ALLOW_INSECURE_KEY", "true")

import django  # noqa: E402

django.setup()

from serve import PRODUCTION_FLAGS, free_port, get, server  # noqa: E402  (bench/serve.py)

from policybuilder.documents.services import policy_publish  # noqa: E402
from policybuilder.publishing.candidate import candidate_build  # noqa: E402
from policybuilder.publishing.services import publication_start  # noqa: E402
from tests.base import make_answers  # noqa: E402

# --limited: the site's own rate limits (the hammering client soon gets 429s); otherwise limits far
# above the load, so that the figures show the cost of the work itself.
LIMITED = "--limited" in sys.argv
REQUESTS, SECONDS = 300, 15.0  # per page and phase, whichever comes first
HAMMER_PDFS = 120  # distinct policies, so every PDF the hammering client asks for is a fresh render


def _measure(port: int, path: str) -> dict[str, float]:
    times, deadline = [], time.monotonic() + SECONDS
    while len(times) < REQUESTS and time.monotonic() < deadline:
        status, seconds = get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        times.append(seconds)
    elapsed = sum(times)
    p99 = statistics.quantiles(times, n=100)[98] if len(times) > 1 else times[0]
    return {"count": len(times), "rps": len(times) / elapsed, "p99_ms": p99 * 1000}


def _hammer(port: int, tokens: list[str], stop: threading.Event, done: list[int]) -> None:
    """Distinct policies' PDFs, one after another: each is a real render, never a cache hit."""
    for token in tokens:
        if stop.is_set():
            return
        if get(port, f"/policy/{token}/policy.pdf")[0] == 200:
            done.append(1)


def main() -> None:
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)  # the static file is served as in production
    policy = policy_publish(answers=make_answers("us-ca"))
    business = make_answers()["business"]
    hammer_tokens = [
        policy_publish(answers=make_answers("minimal", business=business | {"name": f"Load {i} {time.time()}"})).token
        for i in range(HAMMER_PDFS)
    ]
    slug = f"bench-{int(time.time())}"
    shown = candidate_build(source=policy, slug=slug, latest=None)
    assert shown is not None
    publication_start(source=policy, slug=slug, notify_email="", expected=shown.token)
    pages = {
        "static file": "/static/css/policy.css",
        "public page": f"/p/{slug}/",
        "landing": "/",
        "step": "/questions/business/",
        "result": f"/policy/{policy.token}/",
        "cached pdf": f"/policy/{policy.token}/policy.pdf",
    }
    if LIMITED:  # one client asking for the same PDF hundreds of times is exactly what the limit stops
        del pages["cached pdf"]
    port = free_port()
    process = server(port, PRODUCTION_FLAGS, limited=LIMITED)
    try:
        for path in pages.values():  # warm both workers: imports, URLs, the library, the cached PDF
            for _ in range(6):
                get(port, path)
        quiet = {name: _measure(port, path) for name, path in pages.items()}
        stop, rendered = threading.Event(), []
        halves = (hammer_tokens[::2], hammer_tokens[1::2])  # two at a time: enough to busy both workers
        hammers = [threading.Thread(target=_hammer, args=(port, h, stop, rendered), daemon=True) for h in halves]
        for hammer in hammers:
            hammer.start()
        loaded = {name: _measure(port, path) for name, path in pages.items()}
        stop.set()
        for hammer in hammers:
            hammer.join(timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    print(f"{'page':<12} {'quiet rps':>10} {'quiet p99':>10} {'hammered rps':>13} {'hammered p99':>13}")
    for name in pages:
        q, h = quiet[name], loaded[name]
        print(f"{name:<12} {q['rps']:>10.1f} {q['p99_ms']:>8.1f}ms {h['rps']:>13.1f} {h['p99_ms']:>11.1f}ms")
    print(f"PDF downloads served to the hammering client meanwhile: {len(rendered)}")
    share = quiet["public page"]["rps"] / quiet["static file"]["rps"]
    print(f"public page: {share:.2f} of a static file's requests/s, quiet (target 0.5 or more)")
    ratio = loaded["landing"]["p99_ms"] / quiet["landing"]["p99_ms"]
    print(f"landing page p99 under PDF hammering: {ratio:.1f}x quiet (target 2x or less)")


if __name__ == "__main__":
    main()
