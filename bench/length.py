#!/usr/bin/env python3
"""How long each sample policy is and where its words go.

Prints, per sample shop: words, the Flesch-Kincaid grade by both counts (per unit, and strict:
sentences end only at ".", "!" or "?"), minutes to read, the five longest sections, and the
providers named most often in the body. Word counts are deterministic; the budgets they must
meet are asserted in tests/documents/test_length.py.

    .venv/bin/python bench/length.py [SAMPLE ...]     (needs `make db` first)
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")
os.environ.setdefault("ALLOW_INSECURE_KEY", "true")

import django  # noqa: E402

django.setup()

from policybuilder.documents.assemble import policy_assemble  # noqa: E402
from policybuilder.documents.length import provider_mentions, section_lengths  # noqa: E402
from tests.base import make_answers  # noqa: E402

SAMPLES = ["layered-us", "layered-uk", "layered-everywhere", "all-services", "us-ca", "uk", "eu", "children"]


def report(sample: str) -> None:
    policy = policy_assemble(answers=make_answers(sample))
    r = policy.readability
    print(f"{sample}: {r.words} words, grade {r.grade} (strict {r.strict_grade}), about {r.minutes} min")
    longest = sorted(section_lengths(policy), key=lambda s: -s.words)[:5]
    print("  longest: " + ", ".join(f"{s.title} {s.words}" for s in longest))
    named = [f"{name} {n}" for name, n in provider_mentions(policy).most_common(3)]
    print("  most named in the body: " + ", ".join(named))


if __name__ == "__main__":
    for sample in sys.argv[1:] or SAMPLES:
        report(sample)
