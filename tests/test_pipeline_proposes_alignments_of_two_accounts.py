"""When the other side's account of a meeting arrives, the pipeline proposes which of its
commitments are the first account's pledges (across languages); an editor's confirmation makes ONE
commitment with both readouts as sources, a rejection leaves both sentences their own."""

import pytest
from django.core.exceptions import ValidationError

from tests import test_readout_fixtures as rx
from tracker.commitments import actions
from tracker.commitments.models import Alignment, Commitment, CommitmentSource
from tracker.ingest import pipeline
from tracker.ingest.alignments import confirm_alignment
from tracker.ingest.models import Candidate

pytestmark = pytest.mark.django_db

summit, accounts, pair = rx.summit, rx.accounts, rx.pair


def test_the_second_account_gets_proposals_across_languages(accounts):
    us, cn = accounts
    proposals = Alignment.objects.proposed()
    assert {(a.candidate_a.article_id, a.candidate_b.article_id) for a in proposals} == {(us.pk, cn.pk)}
    assert pair("military", "两军").relation == "same"
    assert pair("narcotics", "禁毒").relation == "same"
    flights = pair("flights", "航班")
    assert flights.relation == "b_stronger"
    assert "work towards" in flights.cues_a and "同意" in flights.cues_b
    # The AI dialogue is the Chinese account's alone: nothing of the US readout is proposed for it.
    assert not Alignment.objects.filter(candidate_b__quote__contains="人工智能").exists()


def test_analysing_again_proposes_nothing_new(accounts):
    us, cn = accounts
    before = Alignment.objects.count()
    pipeline.propose_alignments(cn.pk)
    pipeline.propose_alignments(us.pk)
    assert Alignment.objects.count() == before


def test_confirming_makes_one_commitment_with_both_readouts_as_sources(accounts, erin):
    us, cn = accounts
    military = pair("military", "两军")
    commitment = confirm_alignment(alignment=military, reviewer=erin, publish=True)
    assert Commitment.objects.count() == 1
    assert set(CommitmentSource.objects.filter(commitment=commitment).values_list("article", flat=True)) == {
        us.pk,
        cn.pk,
    }
    assert set(Candidate.objects.filter(commitment=commitment).values_list("state", flat=True)) == {
        "accepted",
        "merged",
    }
    military.refresh_from_db()
    assert military.state == "confirmed" and military.commitment == commitment and commitment.is_published
    with pytest.raises(ValidationError):
        confirm_alignment(alignment=military, reviewer=erin)


def test_a_change_of_relation_is_kept_on_confirmation(accounts, erin):
    flights = pair("flights", "航班")
    actions.change_alignment(alignment=flights, reviewer=erin, relation="same")
    confirm_alignment(alignment=flights, reviewer=erin)
    flights.refresh_from_db()
    assert flights.relation == "same" and flights.state == "confirmed"


def test_a_rejection_needs_a_reason_and_creates_nothing(accounts, erin):
    narcotics = pair("narcotics", "禁毒")
    with pytest.raises(ValidationError):
        actions.reject_alignment(alignment=narcotics, reviewer=erin, reason=" ")
    actions.reject_alignment(alignment=narcotics, reviewer=erin, reason="Different groups")
    narcotics.refresh_from_db()
    assert narcotics.state == "rejected" and narcotics.commitment is None
    assert not Commitment.objects.exists()
