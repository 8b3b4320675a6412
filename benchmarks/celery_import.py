"""Importing articles with real Celery workers against a large tracker: documents/s with 1, then 2
workers, each worker's peak memory and CPU time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_scale_pipeline \\
    REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python benchmarks/celery_import.py [--articles 1000] [--workers 1 2] [--keep]

For each worker count, the script writes `--articles` distinct synthetic follow-up reports (a
seeded generator: two parties that met at a tracked meeting, the subjects of the generated
commitments, the meeting's name and month), saves them through `pipeline.import_article` (pasted
text: fetching is not part of it) inside one transaction, so that their analysis messages reach
Redis together when it commits, and times the workers from that commit until every article is
analysed (or failed, or found a duplicate). The workers are real `celery worker` processes (solo
pool, concurrency 1, a queue of their own) that the script starts, waits for, and stops; their peak
resident memory is the kernel's high-water mark (VmHWM) and their CPU time is read from /proc, so
documents per CPU second of the workers is printed beside documents per second of wall clock (less
sensitive to a machine shared with others). Redis must be a database of its own (not 0 or 14), empty
at the start; the script empties it again at the end, and removes its articles unless `--keep`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TITLE_PREFIX = "Celery benchmark report"
VERBS = ["handed over", "completed", "launched", "held talks on", "signed an agreement on", "suspended work on"]
OPENINGS = ["Officials said on {day} that", "According to a statement released on {day},", "Sources confirmed that"]
PUBLISHED_ON = datetime.date(2025, 12, 1)
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Table:
    """A tracked meeting the generated reports follow up: its parties and name."""

    parties: tuple[str, str]
    title: str


def article_text(rng: random.Random, label: str, table: Table, phrases: list[str]) -> tuple[str, str]:
    """(title, text) of one synthetic follow-up report, distinct for each `label`."""
    day = PUBLISHED_ON - datetime.timedelta(days=rng.randint(1, 300))
    first, second = table.parties
    sentences = [f"{first} and {second} reviewed the commitments made at the {table.title}."]
    for _ in range(rng.randint(5, 12)):
        opening = rng.choice(OPENINGS).format(day=f"{day:%d %B %Y}")
        sentences.append(
            f"{opening} {first} and {second} {rng.choice(VERBS)} {rng.choice(phrases)} "
            f"under the working group set up at their meeting, report {label}-{rng.randint(1000, 9999)}."
        )
    title = f"{TITLE_PREFIX} {label}: {first} and {second} on {rng.choice(phrases)}"
    return title, "\n\n".join(sentences)


def tables_of_two() -> list[Table]:
    """The generated tracker's meetings of exactly two parties."""
    from django.db.models import Count

    from tracker.commitments.models import Meeting
    from tracker.demo import scale_data

    meetings = (
        Meeting.objects.filter(commitments__reference__startswith=scale_data.REFERENCE_PREFIX)
        .annotate(n=Count("parties", distinct=True))
        .filter(n=2)
        .distinct()
        .prefetch_related("parties")
    )
    return [Table(tuple(sorted(p.name for p in m.parties.all())), m.title) for m in meetings]  # type: ignore[arg-type]


class Worker:
    """One `celery worker` process: solo pool, concurrency 1, on the benchmark's queue."""

    def __init__(self, name: str, queue: str, env: dict[str, str]) -> None:
        self.name = name
        self.log = Path(tempfile.gettempdir()) / f"{queue}-{name}.log"
        self.command = [
            sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool", "solo", "--concurrency", "1",
            "--queues", queue, "--hostname", f"{name}@%h", "--loglevel", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self.cpu_at_start = 0.0

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def ready(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"worker {self.name} exited; its log:\n{self.log.read_text(errors='replace')[-3000:]}")
        return " ready." in self.log.read_text(errors="replace")

    def cpu_seconds(self) -> float:
        """User and system CPU time of the worker process so far."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def peak_memory_mb(self) -> float:
        """The process's peak resident memory (VmHWM), in MB."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        """Warm shutdown (the current task finishes), killed after a minute; its log removed."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.unlink(missing_ok=True)


@dataclass
class Run:
    workers: int
    articles: int
    seconds: float
    saving_seconds: float
    cpu_seconds: list[float]
    peak_mb: list[float]
    analysed: int
    failed: int
    duplicates: int
    suggestions: int
    load: str

    def line(self) -> str:
        cpu = sum(self.cpu_seconds)
        rate = self.articles / self.seconds
        return (
            f"{self.workers} worker(s): {self.articles} articles in {self.seconds:.1f} s = "
            f"{rate:.2f} documents/s ({rate / self.workers:.2f} per worker); "
            f"workers' CPU {' + '.join(f'{c:.1f}' for c in self.cpu_seconds)} s = {self.articles / cpu:.2f} documents "
            f"per CPU second; peak memory {', '.join(f'{m:.0f}' for m in self.peak_mb)} MB; "
            f"{self.analysed} analysed, {self.failed} failed, {self.duplicates} duplicates, "
            f"{self.suggestions} suggestions (saving the articles took {self.saving_seconds:.1f} s, not counted); "
            f"load {self.load}"
        )


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(workers: int, texts: list[tuple[str, str]], queue: str, env: dict[str, str], timeout: float) -> Run:
    from django.db import transaction

    from tracker.ingest import pipeline
    from tracker.ingest.models import Article, Suggestion

    pool = [Worker(f"bench{workers}-{i}-{uuid.uuid4().hex[:4]}", queue, env) for i in range(workers)]
    ids: list[int] = []
    try:
        for worker in pool:
            worker.start()
        deadline = time.monotonic() + 180
        while not all(worker.ready() for worker in pool):
            if time.monotonic() > deadline:
                raise RuntimeError("the workers did not start within 180 s")
            time.sleep(0.5)
        saving = time.perf_counter()
        with transaction.atomic():  # the messages are sent together, when this commits
            for title, text in texts:
                article, _ = pipeline.import_article(text=text, title=title, published_on=PUBLISHED_ON)
                ids.append(article.pk)
            for worker in pool:
                worker.cpu_at_start = worker.cpu_seconds()
            started = time.perf_counter()
        saving_seconds = started - saving
        finished = {Article.State.ANALYSED, Article.State.FAILED, Article.State.DUPLICATE}
        while Article.objects.filter(pk__in=ids).exclude(state__in=finished).exists():
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"not every article was analysed within {timeout:.0f} s")
            time.sleep(0.25)
        seconds = time.perf_counter() - started
        states = {state: Article.objects.filter(pk__in=ids, state=state).count() for state in finished}
        return Run(
            workers=workers,
            articles=len(texts),
            seconds=seconds,
            saving_seconds=saving_seconds,
            cpu_seconds=[worker.cpu_seconds() - worker.cpu_at_start for worker in pool],
            peak_mb=[worker.peak_memory_mb() for worker in pool],
            analysed=states[Article.State.ANALYSED],
            failed=states[Article.State.FAILED],
            duplicates=states[Article.State.DUPLICATE],
            suggestions=Suggestion.objects.filter(article_id__in=ids).count(),
            load=load_average(),
        )
    finally:
        for worker in pool:
            worker.stop()
        if ids and not KEEP:
            Suggestion.objects.filter(article_id__in=ids).delete()
            Article.objects.filter(pk__in=ids).delete()


KEEP = False


def _interrupted(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: list[str] | None = None) -> int:
    global KEEP
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per worker count")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds each run may take")
    parser.add_argument("--keep", action="store_true", help="leave the imported articles in the database")
    args = parser.parse_args(argv)
    KEEP = args.keep
    # Stopped by a signal, the workers are stopped, the articles removed and Redis emptied all the same.
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, _interrupted)
    redis_url = os.environ.get("REDIS_URL", "")
    database_url = os.environ.get("DATABASE_URL", "")
    if not redis_url or not database_url.startswith("postgres"):
        parser.error(
            "Set REDIS_URL (a Redis database of its own) and DATABASE_URL (PostgreSQL, shared with the workers)."
        )
    db = (urlsplit(redis_url).path or "/0").strip("/") or "0"
    if db in {"0", "14"}:
        parser.error(f"Redis database {db} is shared; give the benchmark one of its own (e.g. /7).")

    import redis

    broker = redis.Redis.from_url(redis_url)
    if broker.dbsize():
        parser.error(f"Redis database {db} is not empty: the benchmark empties it at the end, so it must be its own.")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from tracker.celery import app
    from tracker.commitments.models import Commitment
    from tracker.demo import scale_data

    queue = f"bench-{uuid.uuid4().hex[:10]}"
    app.conf.task_default_queue = queue  # this process publishes to the workers' own queue
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tracker.settings", "REDIS_URL": redis_url}
    tables = tables_of_two()
    if not tables:
        parser.error("No generated meeting of two parties: run manage.py generate_scale_data first.")
    phrases = [p for group in scale_data.TOPIC_PHRASES.values() for p in group]
    rng = random.Random(args.seed)  # noqa: S311  (synthetic texts, not secrets)
    print(
        f"# {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · {Commitment.objects.count()} commitments · "
        f"{len(tables)} two-party meetings · {args.articles} articles per run · {os.cpu_count()} cores · "
        f"load {load_average()}",
        flush=True,
    )
    results: list[Run] = []
    try:
        for workers in args.workers:
            texts = [article_text(rng, f"{workers}w-{n}", rng.choice(tables), phrases) for n in range(args.articles)]
            result = run(workers, texts, queue, env, args.timeout)
            results.append(result)
            print(result.line(), flush=True)
    finally:
        broker.flushdb()
    by_workers = {r.workers: r for r in results}
    if 1 in by_workers and 2 in by_workers:
        one, two = by_workers[1], by_workers[2]
        wall = (two.articles / two.seconds) / (one.articles / one.seconds)
        cpu = (two.articles / sum(two.cpu_seconds)) / (one.articles / sum(one.cpu_seconds))
        print(f"2 workers / 1 worker: {wall:.2f}× documents/s (wall clock); per CPU second {cpu:.2f}×", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
