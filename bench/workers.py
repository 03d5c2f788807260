#!/usr/bin/env python3
"""What recycling web workers costs: light pages' requests per second and p99 under gunicorn with the
Dockerfile's flags, with the flags it had before, and with no recycling at all.

Before (issue 11), gunicorn recycled each worker every 500 requests and imported the app in each worker
after fork, so every restart paid the imports, the URLs and the clause library again. Now it imports and
warms the app once before fork (--preload, policybuilder/ops/warm.py) and recycles every 10,000 or so.
Two clients ask for the landing page and a questionnaire step, in turn, REQUESTS times each, against
each set of flags in turn; the figure to read is each set's requests per second as a share of
"no recycling" (target: 0.9 or better).

    .venv/bin/python bench/workers.py   (needs `make db` first)
"""

import os
import signal
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("ALLOW_INSECURE_KEY", "true")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")

from serve import PRODUCTION_FLAGS, free_port, get, server  # noqa: E402  (bench/serve.py)

REQUESTS = int(os.getenv("BENCH_REQUESTS", "1500"))  # per client: 3,000 in all, 6 recycles at 500
PAGES = ("/", "/questions/business/")
FLAGS = {
    "before (--max-requests 500)": ["--max-requests", "500"],
    "now (--preload, 10,000)": PRODUCTION_FLAGS,
    "no recycling": [],
}


def _client(port: int, times: list[float], failures: list[str]) -> None:
    for i in range(REQUESTS):
        status, seconds = get(port, PAGES[i % len(PAGES)])
        if status != 200:
            failures.append(f"{PAGES[i % len(PAGES)]} answered {status}")
            return
        times.append(seconds)


def _run(flags: list[str]) -> dict[str, float]:
    port = free_port()
    process = server(port, flags)
    try:
        for path in PAGES:  # both workers past their first requests, as in the other benchmarks
            for _ in range(4):
                get(port, path)
        times: list[float] = []
        failures: list[str] = []
        clients = [threading.Thread(target=_client, args=(port, times, failures)) for _ in range(2)]
        started = time.perf_counter()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    if failures:
        raise SystemExit("; ".join(failures))
    return {"rps": len(times) / elapsed, "p99_ms": statistics.quantiles(times, n=100)[98] * 1000}


def main() -> None:
    figures = {name: _run(flags) for name, flags in FLAGS.items()}
    base = figures["no recycling"]["rps"]
    print(f"{'flags':<30} {'rps':>7} {'p99':>9} {'share of no recycling':>22}")
    for name, f in figures.items():
        print(f"{name:<30} {f['rps']:>7.1f} {f['p99_ms']:>7.1f}ms {f['rps'] / base:>22.2f}")


if __name__ == "__main__":
    main()
