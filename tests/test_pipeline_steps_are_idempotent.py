"""Each step claims its article first: a task delivered twice does the work once, and a claim
whose worker died (its lease ran out) is taken over."""

import datetime

import pytest
from django.utils import timezone

from tests.texts import DIALOGUE_REPORT
from tracker.ingest import pipeline
from tracker.ingest.models import Article, Candidate

pytestmark = pytest.mark.django_db


def pasted(**fields):
    return Article.objects.create(
        origin="paste",
        raw=DIALOGUE_REPORT.encode(),
        raw_content_type="text/plain",
        state=Article.State.FETCHED,
        **fields,
    )


def test_analysing_twice_proposes_each_candidate_once(reference_data):
    article = pasted()
    assert pipeline.analyse(article.pk).outcome is pipeline.Outcome.DONE
    count = Candidate.objects.count()
    assert count > 0
    assert pipeline.analyse(article.pk).outcome is pipeline.Outcome.SKIPPED
    assert Candidate.objects.count() == count


def test_a_live_claim_of_another_worker_is_left_alone(reference_data):
    article = pasted()
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.ANALYSING, lease_until=timezone.now() + datetime.timedelta(minutes=5)
    )
    result = pipeline.analyse(article.pk)
    assert result.outcome is pipeline.Outcome.BUSY
    assert 200 < result.retry_after <= 300
    assert not Candidate.objects.exists()


def test_a_claim_whose_lease_ran_out_is_taken_over(reference_data):
    article = pasted()
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.ANALYSING, lease_until=timezone.now() - datetime.timedelta(seconds=1), attempts=1
    )
    assert pipeline.analyse(article.pk).outcome is pipeline.Outcome.DONE
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED and article.attempts == 2


def test_stalled_articles_are_put_back_in_the_queue(reference_data, run):
    article = pasted()
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.ANALYSING, lease_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert run(pipeline.requeue_stalled) == 1
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED  # the eager task ran it to the end


def test_unknown_articles_are_skipped(db):
    assert pipeline.analyse(987654).outcome is pipeline.Outcome.SKIPPED
    assert pipeline.fetch_article(987654).outcome is pipeline.Outcome.SKIPPED
