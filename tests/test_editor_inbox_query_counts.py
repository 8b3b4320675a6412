"""The inboxes run a fixed number of queries, however many articles and proposals they show."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.status import Status
from tracker.ingest.models import Article, Suggestion

world = fixtures.world

# Session, user, editor check; the page's count and rows; the prefetches (articles, and parties and
# topics, or the commitments' parties); the three nav counts; the filter form's choices; and the
# session saved again (SESSION_SAVE_EVERY_REQUEST: savepoint, update, release).
INBOX_QUERIES = 16
# The evidence inbox groups its rows into cards (one per passage) in Python: no separate count.
EVIDENCE_QUERIES = 13


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_articles(w, n: int) -> None:
    """n more analysed statements, each with two candidates and one evidence suggestion."""
    for i in range(n):
        text = fixtures.STATEMENT + f"\n\nIssued in round {i}."
        article = Article.objects.create(
            origin="paste",
            state="analysed",
            title=f"Statement {i}",
            text=text,
            meeting=w.meeting,
            issuing_party=w.china,
            published_on=datetime.date(2018, 1, 1) + datetime.timedelta(days=i),
        )
        fixtures.make_candidate(
            article, w.working_group.quote, parties=[w.china, w.united_states], topics=[w.narcotics, w.cyber]
        )
        fixtures.make_candidate(article, w.hotline.quote, parties=[w.china], topics=[w.cyber], duplicate_of=w.draft)
        start, end = fixtures.span(text, w.hotline.quote)
        Suggestion.objects.create(
            article=article,
            commitment=w.commitment if i % 2 else w.draft,
            passage=w.hotline.quote,
            start=start,
            end=end,
            score=0.5,
            proposed_status=Status.IN_PROGRESS,
            party=w.china if i % 2 else None,
        )


def test_the_review_inbox_does_not_grow_with_its_rows(erin_client, world):
    few = queries(erin_client, reverse("editor:inbox"))
    add_articles(world, 12)
    many = queries(erin_client, reverse("editor:inbox"))
    assert few == many == INBOX_QUERIES
    # Filtered: one more, to validate the chosen meeting.
    assert queries(erin_client, reverse("editor:inbox") + f"?meeting={world.meeting.pk}&confidence=0.5") == many + 1


def test_the_evidence_inbox_does_not_grow_with_its_rows(erin_client, world):
    few = queries(erin_client, reverse("editor:evidence_inbox"))
    add_articles(world, 12)
    many = queries(erin_client, reverse("editor:evidence_inbox"))
    assert few == many == EVIDENCE_QUERIES


def test_the_commitment_list_does_not_grow_with_its_rows(erin_client, world, make_commitment):
    few = queries(erin_client, reverse("editor:commitment_list"))
    for i in range(10):
        make_commitment(quote=f"The two sides will hold round {i + 3}.", publish=bool(i % 2))
    assert queries(erin_client, reverse("editor:commitment_list")) == few
