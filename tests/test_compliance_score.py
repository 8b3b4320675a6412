"""The compliance score per party (G20 Research Group style): fulfilled +1; partial and in
progress 0; not started, stalled, broken -1; not assessed and no information left out. Shown
as the mean and as a percentage, (mean + 1) / 2."""

import datetime

import pytest

from tracker.commitments import actions
from tracker.commitments.models import Commitment, compliance_by_party
from tracker.commitments.status import ComplianceScore, Status

D = datetime.date


def test_the_score_of_a_list_of_statuses_follows_the_formula():
    score = ComplianceScore(
        [
            Status.FULFILLED,
            Status.PARTIAL,
            Status.IN_PROGRESS,
            Status.BROKEN,
            Status.NOT_ASSESSED,
            Status.NO_INFORMATION,
        ]
    )
    assert score.scored == 4
    assert score.mean == pytest.approx(0.0)
    assert score.percent == pytest.approx(50.0)


def test_no_scored_status_gives_no_score_rather_than_zero():
    score = ComplianceScore([Status.NOT_ASSESSED, Status.NO_INFORMATION])
    assert score.mean is None and score.percent is None and score.scored == 0


@pytest.mark.django_db
def test_a_worked_example_per_party(make_commitment, china, united_states, erin):
    """Three joint commitments and one of the United States alone.

    China:         fulfilled (own lane), stalled (own lane), partial (from the whole) -> (1 - 1 + 0) / 3 = 0
    United States: fulfilled (whole), in progress (own lane), partial (whole), fulfilled (own) -> 2 / 4 = 0.5
    """
    first = make_commitment(quote="The two sides will hold talks.")
    second = make_commitment(quote="The two sides will exchange data.")
    third = make_commitment(quote="The two sides will open offices.")
    fourth = make_commitment(quote="The United States will train officers.", parties=[united_states])

    def record(commitment, status, party=None, as_of=None):
        as_of = as_of or D(2018, 6, 1)
        actions.record_assessment(
            commitment=commitment, party=party, status=status, as_of=as_of, rationale="Worked example.", author=erin
        )

    record(first, Status.FULFILLED)
    record(first, Status.FULFILLED, party=china)
    record(second, Status.IN_PROGRESS, party=united_states)
    record(second, Status.STALLED, party=china)
    record(third, Status.PARTIAL)
    record(fourth, Status.FULFILLED, party=united_states)
    # A later assessment is ignored when scoring an earlier date.
    record(third, Status.BROKEN, as_of=D(2019, 1, 1))

    scores = compliance_by_party(Commitment.objects.all(), D(2018, 12, 31))
    assert scores[china].mean == pytest.approx(0.0)
    assert scores[china].scored == 3
    assert scores[united_states].mean == pytest.approx(0.5)
    assert scores[united_states].percent == pytest.approx(75.0)

    later = compliance_by_party(Commitment.objects.all(), D(2019, 1, 1))
    assert later[china].mean == pytest.approx(-1 / 3)  # third is now broken: (1 - 1 - 1) / 3
