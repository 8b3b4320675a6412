"""`make stack` runs the full stack on this machine's services, as the README documents it:
gunicorn, a Celery worker and beat on PostgreSQL and Redis, static files collected, plain HTTP
on localhost without an HTTPS redirect. An editor imports a document through the web form, the
worker analyses it, and the candidate reads back over HTTP; then everything started stops.

The stack gets free ports, a database of its own (created by the stack, dropped here) and the
Redis database just below REDIS_URL's, so its default queue is its own."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from psycopg import sql

from tests.celery_worker import database_url, wait_for

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.services

STATEMENT = (
    "Joint statement on the third round of the Example Stack Dialogue, 9 May 2019.\n\n"
    "China and the United States agreed to establish a joint working group on precursor chemicals "
    "before the end of 2019.\n\n"
    "The delegations visited a customs laboratory.\n"
)
PLEDGE = "agreed to establish a joint working group on precursor chemicals"
# Settings the stack derives itself; a developer's own values must not leak into the test.
DERIVED = ["DEBUG", "ALLOWED_HOSTS", "SITE_URL", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def neighbour_redis_db(redis_url: str) -> str:
    parts = urlsplit(redis_url)
    db = int(parts.path.strip("/") or 0)
    return parts._replace(path=f"/{(db - 1) % 16}").geturl()


class RunningStack:
    def __init__(self, tmp_path: Path, redis_url: str):
        test_db = urlsplit(database_url())
        self.database_url = test_db._replace(path=f"/tracker_stack_test_{uuid.uuid4().hex[:8]}").geturl()
        self.maintenance_url = test_db._replace(path="/postgres").geturl()
        self.redis_url = neighbour_redis_db(redis_url)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / "stack.log"
        self.env = {name: value for name, value in os.environ.items() if name not in DERIVED}
        self.env.update(
            DJANGO_SETTINGS_MODULE="tracker.settings",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            SECRET_KEY="test-stack-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        )
        self.state_dir = tmp_path / "state"
        self.process: subprocess.Popen | None = None

    def start(self) -> RunningStack:
        import redis

        redis.Redis.from_url(self.redis_url).flushdb()
        command = [sys.executable, "-m", "tracker.stack", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--no-demo", "--web-workers", "1", "--concurrency", "1", "--state-dir", str(self.state_dir)]
        with self.log.open("ab") as log:
            # Its own session, so the stack and every process it starts can be found and stopped.
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self) -> bool:
        """SIGTERM the stack, as Ctrl-C would; True if every process of its group is gone."""
        if self.process is None:
            return True
        group = self.process.pid
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=40)
        for _ in range(50):
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.2)
        os.killpg(group, signal.SIGKILL)  # a leftover: kill it, and report it
        return False

    def drop_database(self) -> None:
        name = urlsplit(self.database_url).path.lstrip("/")
        with psycopg.connect(self.maintenance_url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def stack(postgres_required, redis_url, tmp_path):
    running = RunningStack(tmp_path, redis_url).start()
    try:
        yield running
    finally:
        stopped = running.stop()
        running.drop_database()
    assert stopped, f"processes of the stack were still running after it was stopped:\n{running.output()[-3000:]}"


def serving(stack: RunningStack) -> bool:
    if stack.process.poll() is not None:
        raise AssertionError(f"the stack exited with {stack.process.returncode}:\n{stack.output()[-5000:]}")
    try:
        return requests.get(f"{stack.url}/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def log_in(session: requests.Session, stack: RunningStack, username: str, password: str) -> None:
    session.get(f"{stack.url}/accounts/login/", timeout=10).raise_for_status()
    response = session.post(
        f"{stack.url}/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        timeout=10,
    )
    assert response.url == f"{stack.url}/editor/", response.text[:2000]


def test_the_stack_serves_imports_through_the_worker_and_stops(stack):
    # Given the stack, started by the command `make stack` runs
    wait_for(lambda: serving(stack), timeout=150, message=lambda: f"the stack to serve; its log:\n{stack.output()}")
    output = stack.output()
    assert "ALLOWED_HOSTS=127.0.0.1,localhost,[::1]" in output  # the settings it derived are printed
    assert "beat: Starting" in output or wait_for(lambda: "beat: Starting" in stack.output(), timeout=20)

    # Then the public site answers over plain HTTP, styled, with no redirect to https
    home = requests.get(f"{stack.url}/", allow_redirects=False, timeout=10)
    assert home.status_code == 200
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', home.text).group(1)
    assert re.search(r"site\.[0-9a-f]{12}\.css$", stylesheet)  # collected, with a hashed name
    css = requests.get(f"{stack.url}{stylesheet}", timeout=10)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")
    assert requests.get(f"{stack.url}/favicon.ico", timeout=10).status_code == 200

    # When an editor imports a statement through the web form
    password = re.search(r"Password \(shown this once\): (\S+)", output).group(1)  # `make stack` made one
    session = requests.Session()
    log_in(session, stack, "editor", password)
    session.get(f"{stack.url}/editor/import/", timeout=10).raise_for_status()
    imported = session.post(
        f"{stack.url}/editor/import/text/",
        data={
            "text-text": STATEMENT,
            "text-kind": "joint_statement",
            "text-title": "Third round",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=10,
    )
    assert imported.status_code == 200
    article_id = re.search(r"/editor/articles/(\d+)/$", imported.url).group(1)

    # Then the worker analyses it, and the candidate reads back over HTTP
    def analysed():
        status = session.get(f"{stack.url}/editor/articles/{article_id}/status/", timeout=10).json()
        assert status["state"] != "failed", status
        return status if status["state"] == "analysed" else None

    status = wait_for(analysed, timeout=45, message=lambda: f"the worker to analyse the article:\n{stack.output()}")
    assert status["pending"] == 1
    inbox = session.get(f"{stack.url}/editor/inbox/", params={"article": article_id}, timeout=10)
    assert PLEDGE in inbox.text
    assert "succeeded" in stack.output()  # the task ran in the worker, not in the web process
