"""Publishing the pipeline's messages so that a broker outage strands nothing.

An article is saved first and its message published after commit. When the broker cannot be
reached then, the article stays saved in its waiting state (queued or fetched) and is marked
unsent (`metadata["outbox"]` names the task); nothing is raised to the editor or the command.
Beat's `publish_outbox` sweep (every OUTBOX_SWEEP_SECONDS, 30 s by default) publishes the marked
articles again, so an import made while Redis was down is analysed within a minute of its return.
Publishing twice is harmless: the pipeline claims an article before working on it.

The same sweep notices a broker that came back empty (Redis restarted without persistence): the
messages of articles that were waiting are gone, so all of them are published again, rather than
after the ten minutes `requeue_stalled_articles` allows a queued article.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Task
from celery.contrib.django.task import DjangoTask
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from tracker.celery import app
from tracker.ingest.models import Article

logger = logging.getLogger(__name__)

OUTBOX_KEY = "outbox"
SENTINEL_KEY = "tracker:broker-sentinel"
# What publishing raises when the broker is down: kombu wraps most connection errors, the rest
# come through from redis-py or the socket.
BROKER_UNAVAILABLE = (OperationalError, RedisError, ConnectionError, TimeoutError)
WAITING = [Article.State.QUEUED, Article.State.FETCHED]
# The module whose tasks the outbox names by their short name ("fetch_article").
TASKS_MODULE = "tracker.ingest.tasks"


class OutboxTask(DjangoTask):
    """A task on one article (its id the first argument) whose message waits in the outbox when
    the broker is down: sending it (`delay`, `delay_on_commit`, a retry) then marks the article
    unsent, logs, and returns None instead of raising into the editor's request or the command."""

    def apply_async(self, args: Any = None, kwargs: Any = None, **options: Any) -> Any:  # type: ignore[override]
        try:
            return super().apply_async(args, kwargs, **options)
        except BROKER_UNAVAILABLE as exc:
            logger.warning("Broker unreachable (%s): %s%r not sent, kept in the outbox", exc, self.name, args)
            if args:
                _mark(args[0], self.name)
            return None


def task_named(task_name: str) -> Task:
    """The registered task of that name (a short name is the tasks module's), looked up in the
    app's registry, so that the pipeline the tasks call need not import them."""
    name = task_name if "." in task_name else f"{TASKS_MODULE}.{task_name}"
    if name not in app.tasks:
        app.loader.import_default_modules()  # the app's autodiscovery imports the tasks modules
    return app.tasks[name]


def send(task_name: str, *args: Any) -> bool:
    """Send a task's message. False, logged, if the broker is down: for what a later run redoes
    anyway (a feed poll: beat polls every feed on schedule)."""
    try:
        return task_named(task_name).delay(*args) is not None
    except BROKER_UNAVAILABLE as exc:
        logger.warning("Broker unreachable (%s): %s%r not sent", exc, task_name, args)
        return False


def publish(task_name: str, article_id: int) -> bool:
    """Send an article task's message; if the broker is down, the article is marked unsent
    (`OutboxTask`). True if sent."""
    return send(task_name, article_id)


def is_unsent(article: Article) -> bool:
    return OUTBOX_KEY in (article.metadata or {})


def unsent():
    return Article.objects.filter(state__in=WAITING, metadata__has_key=OUTBOX_KEY)


def broker_was_emptied() -> bool:
    """True once after the broker's Redis lost its data (restarted without persistence, flushed).

    A sentinel key lives beside the queues; when it is gone, so are the messages that were
    waiting, and every article waiting for one must be published again. False for a broker that
    is not Redis (the in-process one of tests and development) or that cannot be reached.
    """
    try:
        with app.connection_for_write() as conn:
            client = getattr(conn.default_channel, "client", None)
            return bool(client is not None and client.set(SENTINEL_KEY, "1", nx=True))
    except BROKER_UNAVAILABLE:
        return False


def sweep() -> int:
    """Publish every unsent article's message again; stop at the first failure. Returns how many.

    After the broker lost its data, every waiting article counts as unsent."""
    if broker_was_emptied():
        waiting = Article.objects.filter(state__in=WAITING).exclude(metadata__has_key=OUTBOX_KEY)
        for article_id, state in waiting.values_list("pk", "state"):
            _mark(article_id, "fetch_article" if state == Article.State.QUEUED else "analyse_article")
    sent = 0
    for article_id, metadata in unsent().values_list("pk", "metadata"):
        # Unmarked before publishing: a worker may take the article at once and copy its metadata.
        _unmark(article_id)
        if not publish(metadata[OUTBOX_KEY], article_id):  # marked again
            break
        sent += 1
    return sent


def _mark(article_id: int, task_name: str) -> None:
    article = Article.objects.filter(pk=article_id, state__in=WAITING).first()
    if article is not None:
        Article.objects.filter(pk=article_id).update(metadata={**article.metadata, OUTBOX_KEY: task_name})


def _unmark(article_id: int) -> None:
    article = Article.objects.filter(pk=article_id).first()
    if article is not None and OUTBOX_KEY in article.metadata:
        metadata = {key: value for key, value in article.metadata.items() if key != OUTBOX_KEY}
        Article.objects.filter(pk=article_id).update(metadata=metadata)
