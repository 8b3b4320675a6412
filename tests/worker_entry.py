"""Entry point of the Celery worker that service tests start (see tests/celery_worker.py).

It is the ordinary worker, with one test-only addition: when the test names its local HTTP
server, the fetch guard lets the worker reach exactly that server. This lives in the tests, so
production code has no switch that loosens the guard.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django

django.setup()

from tracker.celery import app  # noqa: E402
from tracker.ingest.fetch import allow_test_server  # noqa: E402


def main() -> None:
    queue = os.environ["TEST_WORKER_QUEUE"]
    # Tasks the worker enqueues itself (fetch -> analyse) stay on the test's own queue.
    app.conf.task_default_queue = queue
    argv = [
        "worker",
        "--loglevel=INFO",
        "--queues",
        queue,
        "--concurrency=1",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
        "--hostname",
        f"{queue}@%h",
    ]
    allow = os.environ.get("TEST_WORKER_ALLOW_SERVER", "")
    if allow:
        host, port = allow.rsplit(":", 1)
        with allow_test_server(host, int(port)):
            app.worker_main(argv)
    else:
        app.worker_main(argv)


if __name__ == "__main__":
    main()
