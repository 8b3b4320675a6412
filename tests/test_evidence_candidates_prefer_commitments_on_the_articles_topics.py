"""The commitments an article is read against for evidence come from indexes: of the parties it
names (all of theirs named), those sharing one of its distinctive words (full text) first, then
one of its topics, then the newest, at most `MAX_EVIDENCE_COMMITMENTS`; not the newest of the
parties whatever they are about."""

import datetime

import pytest

from tracker.commitments.models import Party, Topic
from tracker.ingest import pipeline
from tracker.ingest.database_lexicon import lexicon_from_database
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "China and the United States said on Monday that two fugitives were repatriated "
    "under the agreement on the return of fugitives."
)


def _article(text: str = TEXT, title: str = "Fugitives returned") -> Article:
    return Article.objects.create(
        url="https://news.example.org/later", title=title, text=text, origin="url",
        published_on=datetime.date(2020, 1, 1),
    )  # fmt: skip


def test_the_commitments_sharing_the_articles_words_or_topics_come_first(make_commitment, monkeypatch):
    cyber = Topic.objects.get(key="cybersecurity")
    fugitives = Topic.objects.get(key="repatriation/fugitives")
    on_words = make_commitment(
        quote="The two sides will repatriate fugitives.", topics=[fugitives], made_on=datetime.date(2016, 1, 1)
    )
    on_topic = make_commitment(quote="The two sides will hand over suspects.", topics=[fugitives])
    newer = [
        make_commitment(quote=f"The two sides will meet on cyber incidents {i}.", topics=[cyber]) for i in range(3)
    ]
    lexicon = lexicon_from_database()
    assert "repatriation/fugitives" in lexicon.topics_for(TEXT)

    newest = max(newer, key=lambda c: (c.made_on, c.pk))
    monkeypatch.setattr(pipeline, "MAX_EVIDENCE_COMMITMENTS", 3)
    chosen = [c.id for c in pipeline.evidence_candidates(_article(), TEXT, lexicon)]
    assert chosen == [on_words.pk, on_topic.pk, newest.pk], "its words first, then its topics, then the newest"

    monkeypatch.setattr(pipeline, "MAX_EVIDENCE_COMMITMENTS", 1)
    assert [c.id for c in pipeline.evidence_candidates(_article(), TEXT, lexicon)] == [on_words.pk]


def test_a_commitment_of_a_party_the_article_does_not_name_is_not_read(make_commitment):
    fugitives = Topic.objects.get(key="repatriation/fugitives")
    third = Party.objects.exclude(name__in=["China", "United States"]).first()
    theirs = make_commitment(quote="The three sides will repatriate fugitives.", topics=[fugitives])
    theirs.parties.add(third)
    ours = make_commitment(quote="The two sides will repatriate fugitives.", topics=[fugitives])
    chosen = [c.id for c in pipeline.evidence_candidates(_article(), TEXT, lexicon_from_database())]
    assert chosen == [ours.pk]


def test_an_article_without_english_words_is_read_against_the_newest_after_its_topics(make_commitment):
    cyber = Topic.objects.get(key="cybersecurity")
    older = make_commitment(quote="The two sides will meet on cyber incidents.", topics=[cyber],
                            made_on=datetime.date(2015, 1, 1))  # fmt: skip
    newest = make_commitment(quote="The two sides will open consulates.", made_on=datetime.date(2019, 1, 1))
    text = "中美双方同意继续合作。"
    chosen = [c.id for c in pipeline.evidence_candidates(_article(text, title=""), text, lexicon_from_database())]
    assert chosen == [newest.pk, older.pk]
