"""`load_demo` on the full stack (a Redis broker) analyses its seed article itself and leaves no
message in the broker's queue: a fresh stack's worker starts with nothing stale to run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from tests.texts import DIALOGUE_REPORT

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.services


def test_load_demo_with_a_redis_broker_leaves_the_default_queue_as_it_found_it(redis_url, tmp_path):
    # Given a fresh SQLite database, a Redis broker and a seed article of our own
    seed = tmp_path / "seed.txt"
    seed.write_text(DIALOGUE_REPORT, encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "DEBUG": "true",
        "SECRET_KEY": "test-load-demo-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "REDIS_URL": redis_url,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=120)
    broker = redis.Redis.from_url(redis_url)
    waiting_before = broker.llen("celery")

    # When the demo is loaded
    done = subprocess.run(
        [*manage, "load_demo", "--seed", str(seed)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )

    # Then its seed went through the pipeline, and no task waits in the queue for a worker
    assert done.returncode == 0, done.stderr
    assert "accepted LECD-2017-01" in done.stdout
    assert broker.llen("celery") == waiting_before
