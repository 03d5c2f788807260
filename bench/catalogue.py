#!/usr/bin/env python3
"""How `loadclauses` and the questionnaire's service pages fare with a large catalogue.

Builds a synthetic catalogue of SERVICES services (the real entries of clauses/services.yaml, then
copies of them under new slugs and names, so the kinds keep the real file's proportions) in a scratch
copy of clauses/ and a scratch SQLite database, both in a temporary folder: neither db.sqlite3 nor
clauses/ is touched, whatever DATABASE_URL says. Then prints, as `name: value`:

- `loadclauses_fresh_s` / `_queries`: the first load into the migrated, empty database;
- `loadclauses_unchanged_s` / `_queries`: the same files again (what every container start does);
- `loadclauses_one_change_s` / `_queries`: the files with one service's purpose changed;
- per service step (payments, analytics), `<step>_step_kb`, `<step>_step_ms` (median of STEP_RUNS GETs
  by Django's test client, a first-time visitor) and `<step>_step_queries`.

    .venv/bin/python bench/catalogue.py          (BENCH_SERVICES=5000, BENCH_STEP_RUNS=20 by default)
"""

import io
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import cycle
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="policybuilder-catalogue-"))
LIBRARY = SCRATCH / "clauses"
# Set before Django reads its settings: this script must never load 5,000 services into a real database.
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'bench.sqlite3'}"
os.environ["CLAUSES_DIR"] = str(LIBRARY)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")
os.environ.setdefault("ALLOW_INSECURE_KEY", "true")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SERVICES = int(os.getenv("BENCH_SERVICES", "5000"))
STEP_RUNS = int(os.getenv("BENCH_STEP_RUNS", "20"))
STEPS = ("payments", "analytics")


def catalogue_build(total: int) -> list[dict[str, Any]]:
    """The real catalogue followed by numbered copies of its entries, `total` entries in all."""
    real = yaml.safe_load((ROOT / "clauses" / "services.yaml").read_text(encoding="utf-8"))
    copies = []
    for number, entry in zip(range(total - len(real)), cycle(real), strict=False):
        copies.append(
            entry
            | {
                "slug": f"{entry['slug']}-{number:04d}",
                "name": f"{entry['name']} {number:04d}",
                "company": f"{entry['company']} (copy {number:04d})",
            }
        )
    return copies


def services_write(copies: list[dict[str, Any]]) -> None:
    """The scratch services.yaml: the real one with `copies` appended."""
    real = (ROOT / "clauses" / "services.yaml").read_text(encoding="utf-8")
    extra = yaml.safe_dump(copies, sort_keys=False, allow_unicode=True, width=1000)
    (LIBRARY / "services.yaml").write_text(real + "\n" + extra, encoding="utf-8")


@contextmanager
def queries_counted() -> Iterator[list[int]]:
    """Count the queries run inside the block (cheaper than logging them, so timings stay honest)."""
    count = [0]

    def counting(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        yield count


def load_measure(name: str) -> None:
    with queries_counted() as count:
        start = time.perf_counter()
        call_command("loadclauses", "--dir", str(LIBRARY), stdout=io.StringIO())
        seconds = time.perf_counter() - start
    print(f"loadclauses_{name}_s: {seconds:.2f}")
    print(f"loadclauses_{name}_queries: {count[0]}")


def step_measure(step: str) -> None:
    client = Client()
    url = f"/questions/{step}/"
    for _ in range(2):  # the first GET compiles the library and the catalogue's choices
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
    times = []
    for _ in range(STEP_RUNS):
        with queries_counted() as count:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
    print(f"{step}_step_kb: {len(response.content) / 1024:.0f}")
    print(f"{step}_step_ms: {statistics.median(times) * 1000:.1f}")
    print(f"{step}_step_queries: {count[0]}")


def main() -> None:
    logging.getLogger("policybuilder.access").setLevel(logging.WARNING)  # one line per GET would bury the figures
    warnings.filterwarnings("ignore", "No directory at")  # whitenoise: static files are not collected here
    try:
        setup_test_environment()  # the test client's host, "testserver", is then allowed
        copies = catalogue_build(SERVICES)
        shutil.copytree(ROOT / "clauses", LIBRARY)
        services_write(copies)
        call_command("migrate", verbosity=0)
        print(f"services: {SERVICES}")
        load_measure("fresh")
        load_measure("unchanged")
        copies[len(copies) // 2] |= {"purpose": "keep a changed purpose"}
        services_write(copies)
        load_measure("one_change")
        for step in STEPS:
            step_measure(step)
    finally:
        connection.close()
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
