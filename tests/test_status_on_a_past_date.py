"""Status on a date comes from the assessment log alone: the latest assessment whose as_of is
on or before the date, with corrections replacing what they correct, whatever the order in
which assessments were recorded."""

import datetime

import pytest

from tracker.commitments import actions
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def history(commitment, erin, china):
    """Recorded out of order: the 2019 assessment first, then 2018's, then a correction of 2018's."""
    record = actions.record_assessment
    later = record(commitment=commitment, status=Status.FULFILLED, as_of=D(2019, 5, 1), rationale="Done.", author=erin)
    earlier = record(
        commitment=commitment, status=Status.IN_PROGRESS, as_of=D(2018, 3, 1), rationale="Started.", author=erin
    )
    corrected = actions.correct_assessment(
        assessment=earlier,
        status=Status.NOT_STARTED,
        as_of=D(2018, 3, 1),
        rationale="Nothing had started.",
        reason="The March report was about another case.",
        author=erin,
    )
    party = record(
        commitment=commitment,
        party=china,
        status=Status.STALLED,
        as_of=D(2018, 9, 1),
        rationale="China paused.",
        author=erin,
    )
    return later, earlier, corrected, party


def test_before_any_assessment_the_commitment_is_not_assessed(commitment, history):
    assert commitment.status_on(D(2018, 2, 28)) == Status.NOT_ASSESSED


def test_a_corrected_assessment_is_replaced_by_its_correction(commitment, history):
    assert commitment.status_on(D(2018, 3, 1)) == Status.NOT_STARTED
    assert commitment.status_on(D(2018, 12, 31)) == Status.NOT_STARTED


def test_an_assessment_recorded_earlier_but_dated_later_applies_from_its_date(commitment, history):
    assert commitment.status_on(D(2019, 4, 30)) == Status.NOT_STARTED
    assert commitment.status_on(D(2019, 5, 1)) == Status.FULFILLED


def test_party_lanes_are_separate_from_the_whole(commitment, history, china, united_states):
    assert commitment.status_on(D(2018, 8, 31), party=china) == Status.NOT_ASSESSED
    assert commitment.status_on(D(2018, 9, 1), party=china) == Status.STALLED
    assert commitment.status_on(D(2018, 9, 1), party=united_states) == Status.NOT_ASSESSED
    by_party = commitment.current_status_by_party(D(2018, 9, 1))
    assert by_party == {china: Status.STALLED, united_states: Status.NOT_ASSESSED}


def test_the_denormalised_current_status_follows_the_latest_effective_assessment(commitment, history):
    commitment.refresh_from_db()
    assert commitment.current_status == Status.FULFILLED
    assert commitment.current_status_as_of == D(2019, 5, 1)


def test_the_history_keeps_every_row_in_order_of_as_of(commitment, history):
    later, earlier, corrected, party = history
    assert list(commitment.history_log()) == [earlier, corrected, party, later]
