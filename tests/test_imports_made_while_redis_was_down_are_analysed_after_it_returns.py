"""The fault campaign's scenario, end to end: a real worker on a Redis of the test's own; Redis
dies; articles are imported meanwhile (saved, in the outbox, nothing raised); Redis comes back
empty; the outbox sweep that beat runs every 30 s publishes them and each is analysed once, well
within a minute. Prints the recovery time."""

import contextlib
import shutil
import socket
import subprocess
import time

import pytest

from tests.celery_worker import Worker, wait_for
from tracker.celery import app
from tracker.ingest import outbox, pipeline
from tracker.ingest.models import Article, Candidate

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTICLES = 5


PLEDGES = [
    "China and the United States agreed to establish a joint working group on counter-narcotics before the end "
    "of 2019.",
    "The two governments will exchange lists of fugitives within 30 days of a request from either side.",
    "Both sides committed to open a hotline between their cybersecurity agencies by June 2020.",
    "The United States will return illegal immigrants once their identity has been verified, within three months.",
    "China pledged to share information on fentanyl shipments with American customs officers every quarter.",
]
PLACES = ["Long Beach", "Guangzhou", "Seattle", "Tianjin", "Houston"]


def _statement(i: int) -> str:
    return (
        f"Readout of meeting {i + 1} of the Example Dialogue in {PLACES[i]}.\n\n"
        f"{PLEDGES[i]}\n\n"
        f"The delegations toured the port of {PLACES[i]} and met local officials.\n"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A redis-server of this test's own, on a free port, that it can kill and start again."""

    def __init__(self):
        self.port = _free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/9"

    def start(self) -> "OwnRedis":
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=10, message=lambda: f"redis-server on port {self.port}")
        return self

    def _answers(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
            return True
        return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _seconds_until_all_analysed(worker, *, since: float) -> float:
    wait_for(
        lambda: Article.objects.filter(state=Article.State.ANALYSED).count() == ARTICLES,
        timeout=90,
        message=lambda: f"every article analysed; worker log:\n{worker.output()[-3000:]}",
    )
    return time.monotonic() - since


@contextlib.contextmanager
def publishing_to(redis_url: str, queue: str):
    saved = app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue
    app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue = False, redis_url, queue
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue = saved
        app._pool = None
        app.amqp._producer_pool = None


def test_imports_made_while_redis_was_down_are_analysed_once_after_it_returns(postgres_required, reference_data):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    redis = OwnRedis().start()
    worker = Worker(redis.url).start()
    try:
        wait_for(lambda: "ready" in worker.output(), timeout=60, message=lambda: f"the worker; log:\n{worker.output()}")
        with publishing_to(redis.url, worker.queue):
            redis.kill()
            started = time.monotonic()
            articles = [pipeline.import_article(text=_statement(i), kind="joint_statement")[0] for i in range(ARTICLES)]
            import_seconds = time.monotonic() - started
            assert all(outbox.is_unsent(a) for a in Article.objects.all())

            redis.start()  # back, and empty: the messages were never sent
            back = time.monotonic()
            outbox.sweep()  # what beat's publish_outbox runs every OUTBOX_SWEEP_SECONDS
            recovery_seconds = _seconds_until_all_analysed(worker, since=back)  # the worker reconnects by itself
    finally:
        worker.stop()
        redis.kill()
    print(
        f"\n{ARTICLES} imports while Redis was down: {import_seconds:.2f} s to save them all; "
        f"analysed {recovery_seconds:.1f} s after the sweep that followed Redis' return; "
        f"lost {ARTICLES - Article.objects.filter(state=Article.State.ANALYSED).count()}, "
        f"doubled {sum(a.attempts > 1 for a in Article.objects.all())}"
    )
    assert Candidate.objects.filter(article__in=articles).exists()  # really analysed, proposals made
    assert all(a.attempts == 1 for a in Article.objects.all())
    assert not outbox.unsent().exists()


def test_articles_whose_messages_an_empty_restart_lost_are_analysed_once_after_the_next_sweep(
    postgres_required, reference_data
):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    redis = OwnRedis().start()
    worker = Worker(redis.url)  # started only after the restart: the messages sit in Redis until then
    try:
        with publishing_to(redis.url, worker.queue):
            outbox.sweep()  # beat's first sweep leaves its sentinel beside the queues
            for i in range(ARTICLES):
                pipeline.import_article(text=_statement(i), kind="joint_statement")
            assert not outbox.unsent().exists()  # published: nothing in the outbox

            redis.kill()
            redis.start()  # back, empty: the five messages are gone
            back = time.monotonic()
            worker.start()
            outbox.sweep()
            recovery_seconds = _seconds_until_all_analysed(worker, since=back)
    finally:
        worker.stop()
        redis.kill()
    print(
        f"\nRedis restarted empty with {ARTICLES} messages waiting: all analysed {recovery_seconds:.1f} s after "
        f"its return (worker start included); doubled {sum(a.attempts > 1 for a in Article.objects.all())}"
    )
    assert all(a.attempts == 1 for a in Article.objects.all())
