"""gunicorn on 127.0.0.1 for the web benchmarks (load.py, workers.py): start it, ask it, stop it."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The Dockerfile's gunicorn flags: the app imported and warmed once before fork, workers recycled rarely.
PRODUCTION_FLAGS = ["--preload", "--max-requests", "10000", "--max-requests-jitter", "1000"]
# Limits far above any benchmark's load, so that the figures show the cost of the work itself.
UNLIMITED = {f"RATE_{name}": "100000/m" for name in (
    "PDF_PER_IP", "PDF_PER_LINK", "PUBLISH_PER_IP", "PUBLISH_PER_LINK", "REGENERATE_PER_IP", "REGENERATE_PER_LINK"
)}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, float]:
    """One GET on a new connection: (status, seconds)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.perf_counter() - started


def server(port: int, flags: list[str], *, limited: bool = False) -> subprocess.Popen[bytes]:
    """gunicorn with 2 sync workers and `flags`, once it answers."""
    env = (
        os.environ
        | ({} if limited else UNLIMITED)
        | {"DEBUG": "false", "SECURE_COOKIES": "false", "LOG_LEVEL": "WARNING"}
    )
    command = [sys.executable, "-m", "gunicorn", "policybuilder.wsgi:application", "--bind", f"{HOST}:{port}",
               "--workers", "2", "--log-level", "warning", *flags]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            if get(port, "/healthz")[0] in (200, 503):
                return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not start")
