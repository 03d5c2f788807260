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
        k: v
        for k, v in os.environ.items()
        if k not in {"ALLOW_INSECURE_KEY", "SECRET_KEY", "DEBUG", "BEHIND_PROXY", "SITE_URL"}
    }
    clean |= {"DJANGO_SETTINGS_MODULE": "policybuilder.settings", **env}
    return subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_the_app_refuses_to_start_with_debug_off_and_no_secret_key():
    started = _start(DEBUG="false")
    assert started.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in started.stderr


def test_the_app_starts_with_a_secret_key_and_trusts_no_forwarded_protocol_by_default():
    started = _start(
        DEBUG="false", SECRET_KEY="a-long-random-production-key-" + "x" * 30, SITE_URL="https://policies.example.com"
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "None"


def test_an_operator_behind_a_proxy_can_trust_its_forwarded_protocol():
    started = _start(DEBUG="false", SECRET_KEY="k" * 50, BEHIND_PROXY="true", SITE_URL="https://policies.example.com")
    assert started.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_the_app_refuses_to_start_in_production_without_its_public_address():
    started = _start(DEBUG="false", SECRET_KEY="k" * 50)
    assert started.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in started.stderr


def test_local_development_still_starts_without_a_key():
    assert _start(DEBUG="true").returncode == 0


STORAGE = (
    "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__, getattr(s, 'bucket_name', ''), getattr(s, 'endpoint_url', ''), s.url('pdf/x.pdf')[:60])"
)


def test_pdfs_go_to_an_s3_compatible_bucket_when_an_operator_names_one():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STORAGE_", "AWS_"))}
    env |= {"DJANGO_SETTINGS_MODULE": "policybuilder.settings", "ALLOW_INSECURE_KEY": "true"}
    local = subprocess.run([sys.executable, "-c", STORAGE], cwd=ROOT, env=env, capture_output=True, text=True)
    assert local.stdout.startswith("FileSystemStorage"), local.stderr
    bucket = env | {
        "STORAGE_BUCKET": "shop-pdfs",
        "STORAGE_ENDPOINT_URL": "http://127.0.0.1:9000",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    s3 = subprocess.run([sys.executable, "-c", STORAGE], cwd=ROOT, env=bucket, capture_output=True, text=True)
    kind, name, endpoint, url = s3.stdout.split(maxsplit=3)
    assert (kind, name, endpoint) == ("S3Storage", "shop-pdfs", "http://127.0.0.1:9000"), s3.stderr
    # Private files: an address to one is signed and expires, and it names the app's own folder.
    assert url.startswith("http://127.0.0.1:9000/shop-pdfs/policybuilder/pdf/x.pdf")
