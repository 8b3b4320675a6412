"""A later article that reports concrete progress is proposed as evidence for the commitment it
bears on, ranked above generic cooperation language; candidates that repeat a commitment
already tracked are linked to it instead of proposed as new."""

import datetime

import pytest

from tests.texts import DIALOGUE_REPORT, FOLLOW_UP_REPORT
from tracker.ingest import decisions, pipeline
from tracker.ingest.models import Article, Candidate, Suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def repatriation(make_commitment):
    return make_commitment(
        quote="China and the United States consented to develop a process to repatriate illegal immigrants and "
        "fugitives, issuing travel documents within 30 days of verification.",
    )


def test_a_report_of_a_hand_over_ranks_first_for_the_repatriation_commitment(repatriation, run):
    article, _ = run(
        pipeline.import_article, text=FOLLOW_UP_REPORT, kind="news", published_on=datetime.date(2018, 5, 2)
    )
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED, article.error
    suggestions = list(Suggestion.objects.filter(commitment=repatriation).order_by("-score"))
    assert suggestions, "no evidence was suggested"
    assert "handed over two criminal suspects" in suggestions[0].passage
    assert suggestions[0].proposed_status == "in_progress"
    generic = [s for s in suggestions if "strengthen cooperation" in s.passage]
    assert all(s.score < suggestions[0].score for s in generic)


def test_an_article_published_before_the_commitment_is_not_evidence(repatriation, run):
    run(pipeline.import_article, text=FOLLOW_UP_REPORT, published_on=datetime.date(2016, 5, 2))
    assert not Suggestion.objects.exists()


def test_accepting_a_suggestion_creates_evidence_archived_with_the_article(repatriation, erin, run):
    run(pipeline.import_article, text=FOLLOW_UP_REPORT, published_on=datetime.date(2018, 5, 2))
    suggestion = Suggestion.objects.filter(commitment=repatriation).order_by("-score").first()
    evidence = decisions.accept_suggestion(
        suggestion=suggestion,
        reviewer=erin,
        status="in_progress",
        as_of=datetime.date(2018, 5, 2),
        rationale="Two suspects handed over.",
    )
    assert evidence.article == suggestion.article
    assert evidence.article.content_hash
    repatriation.refresh_from_db()
    assert repatriation.current_status == "in_progress"
    assessment = repatriation.assessments.get()
    assert list(assessment.evidence.all()) == [evidence]


def test_a_candidate_repeating_a_tracked_commitment_is_linked_to_it(meeting, erin, run):
    first, _ = run(pipeline.import_article, text=DIALOGUE_REPORT, meeting=meeting)
    hotline = Candidate.objects.get(article=first, quote__contains="hotline")
    commitment = decisions.accept_candidate(candidate=hotline, reviewer=erin)

    other_side = (
        "WASHINGTON, March 15 -- At the Example Law Enforcement Dialogue, China and the United States agreed "
        "to set up a hotline for urgent cyber-crime cases before the end of June, officials said."
    )
    second, _ = run(pipeline.import_article, text=other_side, meeting=meeting, kind="readout")
    repeat = Candidate.objects.get(article=second, quote__contains="hotline")
    assert repeat.duplicate_of == commitment
    decisions.merge_candidate(candidate=repeat, commitment=commitment, reviewer=erin)
    assert commitment.sources.filter(article=second).exists()
