"""The pipeline's evidence step reads a later article once: each passage that reports on a
published commitment becomes one card (the best commitment first, alternatives ranked after it)
with its proposed status; a restated pledge becomes a proposed lineage link with no status; a
passage that only reports what was done is not also proposed as a new commitment; draft
commitments get evidence only when the editor asks; reading again adds nothing."""

import datetime

import pytest

from tracker.ingest import pipeline
from tracker.ingest.models import Article, Candidate, Suggestion

pytestmark = pytest.mark.django_db

LATER = """WASHINGTON, May 2 -- China and the United States held the second meeting of the Counternarcotics
Working Group in Washington on May 1.

The U.S. handed over two criminal suspects to China in April, officials said.

The two sides reaffirmed their commitment to repatriate fugitives within 30 days.

Customs officials of China and the United States opened the joint liaison office for customs fraud in Shanghai.
"""


@pytest.fixture
def tracked(make_commitment):
    return {
        "working_group": make_commitment(
            quote="The two sides agreed to establish a working group on counternarcotics coordination."
        ),
        "repatriation": make_commitment(quote="The two sides will repatriate fugitives within 30 days."),
        "office": make_commitment(
            quote="China and the United States will open a joint liaison office for customs fraud.", publish=False
        ),
    }


@pytest.fixture
def article(tracked, run):
    article, _ = run(pipeline.import_article, text=LATER, kind="news", published_on=datetime.date(2018, 5, 2))
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED, article.error
    return article


def test_a_reported_meeting_is_evidence_for_the_mechanism_with_its_status(article, tracked):
    [card] = Suggestion.objects.filter(article=article, passage__contains="Counternarcotics Working Group")
    assert card.commitment == tracked["working_group"]
    assert (card.kind, card.rank, card.proposed_status) == (Suggestion.Kind.EVIDENCE, 0, "in_progress")


def test_a_handover_is_evidence_and_not_a_new_commitment(article, tracked):
    [card] = Suggestion.objects.filter(article=article, passage__contains="handed over")
    assert card.commitment == tracked["repatriation"] and card.proposed_status == "in_progress"
    assert not Candidate.objects.filter(article=article, quote__contains="handed over").exists()


def test_a_restated_pledge_is_a_lineage_proposal_without_a_status(article, tracked):
    [card] = Suggestion.objects.filter(article=article, passage__contains="reaffirmed")
    assert card.kind == Suggestion.Kind.RESTATEMENT
    assert card.commitment == tracked["repatriation"] and card.proposed_status == ""


def test_drafts_get_evidence_only_when_the_editor_asks_and_reading_again_adds_nothing(article, tracked):
    assert not Suggestion.objects.filter(commitment=tracked["office"]).exists()
    before = Suggestion.objects.count()

    pipeline.suggest_evidence(article.pk)  # again, as the pipeline did: nothing new
    assert Suggestion.objects.count() == before

    pipeline.suggest_evidence(article.pk, include_drafts=True)
    [card] = Suggestion.objects.filter(commitment=tracked["office"])
    assert card.proposed_status == "fulfilled" and "opened the joint liaison office" in card.passage
    article.refresh_from_db()
    assert article.metadata[pipeline.EVIDENCE_FOR_DRAFTS] is True
    assert Suggestion.objects.count() == before + 1
