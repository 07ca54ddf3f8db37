"""A limit of N a minute holds across gunicorn workers sharing Redis (127.0.0.1:6379).

Two gunicorn servers of one worker each, on two ports, so that the test decides
which worker process answers each request (a master's workers share one socket
and the kernel picks). Skipped when Redis does not answer. Each run uses its own
key prefix and Redis database 15, so it neither sees nor disturbs others' counters.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10


def _answers(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), 1).close()
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _answers("127.0.0.1", 6379), reason="no Redis on 127.0.0.1:6379")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, token: str = "") -> tuple[int, str]:
    """(status, RateLimit-Remaining) of one request on a new connection."""
    headers = {"Connection": "close", **({"Authorization": f"Bearer {token}"} if token else {})}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("RateLimit-Remaining", "")
    finally:
        connection.close()


def _healthy(port: int) -> bool:
    try:
        return _get(port, "/health")[0] == 200
    except OSError:
        return False


@pytest.fixture
def two_workers(tmp_path):
    """Two one-worker gunicorns on one SQLite file, limits in Redis; (port, port, token)."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/shared.db",
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/15",
        "RATELIMIT_KEY_PREFIX": f"quotebook-test-{uuid.uuid4().hex}",
        "RATELIMIT_DEFAULT": f"{LIMIT} per minute",
    }
    flask = [sys.executable, "-m", "flask", "--app", "api"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    create = [*flask, "keys", "create", "shared", "--role", "read"]
    made = subprocess.run(create, cwd=ROOT, env=env, check=True, capture_output=True)
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "api:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 90  # a worker compiles the engine's patterns at start (seconds)
        while not all(_healthy(port) for port in ports):
            assert time.monotonic() < deadline, "gunicorn did not start"
            assert all(server.poll() is None for server in servers), "gunicorn stopped"
            time.sleep(0.2)
        yield *ports, made.stdout.decode().strip()
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)


def test_a_limit_of_n_holds_across_two_workers(two_workers):
    first, second, token = two_workers
    answers = [_get((first, second)[i % 2], "/articles", token) for i in range(LIMIT + 6)]
    assert [status for status, _ in answers] == [200] * LIMIT + [429] * 6
    # One count for both: worker 1 sees remaining 9, 7, 5...; worker 2 sees 8, 6, 4...
    assert [remaining for _, remaining in answers[:LIMIT]] == [str(LIMIT - 1 - i) for i in range(LIMIT)]
