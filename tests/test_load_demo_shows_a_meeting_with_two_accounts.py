"""`load_demo` also loads one meeting with both sides' accounts (texts of its own when the labelled
pairs are not beside the checkout): its alignments confirmed, its page public, twice the same."""

import pytest
from django.urls import reverse

from tracker.commitments.models import Alignment, Commitment, CommitmentSource
from tracker.demo import dialogue as demo
from tracker.demo.meeting import ILLUSTRATIVE
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db


def test_the_demo_meeting_has_two_accounts_and_confirmed_pairs(reference_data, run, client):
    run(demo.load, use_shared=False, log=lambda *a: None)
    accounts = Article.objects.filter(meeting__slug=ILLUSTRATIVE["slug"])
    assert sorted(a.issuing_party.code for a in accounts) == ["cn", "us"]
    confirmed = Alignment.objects.filter(meeting__slug=ILLUSTRATIVE["slug"]).confirmed()
    assert confirmed.count() >= 2
    for alignment in confirmed:
        sources = CommitmentSource.objects.filter(commitment=alignment.commitment)
        assert {s.article_id for s in sources} == {a.pk for a in accounts}
    response = client.get(reverse("public:meeting_detail", args=[ILLUSTRATIVE["slug"]]))
    assert response.status_code == 200
    assert "appear in both" in response.context["comparison"].summary

    before = (Commitment.objects.count(), Alignment.objects.count(), Article.objects.count())
    run(demo.load, use_shared=False, log=lambda *a: None)
    assert (Commitment.objects.count(), Alignment.objects.count(), Article.objects.count()) == before
