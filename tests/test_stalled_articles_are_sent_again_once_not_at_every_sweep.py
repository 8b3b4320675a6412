"""Beat looks for stalled articles every REQUEUE_STALLED_SECONDS (15 s): an article whose worker
died is sent again once, put back to waiting, and sent once more only if it is still waiting ten
minutes later (its message lost again), not at every sweep while no worker is running."""

import datetime

import pytest
from django.utils import timezone

from tracker.ingest import pipeline
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    messages = []
    monkeypatch.setattr(pipeline, "_enqueue", lambda task, article_id: messages.append((task, article_id)))
    return messages


@pytest.mark.parametrize(
    ("working", "waiting", "task"),
    [
        (Article.State.ANALYSING, Article.State.FETCHED, "analyse_article"),
        (Article.State.FETCHING, Article.State.QUEUED, "fetch_article"),
    ],
)
def test_a_dead_workers_article_is_sent_once_then_waits_its_turn(sent, working, waiting, task):
    now = timezone.now()
    article = Article.objects.create(
        origin=Article.Origin.PASTE, raw=b"Text.", state=working, lease_until=now - datetime.timedelta(seconds=1)
    )
    assert pipeline.requeue_stalled(now) == 1
    assert sent == [(task, article.pk)]
    article.refresh_from_db()
    assert (article.state, article.lease_until) == (waiting, None)

    for seconds in (15, 30, 300):  # the next sweeps: nothing sent again
        assert pipeline.requeue_stalled(now + datetime.timedelta(seconds=seconds)) == 0
    assert pipeline.requeue_stalled(now + datetime.timedelta(minutes=11)) == 1  # still waiting: lost again
    assert len(sent) == 2


def test_a_live_claim_is_not_sent_again(sent):
    now = timezone.now()
    Article.objects.create(
        origin=Article.Origin.PASTE,
        raw=b"Text.",
        state=Article.State.ANALYSING,
        lease_until=now + datetime.timedelta(seconds=30),
    )
    assert pipeline.requeue_stalled(now) == 0
    assert sent == []
