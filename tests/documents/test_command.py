"""manage.py draftpolicy, as a shop owner or a script would call it."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.base import DATA

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _draft(*args: str) -> str:
    out = StringIO()
    call_command("draftpolicy", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "json"])
def test_it_writes_each_format_to_a_file(tmp_path, fmt):
    target = tmp_path / f"policy.{fmt}"
    _draft(str(DATA / "uk.json"), "--format", fmt, "--output", str(target))
    text = target.read_text(encoding="utf-8")
    assert "Thistle" in text and "Klaviyo" in text


def test_it_prints_the_schema_with_the_catalogue_slugs():
    schema = json.loads(_draft("--schema"))
    gateways = schema["properties"]["payments"]["properties"]["gateways"]["items"]["anyOf"][0]["enum"]
    assert "stripe" in gateways and "mailchimp" not in gateways


def test_it_prints_the_coverage_report():
    report = _draft(str(DATA / "us-ca.json"), "--coverage")
    assert "CCPA-RIGHT-LIMIT" in report and "GAP" not in report
    assert "Readability: grade" in report


def test_invalid_answers_are_listed_and_nothing_is_written(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"business": {"name": "X", "email": "nope", "address": "a", "country": "US"}}))
    target = tmp_path / "out.html"
    with pytest.raises(CommandError) as caught:
        _draft(str(bad), "--output", str(target))
    assert "business.email: 'nope' is not an email address" in str(caught.value)
    assert "payments is missing" in str(caught.value)
    assert not target.exists()


def test_a_file_that_is_not_json_gets_a_clear_message(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError, match="is not valid JSON: line 1"):
        _draft(str(bad))


def test_it_runs_as_a_real_command_line(tmp_path, settings):
    """The same command in a fresh process against a fresh database, as a newcomer runs it."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOW_INSECURE_KEY": "true",
    }
    python = sys.executable
    for step in (["migrate", "-v0"], ["loadclauses"]):
        subprocess.run([python, "manage.py", *step], cwd=ROOT, env=env, check=True, capture_output=True)
    done = subprocess.run(
        [python, "manage.py", "draftpolicy", str(DATA / "minimal.json"), "--format", "md"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Privacy policy: Pip's Pottery")
