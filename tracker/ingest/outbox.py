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

from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from tracker.ingest.models import Article

logger = logging.getLogger(__name__)

OUTBOX_KEY = "outbox"
SENTINEL_KEY = "tracker:broker-sentinel"
# What publishing raises when the broker is down: kombu wraps most connection errors, the rest
# come through from redis-py or the socket.
BROKER_UNAVAILABLE = (OperationalError, RedisError, ConnectionError, TimeoutError)
WAITING = [Article.State.QUEUED, Article.State.FETCHED]


def send(task_name: str, *args) -> bool:
    """Send a task's message. False, logged, if the broker is down: for what a later run redoes
    anyway (a feed poll: beat polls every feed on schedule)."""
    from tracker.ingest import tasks  # the tasks module imports the pipeline, which imports this

    try:
        getattr(tasks, task_name).delay(*args)
    except BROKER_UNAVAILABLE as exc:
        logger.warning("Broker unreachable (%s): %s%r not sent", exc, task_name, args)
        return False
    return True


def publish(task_name: str, article_id: int) -> bool:
    """Send the task's message; if the broker is down, mark the article unsent. True if sent."""
    if send(task_name, article_id):
        return True
    _mark(article_id, task_name)
    return False


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
    from tracker.celery import app

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
