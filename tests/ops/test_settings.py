"""Safe defaults: no public secret key outside local development, no proxy header trusted unasked
(issue 10, part 7). Each case starts Django in a fresh process with the environment an operator sets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = "import django; django.setup(); from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"


def _start(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"ALLOW_INSECURE_KEY", "SECRET_KEY", "DEBUG", "BEHIND_PROXY"}
    }
    clean |= {"DJANGO_SETTINGS_MODULE": "policybuilder.settings", **env}
    return subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_the_app_refuses_to_start_with_debug_off_and_no_secret_key():
    started = _start(DEBUG="false")
    assert started.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in started.stderr


def test_the_app_starts_with_a_secret_key_and_trusts_no_forwarded_protocol_by_default():
    started = _start(DEBUG="false", SECRET_KEY="a-long-random-production-key-" + "x" * 30)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "None"


def test_an_operator_behind_a_proxy_can_trust_its_forwarded_protocol():
    started = _start(DEBUG="false", SECRET_KEY="k" * 50, BEHIND_PROXY="true")
    assert started.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_local_development_still_starts_without_a_key():
    assert _start(DEBUG="true").returncode == 0
