"""With the broker (Redis) unreachable, an import is saved and waits in the outbox: Erin is told
"saved, queued for when the broker is back", the command says so and exits cleanly, and beat's
sweep publishes it again once the broker answers, so it is analysed."""

import contextlib
import socket

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tracker.celery import app
from tracker.ingest import outbox, pipeline, tasks
from tracker.ingest.models import Article, Candidate, Feed

# Real commits, so that enqueueing after commit happens inside the request or command, as in
# production, and what Erin and the command are told can depend on it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STATEMENT = (
    "Joint statement on the fourth round of the Example Dialogue, 12 March 2019.\n\n"
    "China and the United States agreed to establish a joint working group on counter-narcotics "
    "before the end of 2019.\n\n"
    "The delegations toured the port of Long Beach.\n"
)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def broker_down():
    """Tasks go to a Redis broker on a port where nothing listens, as in production with Redis dead."""
    saved = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = f"redis://127.0.0.1:{_closed_port()}/9"
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        app._pool = None
        app.amqp._producer_pool = None


def test_a_paste_while_the_broker_is_down_is_saved_and_erin_is_told_it_waits(erin_client, reference_data):
    with broker_down():
        response = erin_client.post(
            reverse("editor:import_text"), {"text-text": STATEMENT, "text-kind": "joint_statement"}, follow=True
        )
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.state == Article.State.FETCHED
    assert outbox.is_unsent(article)
    assert "queued for when the broker is back" in response.content.decode()


def test_the_command_saves_the_article_and_exits_cleanly_while_the_broker_is_down(reference_data, tmp_path, capsys):
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT)
    with broker_down():
        call_command("import_article", str(path), "--kind", "joint_statement")
    assert "queued for when the broker is back" in capsys.readouterr().out
    assert outbox.is_unsent(Article.objects.get())


def test_the_sweep_publishes_the_waiting_article_once_the_broker_is_back(reference_data):
    with broker_down():
        article, _ = pipeline.import_article(text=STATEMENT, kind="joint_statement")
    with broker_down():
        tasks.publish_outbox()  # still down: nothing is lost, it keeps waiting
    article.refresh_from_db()
    assert outbox.is_unsent(article) and article.state == Article.State.FETCHED

    tasks.publish_outbox()  # the broker is back (in-process here)

    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED
    assert not outbox.is_unsent(article)
    assert Candidate.objects.filter(article=article).count() == 1


def test_an_article_whose_message_was_sent_is_not_published_again(reference_data):
    article, _ = pipeline.import_article(text=STATEMENT, kind="joint_statement")
    assert not outbox.is_unsent(article)
    assert outbox.sweep() == 0


def test_beat_sweeps_the_outbox_at_least_every_thirty_seconds():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-outbox"]
    assert entry["task"] == "tracker.ingest.tasks.publish_outbox"
    assert entry["schedule"].total_seconds() <= 30


def test_polling_a_feed_while_the_broker_is_down_tells_erin_it_waits_for_the_schedule(erin_client):
    feed = Feed.objects.create(url="https://www.example.org/feed.xml", title="Ministry news")
    with broker_down():
        response = erin_client.post(reverse("editor:feed_poll", args=[feed.pk]), follow=True)
    assert response.status_code == 200
    assert "The broker is unreachable" in response.content.decode()
