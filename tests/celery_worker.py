"""Start and stop a real Celery worker process for the service tests.

The worker runs `tests/worker_entry.py` against the test database (committed data: the tests
using it are transactional) and a queue of its own on the real Redis, so nothing else on that
Redis can take its messages.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from celery import Celery
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        raise RuntimeError("a worker process needs a database it can share: PostgreSQL")
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    def __init__(self, redis_url: str, *, queue: str | None = None, allow_server: str = "", env: dict | None = None):
        self.redis_url = redis_url
        self.queue = queue or f"test-{uuid.uuid4().hex[:10]}"
        self.allow_server = allow_server
        self.extra_env = env or {}
        self.process: subprocess.Popen | None = None
        self.log = Path(tempfile.gettempdir()) / f"{self.queue}-{uuid.uuid4().hex[:6]}.log"

    def start(self) -> Worker:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tracker.settings",
            "SECRET_KEY": "test-worker-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": database_url(),
            "REDIS_URL": self.redis_url,
            "TEST_WORKER_QUEUE": self.queue,
            "TEST_WORKER_ALLOW_SERVER": self.allow_server,
            **self.extra_env,
        }
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "worker_entry.py")],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a kill reaches its children
            )
        return self

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes: no warm shutdown, no ack, no cleanup."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def send(self, task_name: str, *args) -> None:
        # Not the current app: shared tasks bound afterwards would otherwise publish through this
        # producer's broker, not the project's (the broker-outage tests rely on the project's).
        producer = Celery(broker=self.redis_url, set_as_current=False)
        producer.conf.broker_transport_options = {
            "visibility_timeout": int(self.extra_env.get("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600))
        }
        producer.send_task(task_name, args=list(args), queue=self.queue)
        producer.close()


def wait_for(predicate, *, timeout: float, interval: float = 0.2, message=lambda: "condition"):
    """Poll until predicate() is true; on time-out, fail with message() (evaluated then)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message()}")
