"""End to end with a real Celery worker: a policy is published, the worker (not this process) renders
its PDF, and the download serves it. Needs PostgreSQL (the worker shares the test database) and a broker
(CELERY_BROKER_URL): .ci/run's PostgreSQL pass gives both; elsewhere the test is skipped."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from policybuilder.celery import app
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policies_delete, policy_publish
from tests.base import make_answers

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
ROOT = settings.BASE_DIR


@pytest.fixture
def worker() -> Iterator[None]:
    """A real worker on the test database. transaction=True commits what the test writes, so the worker
    sees it, and empties the database after each such test: the clause library is loaded again first."""
    if connection.vendor != "postgresql" or not os.getenv("CELERY_BROKER_URL"):
        pytest.skip("needs PostgreSQL and CELERY_BROKER_URL (.ci/run's PostgreSQL pass)")
    call_command("loadclauses", verbosity=0)
    db = settings.DATABASES["default"]
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"  # the test database
    env = os.environ | {"DATABASE_URL": database_url, "CELERY_EAGER": "false", "DB_CONN_MAX_AGE": "0"}
    command = [sys.executable, "-m", "celery", "-A", "policybuilder", "worker", "--pool=solo", "--loglevel=INFO"]
    (ROOT / "out").mkdir(exist_ok=True)
    log = open(ROOT / "out" / "celery-worker.log", "w")  # noqa: SIM115 (closed below, after the worker)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_the_worker_renders_a_published_policys_pdf_and_the_download_serves_it(worker, client):
    saved = policy_publish(answers=make_answers("minimal"))
    assert saved.pdf_status == "pending" and not saved.pdf  # this process rendered nothing
    preparing = client.get(reverse("documents:download", args=[saved.token, "pdf"]))
    assert preparing.status_code in (200, 202)  # 200 only if the worker was already done
    deadline = time.monotonic() + 90
    while saved.pdf_status == "pending" and time.monotonic() < deadline:
        time.sleep(0.5)
        saved.refresh_from_db()
    assert saved.pdf_status == "ready", f"the worker did not render it; see {ROOT / 'out' / 'celery-worker.log'}"
    response = client.get(reverse("documents:download", args=[saved.token, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response.content == saved.pdf.open("rb").read()
    policies_delete(family=saved.family)
    assert not SavedPolicy.objects.filter(pk=saved.pk).exists()
