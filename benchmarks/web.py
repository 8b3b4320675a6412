"""Every public URL pattern under gunicorn, against a no-op view on the same server in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_scale \\
        .venv/bin/python benchmarks/web.py [--seconds 2] [--timeout 15] [--connections 1,8]
            [--modes uncached,cached] [--only LABEL,...] [--markdown FILE]
    .venv/bin/python benchmarks/web.py --profile [--explain FILE]   # in-process: queries per page

Fill the database first (`manage.py generate_scale_data --commitments 200000 --assessments
600000`). The script starts gunicorn (2 sync workers, settings `benchmarks.settings`, which add
`/__noop__/`) on a free port of 127.0.0.1, once with the cache off (every page rendered) and once
with it on (each page requested a few times first), and drives each address with 1 and 8
connections from threads of this process (http.client, keep-alive where the server allows it)
for `--seconds` each, right after driving the no-op view for half as long with as many
connections. It prints requests per second, p50 and p99 latency, the no-op view's requests per
second and the ratio of the two (on a machine shared with other work the capacity drifts, so each
page is compared with a no-op run of the same minute), the response size, and the peak resident
memory of the gunicorn workers while that address was driven (sampled every 0.1 s).

Bounded: each request has a client timeout (`--timeout`) and gunicorn's worker timeout is a few
seconds above it, so a page that needs a minute is reported as a timeout, its worker is recycled,
and the run moves on; an address that timed out at 1 connection is not tried at 8. Requests go to
127.0.0.1 only. The client shares the machine's cores with the server: on 2 cores, 8 client
threads take CPU from the workers, so the no-op figures are a floor of the server's capacity.

`--profile` renders each address once in-process (cache off) and prints its database queries:
count, time, and the slowest statements; `--explain FILE` writes EXPLAIN (ANALYZE, BUFFERS) of
each address's slowest statement to FILE.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

HOST = "127.0.0.1"
NOOP = "noop"


@dataclass(frozen=True)
class Sample:
    """The rows the addresses name: chosen from the database (`Sample.pick`), or made up for tests."""

    dialogue: str
    party: str
    reference: str
    as_of: datetime.date
    deep_after: str
    meeting: str
    assessment: int
    status: str = "in_progress"
    common_term: str = "cooperation"
    rare_term: str = "desalination"
    capture: int = 1  # an archived copy (a 404 where none was made: the lookup is measured alike)

    @classmethod
    def pick(cls) -> Sample:
        from django.db.models import Count

        from tracker.commitments.models import Assessment, Commitment, Dialogue, Meeting, Party
        from tracker.demo import scale_data
        from tracker.ingest.archive import ArchivedCopy
        from tracker.public.pagination import _encode

        published = Commitment.objects.published()
        dialogue = (
            Dialogue.objects.filter(meetings__commitments__is_published=True)
            .annotate(n=Count("meetings__commitments"))
            .order_by("-n")
            .first()
        )
        party = Party.objects.filter(commitments__is_published=True).annotate(n=Count("commitments")).order_by("-n")
        meeting = Meeting.objects.filter(commitments__is_published=True).annotate(n=Count("commitments"))
        # A commitment at the 90th percentile of assessments per commitment: busy, not the outlier.
        busy = published.annotate(n=Count("assessments")).order_by("-n", "reference")
        total = published.count()
        commitment = busy[max(0, total // 10)]
        deep = published.order_by("reference").values_list("reference", flat=True)[int(total * 0.8)]
        assessment = Assessment.objects.public().filter(commitment=commitment).order_by("pk").first()
        capture = ArchivedCopy.objects.captured().order_by("pk").values_list("pk", flat=True).first()
        return cls(
            dialogue=dialogue.slug,
            party=party.first().code,
            reference=commitment.reference,
            as_of=commitment.made_on + (datetime.date.today() - commitment.made_on) / 2,
            deep_after=_encode(deep, deep),
            meeting=meeting.order_by("-n").first().slug,
            assessment=assessment.pk if assessment else 1,
            common_term=scale_data.COMMON_TERM,
            rare_term=scale_data.RARE_TERM,
            capture=capture or 1,
        )


@dataclass(frozen=True)
class Target:
    label: str
    name: str  # the URL pattern's name, with namespaces
    path: str


def targets(s: Sample) -> list[Target]:
    """Every public URL pattern at least once, the list's costly variants apart."""
    from django.urls import reverse

    def t(label, name, *args, query=None):
        path = reverse(name, args=args)
        return Target(label, name, path + (f"?{urlencode(query)}" if query else ""))

    ref, dia, party, meeting = s.reference, s.dialogue, s.party, s.meeting
    year = {"from": (s.as_of - datetime.timedelta(days=365)).isoformat(), "to": s.as_of.isoformat()}
    return [
        Target(NOOP, "benchmark_noop", "/__noop__/"),
        t("dashboard", "public:dashboard"),
        t("list page 1", "public:commitment_list"),
        t("list deep page", "public:commitment_list", query={"after": s.deep_after}),
        t("search: common term", "public:commitment_list", query={"q": s.common_term}),
        t("search: rare term", "public:commitment_list", query={"q": s.rare_term}),
        t("party + status filter", "public:commitment_list", query={"party": party, "status": s.status}),
        t("list as_of", "public:commitment_list", query={"as_of": s.as_of.isoformat()}),
        t("commitment", "public:commitment_detail", ref),
        t("commitment as_of", "public:commitment_detail", ref, query={"as_of": s.as_of.isoformat()}),
        t("dialogues", "public:dialogue_list"),
        t("dialogue", "public:dialogue_detail", dia),
        t("parties", "public:party_list"),
        t("party", "public:party_detail", party),
        t("meeting (list filter)", "public:commitment_list", query={"meeting": meeting}),
        t("meeting page", "public:meeting_detail", meeting),
        t("meeting comparison (JSON)", "public:meeting_export", meeting, "json"),
        t("methodology", "public:methodology"),
        t("exports page", "public:exports"),
        t("CSV export (dialogue)", "public:export_csv", query={"dialogue": dia}),
        t("JSON export (dialogue)", "public:export_json", query={"dialogue": dia}),
        t("full dump", "public:export_dump"),
        t("data package", "public:export_datapackage"),
        t("feed: all changes", "public:feed_changes"),
        t("feed: commitment", "public:feed_commitment", ref),
        t("feed: dialogue", "public:feed_dialogue", dia),
        t("feed: party", "public:feed_party", party),
        t("changes: a year", "public:changes", query=year),
        t("changes CSV: a year", "public:changes_csv", query=year),
        t("changes feed: a year", "public:changes_feed", query=year),
        t("corrections", "public:corrections"),
        t("feed: corrections", "public:corrections_feed"),
        t("embed: commitment", "public:embed_commitment", ref),
        t("embed: dialogue", "public:embed_dialogue", dia),
        t("oEmbed", "public:oembed", query={"url": f"http://{HOST}{reverse('public:commitment_detail', args=[ref])}"}),
        t("archived copy", "public:archived_copy", s.capture),
        t("follow: the page", "public:follow_subscribe"),
        t("follow: a confirmation link", "public:follow_confirm", "not-a-token"),
        t("follow: an unsubscribe link", "public:follow_unsubscribe", "not-a-token"),
        t("API root", "public:api:api-root"),
        t("API commitments", "public:api:commitment-list"),
        t("API commitment", "public:api:commitment-detail", ref),
        t("API assessments", "public:api:assessment-list"),
        t("API assessment", "public:api:assessment-detail", s.assessment),
        t("API dialogues", "public:api:dialogue-list"),
        t("API dialogue", "public:api:dialogue-detail", dia),
        t("API meetings", "public:api:meeting-list"),
        t("API meeting", "public:api:meeting-detail", meeting),
        t("API meeting comparison", "public:api:meeting-comparison", meeting),
        t("API parties", "public:api:party-list"),
        t("API party", "public:api:party-detail", party),
        t("API schema", "public:api:schema"),
        t("API docs", "public:api:docs"),
        t("API redoc", "public:api:redoc"),
    ]


def public_pattern_names(urlconf: str = "tracker.urls") -> set[str]:
    """The names of every URL pattern the public may request (the `public` namespace, API included)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()

    def walk(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespaces + ([pattern.namespace] if pattern.namespace else []))
            elif isinstance(pattern, URLPattern) and pattern.name and namespaces[:1] == ["public"]:
                names.add(":".join([*namespaces, pattern.name]))

    walk(get_resolver(urlconf).url_patterns, [])
    return names


def missing_patterns(sample: Sample) -> set[str]:
    return public_pattern_names() - {target.name for target in targets(sample)}


# --- The server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers, started and stopped by this process only."""

    def __init__(self, *, cache: str, timeout: int, log: Path):
        self.port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "BENCH_CACHE": cache}
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tracker.wsgi:application",
                "--workers=2",
                f"--bind={HOST}:{self.port}",
                f"--timeout={timeout + 5}",
                f"--chdir={ROOT}",
            ],
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        self.peak = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        self._wait_ready()

    def _wait_ready(self):
        until = time.monotonic() + 60
        while time.monotonic() < until:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}); see {self.log.name}")
            try:
                status, _, _ = request(self.port, "/__noop__/", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not answer within 60 s")

    def workers(self) -> list[int]:
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def rss(self) -> int:
        """The largest resident set of a worker now, in bytes."""
        largest = 0
        for pid in self.workers():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        largest = max(largest, int(line.split()[1]) * 1024)
            except OSError:
                continue
        return largest

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss())
            time.sleep(0.1)

    def stop(self):
        self._stop.set()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


# --- The client --------------------------------------------------------------------------------


def request(port: int, path: str, *, timeout: float, connection=None) -> tuple[int, int, http.client.HTTPConnection]:
    conn = connection or http.client.HTTPConnection(HOST, port, timeout=timeout)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.will_close:
        conn.close()
    return response.status, len(body), conn


@dataclass
class Measure:
    label: str
    connections: int
    requests: int
    seconds: float
    latencies: list[float]
    statuses: Counter
    size: int
    peak_rss: int
    timed_out: bool

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float | None:
        if not self.latencies:
            return None
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def drive(server: Server, target: Target, *, connections: int, seconds: float, timeout: float) -> Measure:
    """Requests from `connections` threads for `seconds` (a request under way is finished, up to
    `timeout`); everything stops at the first timeout."""
    latencies: list[float] = []
    statuses: Counter = Counter()
    sizes: list[int] = []
    lock = threading.Lock()
    stop = threading.Event()
    timed_out = threading.Event()
    server.peak = server.rss()
    started = time.perf_counter()
    deadline = started + seconds

    def loop():
        conn = None
        while time.perf_counter() < deadline and not stop.is_set():
            t0 = time.perf_counter()
            try:
                status, size, conn = request(server.port, target.path, timeout=timeout, connection=conn)
            except (TimeoutError, OSError, http.client.HTTPException):
                timed_out.set()
                stop.set()
                if conn is not None:
                    conn.close()
                return
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1
                sizes.append(size)

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Measure(
        label=target.label,
        connections=connections,
        requests=len(latencies),
        seconds=time.perf_counter() - started,
        latencies=latencies,
        statuses=statuses,
        size=max(sizes, default=0),
        peak_rss=server.peak,
        timed_out=timed_out.is_set(),
    )


def _ms(value: float | None) -> str:
    return "—" if value is None else (f"{value * 1000:.0f}" if value >= 0.1 else f"{value * 1000:.1f}")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


HEADER = "| mode | page | conns | rps | p50 ms | p99 ms | no-op rps | ratio | size | worker peak RSS | notes |"
RULE = "|---|---|---|---|---|---|---|---|---|---|---|"


def row(mode: str, m: Measure, noop_rps: float) -> str:
    ratio = m.rps / noop_rps if noop_rps else 0.0
    notes = []
    if m.timed_out:
        notes.append("timeout")
    bad = {k: v for k, v in m.statuses.items() if k != 200}
    if bad:
        notes.append("status " + ", ".join(f"{k}×{v}" for k, v in sorted(bad.items())))
    return (
        f"| {mode} | {m.label} | {m.connections} | {m.rps:.1f} | {_ms(m.percentile(50))} | {_ms(m.percentile(99))} "
        f"| {noop_rps:.0f} | {ratio:.4f} | {_size(m.size)} | {m.peak_rss / 1024 / 1024:.0f} MB | {'; '.join(notes)} |"
    )


def run(args, chosen: list[Target]) -> list[str]:
    """Each address after a short run of the no-op view at the same number of connections: on a
    machine shared with other work the capacity drifts, so each ratio compares like with like."""
    lines = [HEADER, RULE]
    print(HEADER, flush=True)
    log = Path(args.log)
    noop = next(t for t in chosen if t.label == NOOP)
    for mode in args.modes:
        server = Server(cache="on" if mode == "cached" else "off", timeout=args.timeout, log=log)
        try:
            for target in chosen:
                if target.label == NOOP:
                    continue
                skip_more = False
                for connections in args.connections:
                    if skip_more:
                        print(f"| {mode} | {target.label} | {connections} | skipped: timed out at fewer |", flush=True)
                        continue
                    warm = 4 if mode == "cached" else 1
                    try:
                        for _ in range(warm):
                            request(server.port, target.path, timeout=args.timeout)
                    except (TimeoutError, OSError, http.client.HTTPException):
                        pass  # the measurement below reports it
                    base = drive(server, noop, connections=connections, seconds=args.seconds / 2, timeout=args.timeout)
                    m = drive(server, target, connections=connections, seconds=args.seconds, timeout=args.timeout)
                    line = row(mode, m, base.rps)
                    lines.append(line)
                    print(line, flush=True)
                    skip_more = m.timed_out
                    if m.timed_out:
                        # The worker is still rendering the page the client gave up on: let
                        # gunicorn's timeout recycle it before the next no-op measurement.
                        time.sleep(args.timeout + 6)
        finally:
            server.stop()
    return lines


# --- Where the time goes -----------------------------------------------------------------------


def profile(chosen: list[Target], explain: str | None) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    out = open(explain, "w") if explain else None  # noqa: SIM115
    print("| page | status | ms | queries | SQL ms | slowest query ms | slowest query |")
    print("|---|---|---|---|---|---|---|")
    for target in chosen:
        client.get(target.path)  # warm: imports, templates
        with CaptureQueriesContext(connection) as captured:
            t0 = time.perf_counter()
            response = client.get(target.path)
            if response.streaming:
                b"".join(response.streaming_content)
            elapsed = time.perf_counter() - t0
        queries = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        top = queries[0] if queries else {"time": "0", "sql": ""}
        print(
            f"| {target.label} | {response.status_code} | {elapsed * 1000:.0f} | {len(queries)} | {sql_ms:.0f} "
            f"| {float(top['time']) * 1000:.0f} | `{' '.join(top['sql'].split())[:140]}` |",
            flush=True,
        )
        if out and top["sql"] and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + top["sql"])
                plan = "\n".join(r[0] for r in cursor.fetchall())
            out.write(f"## {target.label} ({target.path})\n\n{top['sql']}\n\n{plan}\n\n")
    if out:
        out.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per address and connection count")
    parser.add_argument("--timeout", type=int, default=15, help="per request, seconds")
    parser.add_argument("--connections", default="1,8")
    parser.add_argument("--modes", default="uncached,cached")
    parser.add_argument("--only", default="", help="comma-separated labels (the no-op view always runs)")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--log", default=str(Path(tempfile.gettempdir()) / "benchmark-gunicorn.log"))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--explain")
    args = parser.parse_args(argv)
    args.connections = [int(c) for c in args.connections.split(",")]
    args.modes = [m for m in args.modes.split(",") if m]
    os.environ.setdefault("BENCH_CACHE", "off")

    import django

    django.setup()
    from django.db import connection

    started = time.perf_counter()
    sample = Sample.pick()
    missing = missing_patterns(sample)
    if missing:
        raise SystemExit(f"benchmarks/web.py drives no address for: {', '.join(sorted(missing))}")
    chosen = targets(sample)
    if args.only:
        wanted = {label.strip() for label in args.only.split(",")}
        chosen = [t for t in chosen if t.label in wanted or t.label == NOOP]
    from tracker.commitments.models import Assessment, Commitment

    print(
        f"# {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · {connection.vendor} "
        f"{connection.settings_dict.get('NAME')} · {Commitment.objects.published().count()} published of "
        f"{Commitment.objects.count()} commitments, {Assessment.objects.count()} assessments · "
        f"{os.cpu_count()} cores · {_cpu_name()} · sample {sample}",
        flush=True,
    )
    connection.close()
    if args.profile:
        profile(chosen, args.explain)
        return 0
    lines = run(args, chosen)
    print(f"# {time.perf_counter() - started:.0f} s in all", flush=True)
    if args.markdown:
        Path(args.markdown).write_text("\n".join(lines) + "\n")
    return 0


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
