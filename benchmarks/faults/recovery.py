"""Fault scenarios for the pipeline (issue 13, item 3): is every article analysed exactly once, and
how soon after the fault ends?

    .venv/bin/python -m benchmarks.faults.recovery                 # both scenarios, production timings
    .venv/bin/python -m benchmarks.faults.recovery kill-worker --articles 20
    .venv/bin/python -m benchmarks.faults.recovery redis-restart --timeout 300

Each scenario starts its own redis-server on a free port (no persistence, as in the campaign), a
real Celery worker and Celery beat (the commands `make stack` runs), sends the analysis of a batch
of pasted articles, then injects its fault:

- kill-worker: SIGKILL to the worker's whole process group while articles are being analysed;
  a new worker is started a second later (a supervisor's restart). The fault ends then.
- redis-restart: SIGKILL to redis-server while articles are queued and in flight, and a new,
  empty redis-server on the same port two seconds later. The fault ends then.

It prints, per scenario: lost (articles not analysed when the time-out ran out), doubled (articles
whose candidates were written twice) and the recovery time (the fault's end to the last article
analysed). The database is PostgreSQL: DATABASE_URL, or a database `tracker_faults` created and
migrated here; the articles of earlier runs are deleted first (only in a database whose name
starts with `tracker_faults`). Settings under test come from the environment as in production
(PIPELINE_LEASE_SECONDS, REQUEUE_STALLED_SECONDS, OUTBOX_SWEEP_SECONDS, ...): see README,
"Faults and recovery". tests/test_pipeline_recovers_from_a_killed_worker_and_an_emptied_redis.py
runs both scenarios with short timings.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.celery_worker import Worker as ProcessGroup  # kill(), stop() and output() of a process group
from tests.celery_worker import wait_for

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tracker_faults"
TARGET_SECONDS = 120

# --- Processes -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of our own on a free port: no persistence, so a restart comes back empty."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.workdir), "--logfile", str(self.workdir / "redis.log")]
        self.process = subprocess.Popen(command, start_new_session=True)
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        wait_for(lambda: _pings(client), timeout=10, message=lambda: "redis-server to answer")
        return self

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _pings(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


class Celery(ProcessGroup):
    """`celery -A tracker worker|beat` in a process group of its own, its output in a file; kill()
    sends SIGKILL to the whole group (the worker and its pool processes: no warm shutdown)."""

    def __init__(self, kind: str, env: dict[str, str], workdir: Path, *, concurrency: int = 2):
        self.kind = kind
        self.env = env
        self.log = workdir / f"{kind}-{time.monotonic_ns()}.log"
        command = [sys.executable, "-m", "celery", "-A", "tracker", kind, "--loglevel=INFO"]
        if kind == "worker":
            command += [f"--concurrency={concurrency}", "--pool=prefork", "--without-gossip", "--without-mingle"]
            command += ["--hostname", f"faults-{time.monotonic_ns()}@%h"]
        else:
            command += ["--schedule", str(workdir / "celerybeat-schedule")]
        self.command = command
        self.process: subprocess.Popen | None = None

    def start(self) -> Celery:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self


# --- Articles ------------------------------------------------------------------------------------

SIDES = ["China and the United States", "The two sides", "Both governments", "China and the European Union"]
ACTIONS = [
    "agreed to establish a joint working group on {topic} before the end of {year}",
    "will exchange information on {topic} within {days} days of a request",
    "committed to hold a dialogue on {topic} in {year}",
    "pledged to expand cooperation on {topic} by {year}",
    "agreed to finalise a memorandum on {topic} within {days} days",
]
TOPICS = ["counter-narcotics", "climate change", "law enforcement", "trade", "public health", "cyber security"]
FILLER = [
    "The delegations toured the port and met local officials.",
    "The meeting took place in a constructive atmosphere.",
    "Officials from several ministries attended the plenary session.",
]


def article_text(number: int, paragraphs: int) -> str:
    """A statement of its own (not a near-duplicate of the others) with pledges to find."""
    rng = random.Random(number)  # noqa: S311 (varied texts, not secrets)
    lines = [f"Joint statement number {number} on the round {rng.randint(2, 90)} of an example dialogue."]
    for index in range(paragraphs):
        action = rng.choice(ACTIONS).format(
            topic=rng.choice(TOPICS), year=rng.randint(2019, 2030), days=rng.randint(5, 180)
        )
        lines.append(f"{rng.choice(SIDES)} {action}. {rng.choice(FILLER)} (Item {number}.{index}.)")
    return "\n\n".join(lines) + "\n"


def create_articles(count: int, paragraphs: int, first: int = 0) -> list[int]:
    from tracker.ingest.models import Article

    return [
        Article.objects.create(
            origin=Article.Origin.PASTE,
            raw=article_text(number, paragraphs).encode(),
            raw_content_type="text/plain",
            title=f"Fault scenario statement {number}",
            state=Article.State.FETCHED,
        ).pk
        for number in range(first, first + count)
    ]


def send_analyses(redis_url: str, article_ids: list[int]) -> None:
    """What the pipeline publishes after an import commits, through a producer of our own (the
    process running this may be configured for another broker, or none)."""
    from celery import Celery as App

    producer = App(broker=redis_url, set_as_current=False)
    for article_id in article_ids:
        producer.send_task("tracker.ingest.tasks.analyse_article", args=[article_id])
    producer.close()


@dataclass
class Tally:
    articles: int
    done: int
    lost: int
    doubled: int
    states: dict[str, int] = field(default_factory=dict)


def tally(article_ids: list[int]) -> Tally:
    from django.db.models import Count

    from tracker.ingest.models import Article, Candidate

    states = dict(
        Article.objects.filter(pk__in=article_ids).values_list("state").annotate(n=Count("pk")).order_by("state")
    )
    done = states.get(Article.State.ANALYSED, 0) + states.get(Article.State.DUPLICATE, 0)
    # A candidate written twice for one place in one article: that article was analysed twice.
    doubled = (
        Candidate.objects.filter(article_id__in=article_ids)
        .values("article_id", "start", "end")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values("article_id")
        .distinct()
        .count()
    )
    return Tally(articles=len(article_ids), done=done, lost=len(article_ids) - done, doubled=doubled, states=states)


# --- Scenarios -----------------------------------------------------------------------------------


@dataclass
class Result:
    scenario: str
    articles: int
    in_flight: int
    lost: int
    doubled: int
    recovery_seconds: float | None
    states: dict[str, int]
    logs: str = ""

    def line(self) -> str:
        recovered = f"{self.recovery_seconds:.1f} s" if self.recovery_seconds is not None else "not within the time-out"
        return (
            f"{self.scenario}: articles {self.articles}, in flight at the fault {self.in_flight}, "
            f"lost {self.lost}, doubled {self.doubled}, recovery {recovered} (target {TARGET_SECONDS} s); "
            f"states {self.states}"
        )


def process_env(database_url: str, redis_url: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "fault-scenarios-secret-key-0123456789-abcdefghijklmnop",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        **(overrides or {}),
    }
    env.pop("CI_REQUIRE_SERVICES", None)
    return env


def _in_flight(article_ids: list[int]) -> int:
    from tracker.ingest.models import Article

    return Article.objects.filter(pk__in=article_ids, state=Article.State.ANALYSING).count()


def _recover(article_ids: list[int], fault_ended: float, timeout: float) -> tuple[float | None, Tally]:
    try:
        wait_for(lambda: tally(article_ids).lost == 0, timeout=timeout, message=lambda: "every article", interval=0.25)
        recovered = time.monotonic() - fault_ended
    except AssertionError:  # timed out
        recovered = None
    return recovered, tally(article_ids)


def run_scenario(
    scenario: str,
    database_url: str,
    *,
    articles: int = 12,
    paragraphs: int = 40,
    first: int = 0,
    timeout: float = 300,
    settle: float = 5,
    overrides: dict[str, str] | None = None,
) -> Result:
    """Run one scenario against `database_url` (its Django connection must be set up already)."""
    workdir = Path(tempfile.mkdtemp(prefix=f"faults-{scenario}-"))
    redis_server = RedisServer(workdir).start()
    env = process_env(database_url, redis_server.url, overrides)
    workers = [Celery("worker", env, workdir, concurrency=1 if scenario == "redis-restart" else 2).start()]
    beat = Celery("beat", env, workdir).start()
    try:
        ids = create_articles(articles, paragraphs, first)
        send_analyses(redis_server.url, ids)
        wait_for(lambda: _in_flight(ids), timeout=120, message=lambda: "a worker to start analysing", interval=0.05)
        if scenario == "kill-worker":
            time.sleep(0.3)  # well inside an analysis
            in_flight = _in_flight(ids)
            workers[0].kill()
            time.sleep(1)
            workers.append(Celery("worker", env, workdir, concurrency=2).start())
        elif scenario == "redis-restart":
            wait_for(
                lambda: tally(ids).done and _in_flight(ids),
                timeout=120,
                message=lambda: "an article analysed and the next one started",
                interval=0.02,
            )
            in_flight = _in_flight(ids)
            redis_server.kill()
            time.sleep(2)
            redis_server.start()  # same port, empty
        else:
            raise ValueError(f"unknown scenario {scenario!r}")
        fault_ended = time.monotonic()
        recovered, final = _recover(ids, fault_ended, timeout)
        if recovered is not None:
            time.sleep(settle)  # a late second analysis would show up here
            final = tally(ids)
        logs = "\n".join(f"--- {c.kind} {c.log}\n{c.output()[-4000:]}" for c in [*workers, beat])
        return Result(scenario, articles, in_flight, final.lost, final.doubled, recovered, final.states, logs)
    finally:
        for process in [*workers, beat]:
            process.stop()
        redis_server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


# --- Command line --------------------------------------------------------------------------------


def _setup_database(database_url: str) -> None:
    from urllib.parse import urlsplit

    from tracker.stack import ensure_database

    ensure_database(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("SECRET_KEY", "fault-scenarios-secret-key-0123456789-abcdefghijklmnop")
    os.environ.pop("REDIS_URL", None)  # this process only reads the database
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    if urlsplit(database_url).path.lstrip("/").startswith("tracker_faults"):
        from tracker.ingest.models import Article

        Article.objects.all().delete()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", default=["kill-worker", "redis-restart"])
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--paragraphs", type=int, default=40, help="per article: how long one analysis takes")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for recovery")
    parser.add_argument("--logs", action="store_true", help="print the worker and beat logs")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    _setup_database(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    failed = False
    for number, scenario in enumerate(args.scenarios):
        started = time.monotonic()
        result = run_scenario(
            scenario,
            os.environ["DATABASE_URL"],
            articles=args.articles,
            paragraphs=args.paragraphs,
            first=number * args.articles,  # texts of their own: not duplicates of the last scenario's
            timeout=args.timeout,
        )
        print(result.line() + f" [{time.monotonic() - started:.0f} s in all]", flush=True)
        if args.logs:
            print(result.logs)
        recovered_in_time = result.recovery_seconds is not None and result.recovery_seconds <= TARGET_SECONDS
        failed |= bool(result.lost or result.doubled or not recovered_in_time)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
