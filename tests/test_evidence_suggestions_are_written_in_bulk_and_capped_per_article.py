"""An article's evidence suggestions are written in one bulk insert (with their history), at most
`MAX_SUGGESTIONS_PER_ARTICLE` of them, each passage's best commitment first; storing again adds
nothing (one row per article, commitment and passage start)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracker.extraction.evidence import Card, Link
from tracker.ingest import pipeline
from tracker.ingest.models import Article, Suggestion

pytestmark = pytest.mark.django_db


def _cards(commitments, passages: int) -> list[Card]:
    return [
        Card(
            kind="evidence",
            text=f"Passage {n}.",
            start=100 * n,
            end=100 * n + 10,
            sentence_start=100 * n,
            sentence_end=100 * n + 10,
            links=tuple(
                Link(commitment_id=c.pk, score=1.0 - rank / 10, status="in_progress", party=None)
                for rank, c in enumerate(commitments)
            ),
        )
        for n in range(passages)
    ]


def test_suggestions_are_capped_best_first_and_written_in_bulk(make_commitment, monkeypatch):
    commitments = [make_commitment(quote=f"The sides will do thing {i}.", title=f"Thing {i}") for i in range(4)]
    article = Article.objects.create(
        url="https://news.example.org/a",
        title="Report",
        text="Text.",
        origin="url",
        published_on=datetime.date(2020, 1, 1),
    )
    monkeypatch.setattr(pipeline, "MAX_SUGGESTIONS_PER_ARTICLE", 7)
    cards = _cards(commitments, passages=3)  # 12 links

    with CaptureQueriesContext(connection) as few:
        pipeline._store_suggestions(article, cards[:1])
    Suggestion.objects.all().delete()
    with CaptureQueriesContext(connection) as many:
        pipeline._store_suggestions(article, cards)
    assert len(many) == len(few), "one bulk insert, whatever the number of suggestions"

    stored = list(Suggestion.objects.filter(article=article).values_list("start", "rank", "commitment_id"))
    assert len(stored) == 7
    assert {(start, rank) for start, rank, _ in stored} >= {(0, 0), (100, 0), (200, 0)}, "each passage's best first"
    ids = Suggestion.objects.filter(article=article).values("pk")
    assert Suggestion.history.filter(id__in=ids, history_type="+").count() == 7, "with their history"

    pipeline._store_suggestions(article, cards)
    assert Suggestion.objects.filter(article=article).count() == 7, "storing again adds nothing"
