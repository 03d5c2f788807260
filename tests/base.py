"""Shared sample shops and helpers for the tests."""

import copy
import json
import re
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
CLAUSES = Path(__file__).parent.parent / "clauses"
OUT = Path(__file__).parent.parent / "out"  # failing documents are written here (git ignores it)
SAMPLES = sorted(p.stem for p in DATA.glob("*.json"))
JURISDICTION_SAMPLES = ["eu", "uk", "us", "us-ca", "ca", "br", "au", "children"]


def make_answers(name: str = "minimal", **changes: Any) -> dict[str, Any]:
    """A sample shop's answers (a fresh copy), with top-level keys replaced by `changes`."""
    answers = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(answers) | changes


def catalogue() -> list[dict[str, Any]]:
    return yaml.safe_load((CLAUSES / "services.yaml").read_text(encoding="utf-8"))


def selected_slugs(answers: dict[str, Any]) -> set[str]:
    """Catalogue slugs the answers pick, across every kind of service."""
    picked = [
        *answers["payments"]["gateways"],
        *answers.get("analytics", {}).get("services", []),
        *answers.get("analytics", {}).get("advertising", []),
        *answers.get("shipping", {}).get("carriers", []),
    ]
    if answers.get("platform"):
        picked.append(answers["platform"])
    if answers.get("newsletter"):
        picked.append(answers["newsletter"]["provider"])
    return {p for p in picked if isinstance(p, str)}


def mentions(text: str, name: str) -> bool:
    """Whether a provider's display name appears as whole words."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def keep_for_inspection(name: str, text: str) -> Path:
    """Write a document that failed a test to out/ so the failure can be read."""
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    path.write_text(text, encoding="utf-8")
    return path
