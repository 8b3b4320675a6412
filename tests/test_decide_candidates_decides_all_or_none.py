"""`ingest.decisions.decide_candidates` is the verb behind the inbox's bulk review: keyword-only,
every ticked candidate accepted (or rejected with the one reason), or, if any one is refused, none,
with every refusal named."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Commitment
from tracker.ingest.decisions import decide_candidates
from tracker.ingest.models import Review

world = fixtures.world


def test_the_arguments_are_keyword_only(db):
    with pytest.raises(TypeError):
        decide_candidates([], True, None)


def test_accepting_several_accepts_each_one(erin, world):
    candidates = [world.working_group, world.hotline]

    assert decide_candidates(candidates=candidates, accept=True, reviewer=erin) == 2

    assert set(world.statement.candidates.values_list("state", "reviewer")) == {(Review.ACCEPTED, erin.pk)}
    assert Commitment.objects.filter(candidates__in=candidates).count() == 2


def test_rejecting_needs_a_reason_and_records_it_on_each(erin, world):
    candidates = [world.working_group, world.hotline]
    with pytest.raises(ValidationError, match="Give a reason"):
        decide_candidates(candidates=candidates, accept=False, reviewer=erin, reason="  ")
    assert world.statement.candidates.filter(state=Review.PENDING).count() == 2

    decide_candidates(candidates=candidates, accept=False, reviewer=erin, reason="Not commitments")

    assert set(world.statement.candidates.values_list("state", "rejection_reason")) == {
        (Review.REJECTED, "Not commitments")
    }


def test_one_refusal_writes_nothing_and_is_named(erin, world):
    world.hotline.parties.clear()  # no committing party: it cannot be accepted as proposed

    with pytest.raises(ValidationError) as refused:
        decide_candidates(candidates=[world.working_group, world.hotline], accept=True, reviewer=erin)

    assert len(refused.value.messages) == 1
    assert world.hotline.quote[:60] in refused.value.messages[0]
    assert world.statement.candidates.filter(state=Review.PENDING).count() == 2
    assert not Commitment.objects.filter(candidates__isnull=False).exists()


def test_a_candidate_decided_meanwhile_is_refused(erin, world):
    decide_candidates(candidates=[world.hotline], accept=False, reviewer=erin, reason="Too vague")

    with pytest.raises(ValidationError, match="already rejected"):
        decide_candidates(candidates=[world.working_group, world.hotline], accept=True, reviewer=erin)

    world.working_group.refresh_from_db()
    assert world.working_group.state == Review.PENDING


def test_nothing_ticked_is_refused(erin, db):
    with pytest.raises(ValidationError, match="at least one"):
        decide_candidates(candidates=[], accept=True, reviewer=erin)
