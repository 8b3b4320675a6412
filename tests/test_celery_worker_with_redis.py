"""A real Celery worker, with the real Redis broker and PostgreSQL, runs the pipeline's tasks;
killed in the middle of an article, it loses nothing: the next worker finishes it, once."""

import time

import pytest

from tests import httpserver
from tests.celery_worker import Worker, wait_for
from tracker.ingest.models import Article, Candidate

http_server = httpserver.http_server

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STATEMENT = (
    "Joint statement on the second round of the Example Dialogue, 12 March 2019.\n\n"
    "China and the United States agreed to establish a joint working group on counter-narcotics "
    "before the end of 2019.\n\n"
    "The two sides will exchange information on fugitives within 30 days of a request.\n\n"
    "The delegations toured the port of Long Beach.\n"
)


def test_a_real_worker_runs_a_task_that_writes_to_the_database(postgres_required, redis_url, reference_data):
    article = Article.objects.create(
        origin=Article.Origin.PASTE, raw=STATEMENT.encode(), raw_content_type="text/plain", state=Article.State.FETCHED
    )
    worker = Worker(redis_url).start()
    try:
        worker.send("tracker.ingest.tasks.analyse_article", article.pk)
        wait_for(
            lambda: Article.objects.get(pk=article.pk).state == Article.State.ANALYSED,
            timeout=60,
            message=lambda: f"the worker to analyse the article; worker log:\n{worker.output()}",
        )
    finally:
        worker.stop()
    assert Candidate.objects.filter(article=article).count() == 2


def test_a_worker_killed_mid_fetch_loses_nothing_and_the_article_is_finished_once(
    postgres_required, redis_url, reference_data, http_server
):
    # A page that takes about three seconds to arrive, so the worker can be killed while reading it.
    page = (
        "<html><head><title>Second round</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in STATEMENT.split("\n\n"))
        + "</article></body></html>"
    ).encode()
    chunks = [page[i : i + 64] for i in range(0, len(page), 64)]
    http_server.route(
        "/slow", headers={"Content-Type": "text/html; charset=utf-8"}, body=lambda: chunks, delay=3.0 / len(chunks)
    )
    article = Article.objects.create(
        url=http_server.url("/slow"),
        canonical_url=http_server.url("/slow"),
        origin=Article.Origin.URL,
    )
    # Short timeouts so the test does not wait an hour for the dead worker's message to reappear;
    # the ordering is production's: time limit < lease < visibility timeout.
    timing = {
        "CELERY_TASK_TIME_LIMIT": "8",
        "PIPELINE_LEASE_SECONDS": "9",
        "CELERY_BROKER_VISIBILITY_TIMEOUT": "10",
        "CELERY_BROKER_RESTORE_INTERVAL": "1",
        "CELERY_BROKER_RESTORE_THROTTLE": "1",
        "FETCH_TOTAL_TIMEOUT": "7",
    }
    allow = f"{http_server.host}:{http_server.port}"
    first = Worker(redis_url, allow_server=allow, env=timing).start()
    try:
        first.send("tracker.ingest.tasks.fetch_article", article.pk)
        wait_for(
            lambda: Article.objects.get(pk=article.pk).state == Article.State.FETCHING,
            timeout=60,
            message=lambda: f"the first worker to start fetching; its log:\n{first.output()}",
        )
        time.sleep(0.5)  # mid-download
        first.kill()
    finally:
        first.kill()
    assert Article.objects.get(pk=article.pk).state == Article.State.FETCHING  # left half-done

    second = Worker(redis_url, queue=first.queue, allow_server=allow, env=timing).start()
    try:
        wait_for(
            lambda: Article.objects.get(pk=article.pk).state == Article.State.ANALYSED,
            timeout=90,
            message=lambda: f"the second worker to finish the article; its log:\n{second.output()}",
        )
    finally:
        second.stop()
    article.refresh_from_db()
    assert article.attempts >= 2  # the fetch was claimed again after the first worker died
    assert Candidate.objects.filter(article=article).count() == 2  # analysed once: no duplicates
    assert Article.objects.count() == 1
