"""The sample shops the preview offers and every clause is trial-rendered against on save.

Shipped with the app (a copy of some of tests/data), so the admin works without the test tree.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SAMPLES_DIR = Path(__file__).parent / "samples"
DEFAULT_SAMPLE = "us-ca"


@dataclass(frozen=True)
class Sample:
    slug: str
    label: str
    answers: dict[str, Any]


@cache
def samples_all() -> dict[str, Sample]:
    """Every shipped sample shop by slug, in the order the preview lists them."""
    found = {}
    for path in sorted(SAMPLES_DIR.glob("*.json")):
        answers = json.loads(path.read_text(encoding="utf-8"))
        laws = ", ".join(answers.get("jurisdictions", []))
        found[path.stem] = Sample(slug=path.stem, label=f"{answers['business']['name']} ({laws})", answers=answers)
    return dict(sorted(found.items(), key=lambda item: item[0] != DEFAULT_SAMPLE))


def sample_get(slug: str | None) -> Sample:
    """The sample shop `slug`, or the default one when `slug` is not a sample."""
    samples = samples_all()
    return samples.get(slug or "", samples[DEFAULT_SAMPLE])
