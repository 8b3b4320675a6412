"""The scorecards read counts ({status: n}) from the summary rows; their compliance score is the
one `ComplianceScore` gives for the same statuses spelled out one by one."""

import pytest

from tracker.commitments.status import ComplianceScore, Status
from tracker.public.scorecards import score_of_counts


@pytest.mark.parametrize(
    "counts",
    [
        {},
        {Status.NOT_ASSESSED: 4},
        {Status.FULFILLED: 3, Status.BROKEN: 1},
        {Status.FULFILLED: 7, Status.PARTIAL: 2, Status.STALLED: 5, Status.NO_INFORMATION: 9, Status.IN_PROGRESS: 0},
    ],
)
def test_the_score_of_counts_is_the_score_of_the_statuses(counts):
    spelled = ComplianceScore(status for status, n in counts.items() for _ in range(n))
    score = score_of_counts(counts)
    assert (score.mean, score.scored, score.percent) == (spelled.mean, spelled.scored, spelled.percent)
