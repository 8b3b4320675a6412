"""The scale generator writes the denormalised status exactly as recording its log would have.

Given a small generated tracker, every commitment's `current_status` / `current_status_as_of`
is what the log says today, and replaying a commitment's log through `record_assessment` (each
row at the moment it was recorded) leaves the same three derived columns, corrections included.
"""

from __future__ import annotations

import time_machine
from django.db.models import Count
from django.utils import timezone

from tracker.commitments.actions import create_commitment, record_assessment
from tracker.commitments.models import Assessment, Commitment, Dialogue, Meeting
from tracker.commitments.status import Status, headline, headline_steps
from tracker.demo import scale_data


def _generate(**sizes):
    return scale_data.generate(**{"dialogues": 4, "meetings": 12, **sizes})


def test_it_generates_the_sizes_asked_for_with_realistic_spread(reference_data):
    result = _generate(commitments=400, assessments=1200)

    assert (result.commitments_total, result.assessments_total) == (400, 1200)
    assert Commitment.objects.count() == 400
    assert Assessment.objects.count() == 1200
    assert Dialogue.objects.count() == 4 and Meeting.objects.count() == 12
    assert 0.85 < Commitment.objects.published().count() / 400 < 1.0
    assert not Assessment.objects.filter(is_demonstration=True).exists()
    per_commitment = sorted(
        Commitment.objects.annotate(n=Count("assessments")).values_list("n", flat=True), reverse=True
    )
    assert per_commitment[-1] == 0, "some commitments are never assessed"
    assert per_commitment[0] >= 4 * 3, "assessments are skewed: some commitments have many"
    assert Assessment.objects.filter(party__isnull=True).exists()
    assert Assessment.objects.filter(party__isnull=False).exists()
    assert Assessment.objects.filter(supersedes__isnull=False).exists(), "a few corrections"
    years = {d.year for d in Assessment.objects.values_list("as_of", flat=True)}
    assert len(years) >= 6, "assessments spread over the decade"


def test_the_denormalised_status_is_what_the_log_says_today(reference_data):
    _generate(commitments=300, assessments=900)

    rules = set()
    for commitment in Commitment.objects.prefetch_related("parties", "status_steps"):
        log = list(commitment.assessments.effective())
        party_ids = [p.pk for p in commitment.parties.all()]
        expected = headline(log, party_ids)
        rules.add(expected.rule)
        assert commitment.current_status == expected.status == commitment.status_on(timezone.localdate())
        assert commitment.current_status_as_of == expected.since
        steps = [(s.since, s.status) for s in commitment.status_steps.all()]
        assert steps == [(day, h.status) for day, h in headline_steps(log, party_ids)]
        if not log:
            assert commitment.current_status == Status.NOT_ASSESSED
            assert commitment.status_changed_at is None
    assert {"whole", "party", "roll-up", "none"} <= rules, "every rule of the headline is exercised"


def test_replaying_a_log_through_record_assessment_leaves_the_same_derived_columns(reference_data):
    _generate(commitments=300, assessments=900)
    corrected = Commitment.objects.filter(assessments__supersedes__isnull=False).distinct()[:6]
    busy = Commitment.objects.annotate(n=Count("assessments")).order_by("-n")[:6]
    samples = {c.pk: c for c in [*corrected, *busy]}.values()
    assert len(samples) >= 6

    for generated in samples:
        replay = create_commitment(
            parties=list(generated.parties.all()),
            topics=list(generated.topics.all()),
            reference=f"REPLAY-{generated.pk}",
            meeting=generated.meeting,
            quote=generated.quote,
            made_on=generated.made_on,
        )
        copies: dict[int, Assessment] = {}
        for row in generated.assessments.order_by("recorded_at"):
            with time_machine.travel(row.recorded_at, tick=False):
                copies[row.pk] = record_assessment(
                    commitment=replay,
                    party=row.party,
                    status=row.status,
                    as_of=row.as_of,
                    rationale=row.rationale,
                    supersedes=copies[row.supersedes_id] if row.supersedes_id else None,
                    correction_reason=row.correction_reason,
                )
        replay.refresh_from_db()

        assert (replay.current_status, replay.current_status_as_of, replay.status_changed_at) == (
            generated.current_status,
            generated.current_status_as_of,
            generated.status_changed_at,
        )
