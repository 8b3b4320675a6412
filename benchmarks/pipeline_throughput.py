"""Importing articles against a large tracker: documents per second and peak memory, in one process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_scale \\
        .venv/bin/python benchmarks/pipeline_throughput.py [--articles 100] [--keep]

Each article is a distinct synthetic follow-up report (`celery_import.article_text`: two parties
that met at a generated meeting and the subjects of `scale_data`, so it reports on commitments of
the generated tracker),
pasted in through `pipeline.import_article`, which analyses it in-process when no broker is set
(REDIS_URL unset: tasks run eagerly on commit): extraction, candidates, evidence candidates from the
database and suggestions stored. Fetching is not part of it. Prints documents per second (wall
clock and the process's CPU), candidates and suggestions stored, the slowest document, and the
process's peak resident memory (getrusage, loading included). The articles are removed afterwards
unless `--keep`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="leave the imported articles in the database")
    args = parser.parse_args(argv)
    if os.environ.get("REDIS_URL"):
        parser.error("Unset REDIS_URL: this measures the in-process pipeline (tasks run on commit).")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from benchmarks.celery_import import article_text, tables_of_two
    from tracker.commitments.models import Commitment
    from tracker.demo import scale_data
    from tracker.ingest import pipeline
    from tracker.ingest.models import Article, Candidate, Suggestion

    started = time.perf_counter()
    pipeline.lexicon_from_database()
    tables = tables_of_two()
    phrases = [p for group in scale_data.TOPIC_PHRASES.values() for p in group]
    rng = random.Random(args.seed)  # noqa: S311  (synthetic texts, not secrets)
    texts = [article_text(rng, f"p{n}", rng.choice(tables), phrases) for n in range(args.articles)]
    loading = time.perf_counter() - started
    print(
        f"# {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · {Commitment.objects.count()} commitments · "
        f"{args.articles} articles · loading {loading:.1f} s",
        flush=True,
    )

    cpu0, wall0 = time.process_time(), time.perf_counter()
    slowest, ids = 0.0, []
    for title, text in texts:
        one = time.perf_counter()
        article, _ = pipeline.import_article(text=text, title=title, published_on=datetime.date(2025, 12, 1))
        ids.append(article.pk)
        slowest = max(slowest, time.perf_counter() - one)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    analysed = Article.objects.filter(pk__in=ids, state=Article.State.ANALYSED).count()
    candidates = Candidate.objects.filter(article_id__in=ids).count()
    suggestions = Suggestion.objects.filter(article_id__in=ids).count()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.articles} articles ({analysed} analysed) in {wall:.1f} s: {args.articles / wall:.2f} documents/s "
        f"wall clock, {args.articles / cpu:.2f} per CPU second; slowest {slowest * 1000:.0f} ms; "
        f"{candidates} candidates, {suggestions} suggestions; peak memory {peak:.0f} MB",
        flush=True,
    )
    if not args.keep:
        Suggestion.objects.filter(article_id__in=ids).delete()
        Article.objects.filter(pk__in=ids).delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
