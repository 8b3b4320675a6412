"""Celery tasks: thin wrappers that take ids and call the pipeline's plain functions.

Delivery is at least once (acks_late, reject_on_worker_lost: settings.py), so every task is
idempotent: the pipeline claims the article before working and skips what is already done.
Only what can succeed later is retried (timeouts, connection errors, 5xx); a 404, a refused
address or a parse error fails the article at once, with its message shown to editors.

While a step runs, its claim's lease is renewed every third of PIPELINE_LEASE_SECONDS (`_lease_kept`),
so the lease can be short: a worker killed mid-task stops renewing, its lease runs out within
PIPELINE_LEASE_SECONDS, and beat's `requeue_stalled_articles` (every REQUEUE_STALLED_SECONDS) sends
the article again. README, "Faults and recovery", has the figures.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from billiard.einfo import ExceptionInfo
from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from tracker.ingest import outbox, pipeline
from tracker.ingest.fetch import FetchRetryable
from tracker.ingest.models import Article, Feed

logger = logging.getLogger(__name__)

# A site that is down is tried again after 30 s, 1 min, 2 min, 4 min and 8 min (Celery's
# exponential backoff, without jitter), so one down for a quarter of an hour recovers; after the
# fifth retry the article fails with the reason (`ArticleStep.on_failure`).
MAX_FETCH_RETRIES = 5
FETCH_BACKOFF_SECONDS = 30
FETCH_BACKOFF_MAX_SECONDS = 8 * 60


class ArticleStep(outbox.OutboxTask):
    """A pipeline step on one article (its id the first argument).

    When it fails for good (its retries spent, over its time limit, an unexpected error) the
    article is marked failed with a message editors can act on. A database error is left to the
    lease: the article is sent again once its lease runs out (`requeue_stalled_articles`).
    In-process (no broker, tasks run eagerly) nothing waits to retry later, so a retryable error
    fails the article at once."""

    failure_messages: dict[type[BaseException], str] = {}

    def retry(self, *args: Any, **kwargs: Any) -> Any:
        if self.request.is_eager:
            kwargs["max_retries"] = self.request.retries  # spent: `retry` raises the error itself
        return super().retry(*args, **kwargs)

    def on_failure(
        self, exc: BaseException, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: ExceptionInfo
    ) -> None:
        if isinstance(exc, DatabaseError) or not args:
            return
        pipeline.fail(args[0], self.failure_message(exc))

    def failure_message(self, exc: BaseException) -> str:
        for kind, message in self.failure_messages.items():
            if isinstance(exc, kind):
                return message.format(exc=exc, attempts=self.request.retries + 1, settings=settings)
        return f"The step stopped on an unexpected error: {exc}"


@contextmanager
def _lease_kept(task: Task, article_id: int) -> Iterator[None]:
    """Renew the article's claim while the step runs, from a thread of the task's process.

    Only a lease that is still running is renewed: once it ran out, another worker may have taken
    the article over, and its claim is left alone. Nothing to do for an in-process (eager) task.
    """
    if task.request.is_eager:
        yield
        return
    stop = threading.Event()
    lease = settings.PIPELINE_LEASE_SECONDS

    def renew() -> None:
        try:
            while not stop.wait(lease / 3):
                now = timezone.now()
                try:
                    Article.objects.filter(
                        pk=article_id, state__in=[Article.State.FETCHING, Article.State.ANALYSING], lease_until__gt=now
                    ).update(lease_until=now + datetime.timedelta(seconds=lease))
                except DatabaseError as exc:  # tried again at the next beat; the lease may run out
                    logger.warning("Could not renew the lease of article %s: %s", article_id, exc)
                    connections.close_all()
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=renew, name=f"lease-{article_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def _retry_busy(task: Task, result: pipeline.StepResult) -> None:
    if result.outcome is pipeline.Outcome.BUSY and not task.request.is_eager:
        # Another worker holds the article; look again when its lease runs out (if it died, the
        # claim is taken over then).
        raise task.retry(countdown=result.retry_after, max_retries=None)


_TOO_LONG_TO_FETCH = "Fetching took too long and was stopped; retry it later."


@shared_task(
    bind=True,
    base=ArticleStep,
    acks_late=True,
    ignore_result=True,
    autoretry_for=(FetchRetryable,),
    max_retries=MAX_FETCH_RETRIES,
    retry_backoff=FETCH_BACKOFF_SECONDS,
    retry_backoff_max=FETCH_BACKOFF_MAX_SECONDS,
    retry_jitter=False,
    failure_messages={
        FetchRetryable: "{exc.message} (gave up after {attempts} attempts)",
        SoftTimeLimitExceeded: _TOO_LONG_TO_FETCH,
        TimeLimitExceeded: _TOO_LONG_TO_FETCH,
    },
)
def fetch_article(self: Task, article_id: int) -> None:
    with _lease_kept(self, article_id):
        result = pipeline.fetch_article(article_id)
    _retry_busy(self, result)


_TOO_LONG_TO_ANALYSE = (
    "The analysis took too long (over {settings.CELERY_TASK_SOFT_TIME_LIMIT} seconds) and was stopped. "
    "Retry it when the workers are less busy, or split the document into parts."
)


@shared_task(
    bind=True,
    base=ArticleStep,
    acks_late=True,
    ignore_result=True,
    failure_messages={SoftTimeLimitExceeded: _TOO_LONG_TO_ANALYSE, TimeLimitExceeded: _TOO_LONG_TO_ANALYSE},
)
def analyse_article(self: Task, article_id: int) -> None:
    with _lease_kept(self, article_id):
        result = pipeline.analyse(article_id)
    _retry_busy(self, result)


@shared_task(bind=True, acks_late=True, ignore_result=True)
def poll_feed(self, feed_id: int) -> None:
    try:
        pipeline.poll_feed(feed_id)
    except FetchRetryable as exc:
        # The next scheduled poll is the retry; record why this one failed.
        Feed.objects.filter(pk=feed_id).update(last_error=exc.message)


@shared_task(ignore_result=True)
def poll_feeds() -> None:
    """Beat: poll every active feed, each in its own task."""
    for feed_id in Feed.objects.filter(is_active=True).values_list("pk", flat=True):
        poll_feed.delay(feed_id)


@shared_task(ignore_result=True)
def requeue_stalled_articles() -> None:
    """Beat: pick up articles whose worker died, once their lease has run out."""
    count = pipeline.requeue_stalled()
    if count:
        logger.info("Re-enqueued %s stalled articles (lease %ss)", count, settings.PIPELINE_LEASE_SECONDS)


@shared_task(ignore_result=True)
def publish_outbox() -> None:
    """Beat, every OUTBOX_SWEEP_SECONDS: publish what was saved while the broker was down."""
    count = outbox.sweep()
    if count:
        logger.info("Published %s articles from the outbox", count)
