"""The commitments an article is read against for evidence come from indexes: of the parties it
names (a probe on the links), those sharing one of its topics first, then the newest, at most
`MAX_EVIDENCE_COMMITMENTS`; not the newest of the parties whatever they are about."""

import datetime

import pytest

from tracker.commitments.models import Topic
from tracker.ingest import pipeline
from tracker.ingest.database_lexicon import lexicon_from_database
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "China and the United States said on Monday that two fugitives were repatriated "
    "under the agreement on the return of fugitives."
)


def test_the_commitments_on_the_articles_topic_come_first(make_commitment, monkeypatch):
    cyber = Topic.objects.get(key="cybersecurity")
    fugitives = Topic.objects.get(key="repatriation/fugitives")
    on_topic = make_commitment(
        quote="The two sides will repatriate fugitives.", topics=[fugitives], made_on=datetime.date(2016, 1, 1)
    )
    newer = [
        make_commitment(quote=f"The two sides will meet on cyber incidents {i}.", topics=[cyber]) for i in range(3)
    ]
    article = Article.objects.create(
        url="https://news.example.org/later", title="Fugitives returned", text=TEXT, origin="url",
        published_on=datetime.date(2020, 1, 1),
    )  # fmt: skip
    lexicon = lexicon_from_database()
    assert "repatriation/fugitives" in lexicon.topics_for(TEXT)

    monkeypatch.setattr(pipeline, "MAX_EVIDENCE_COMMITMENTS", 2)
    chosen = pipeline._commitment_infos(
        pipeline._evidence_commitments(article, TEXT, lexicon, include_drafts=False),
        topics=lexicon.topics_for(TEXT),
        limit=pipeline.MAX_EVIDENCE_COMMITMENTS,
    )
    assert [c.id for c in chosen] == [on_topic.pk, max(newer, key=lambda c: (c.made_on, c.pk)).pk]

    without_topic = pipeline._commitment_infos(
        pipeline._evidence_commitments(article, TEXT, lexicon, include_drafts=False), limit=2
    )
    assert on_topic.pk not in [c.id for c in without_topic], "newest first, when the article names no topic"
