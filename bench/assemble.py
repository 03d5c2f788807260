#!/usr/bin/env python3
"""How long assembling a policy and rendering its HTML takes, against the work no engine can avoid.

The baseline ("bare") renders the same selected clause bodies with a plain, precompiled Jinja2
environment and converts them to HTML with cmark-gfm, as ours does: nothing else. Our figure is the whole path a
request takes: validate the answers, build the facts, select and render the clauses in the
sandbox, check coverage, and render the standalone HTML page.

    .venv/bin/python bench/assemble.py            (needs `make db` first; `make bench` does both)
"""

import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")

import django  # noqa: E402

django.setup()

from jinja2 import Environment  # noqa: E402

from policybuilder.documents.assemble import policy_assemble  # noqa: E402
from policybuilder.documents.clause_html import markdown_html  # noqa: E402
from policybuilder.documents.engine import facts_context, library_current  # noqa: E402
from policybuilder.documents.exporters import policy_html  # noqa: E402
from tests.base import make_answers  # noqa: E402

RUNS = int(os.getenv("BENCH_RUNS", "200"))


def medians_ms(ours, bare, runs: int = RUNS) -> tuple[float, float]:
    """Median milliseconds of each, timed in turns so that a slow patch of the machine hits both,
    with the garbage collector paused while each runs (as timeit does)."""
    for _ in range(10):
        ours()
        bare()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for work, bucket in ((ours, times[0]), (bare, times[1])):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                work()
                bucket.append(time.perf_counter() - start)
            finally:
                gc.enable()
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def bare_renderer(sample: str):
    """Precompile the clause bodies this sample selects, for a plain environment."""
    library = library_current()
    policy = policy_assemble(answers=make_answers(sample), library=library)
    chosen = {c.slug for s in policy.sections for c in s.clauses}
    env = Environment(trim_blocks=True, lstrip_blocks=True)
    env.filters.update(library.clauses[0].template.environment.filters)
    templates = [env.from_string(c.data.body) for c in library.clauses if c.data.slug in chosen]
    context = facts_context(policy.facts)
    return lambda: [markdown_html(t.render(context)) for t in templates], len(templates)


def main() -> None:
    for sample in ("minimal", "all-services"):
        answers = make_answers(sample)
        bare, clauses = bare_renderer(sample)
        ours, bare_ms = medians_ms(lambda a=answers: policy_html(policy_assemble(answers=a)), bare)
        print(f"sample: {sample}")
        print(f"  clauses: {clauses}")
        print(f"  assemble_and_html_ms: {ours:.2f}")
        print(f"  bare_jinja_markdown_ms: {bare_ms:.2f}")
        print(f"  ratio_to_bare: {ours / bare_ms:.2f}")


if __name__ == "__main__":
    main()
