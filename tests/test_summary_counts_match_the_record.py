"""The summary rows the public pages count with (`commitments.summaries`: per meeting, published
commitments by headline status, by each party's status, and open ones by deadline) say what the
assessment log says, after every verb that can change them: recording and correcting an
assessment, changing parties, moving a commitment to another meeting, publishing, unpublishing,
deleting; and the rebuild writes the same rows."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from tracker.commitments import actions, summaries
from tracker.commitments.models import Commitment, Meeting
from tracker.commitments.status import CLOSED, Status, headline, party_status

pytestmark = pytest.mark.django_db

D = datetime.date


def from_the_log():
    """The three kinds of rows, counted from each published commitment's log by the status rules."""
    statuses, parties, deadlines = {}, {}, {}
    today = datetime.date.today()
    for c in Commitment.objects.published().prefetch_related("parties"):
        log = list(c.assessments.effective().as_of(today))
        party_ids = [p.pk for p in c.parties.all()]
        whole = headline(log, party_ids)
        key = (c.meeting_id, whole.status, whole.is_demonstration)
        statuses[key] = statuses.get(key, 0) + 1
        for party_id in party_ids:
            own, _ = party_status(log, party_id, party_ids)
            key = (party_id, c.meeting_id, own.status, own.is_demonstration)
            parties[key] = parties.get(key, 0) + 1
        if c.deadline and whole.status not in CLOSED:
            key = (c.meeting_id, c.deadline)
            deadlines[key] = deadlines.get(key, 0) + 1
    return (
        sorted((*k, n) for k, n in statuses.items()),
        sorted((*k, n) for k, n in parties.items()),
        sorted((*k, n) for k, n in deadlines.items()),
    )


def check():
    assert summaries.stored() == from_the_log()


@pytest.fixture
def second_meeting(meeting, china, united_states):
    other = Meeting.objects.create(
        dialogue=meeting.dialogue, title="Second round", slug="test-led-2018", date=D(2018, 3, 1)
    )
    other.parties.set([china, united_states])
    return other


def test_every_verb_keeps_the_counts(make_commitment, erin, china, united_states, second_meeting):
    # Given two published commitments and a draft
    both = make_commitment(title="Both sides", deadline=D(2018, 1, 1))
    alone = make_commitment(title="China alone", parties=[china], deadline=D(2019, 6, 30))
    draft = make_commitment(title="Draft", publish=False)
    check()
    assert summaries.status_counts() == ({Status.NOT_ASSESSED: 2}, 0)
    # When statuses are recorded, per party and overall, a demonstration one among them
    actions.record_assessment(
        commitment=both, party=china, status=Status.IN_PROGRESS, as_of=D(2018, 1, 1), rationale="C.", author=erin
    )
    first = actions.record_assessment(
        commitment=both, status=Status.FULFILLED, as_of=D(2018, 2, 1), rationale="Whole.", author=erin
    )
    actions.record_assessment(
        commitment=alone, status=Status.STALLED, as_of=D(2018, 2, 1), rationale="Demo.", is_demonstration=True
    )
    actions.record_assessment(commitment=draft, status=Status.BROKEN, as_of=D(2018, 2, 1), rationale="Draft.")
    check()
    assert summaries.overdue_count(D(2020, 1, 1)) == 1, "the closed one is not overdue, the stalled one is"
    # ...a correction reopens one
    actions.correct_assessment(
        assessment=first, status=Status.NOT_STARTED, as_of=D(2018, 2, 1), rationale="No.", reason="Wrong.", author=erin
    )
    check()
    assert summaries.overdue_count(D(2020, 1, 1)) == 2
    # ...parties change, a commitment moves to another meeting, its deadline changes (the editor
    # edits a commitment as read from the database: update_commitment saves every field)
    both.refresh_from_db()
    alone.refresh_from_db()
    actions.update_commitment(commitment=alone, parties=[china, united_states], author=erin)
    check()
    actions.update_commitment(commitment=both, meeting=second_meeting, deadline=D(2030, 1, 1), author=erin)
    check()
    alone.parties.remove(united_states)
    check()
    # ...publication changes, a draft is deleted
    actions.unpublish_commitment(commitment=both, author=erin)
    check()
    actions.publish_commitment(commitment=draft, author=erin)
    check()
    actions.publish_commitment(commitment=both, author=erin)
    actions.unpublish_commitment(commitment=draft, author=erin)
    spare = make_commitment(title="Spare", publish=True)
    check()
    spare.delete()
    check()
    # Then the counts the pages show are those of the log
    counts, demo = summaries.status_counts()
    assert sum(counts.values()) == Commitment.objects.published().count() == 2
    assert demo == 1
    cards = {row[0]: row for row in summaries.party_counts(party=china)}
    assert sum(row[2] for row in summaries.party_counts(party=china)) == 2, cards


def test_the_rebuild_writes_the_same_rows(make_commitment, erin, china):
    kept = make_commitment(title="Kept")
    actions.record_assessment(commitment=kept, status=Status.PARTIAL, as_of=D(2018, 1, 1), rationale="P.")
    make_commitment(title="Other", parties=[china], deadline=D(2018, 5, 1))
    before = summaries.stored()
    summaries.rebuild()
    assert summaries.stored() == before == from_the_log()
    call_command("rebuild_summaries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert summaries.stored() == before


def test_a_wrong_row_is_caught_by_the_check(make_commitment):
    # The check above can fail: a tally off by one differs from the log
    make_commitment(title="Counted")
    from tracker.commitments.models import StatusTally

    row = StatusTally.objects.get()
    StatusTally.objects.filter(pk=row.pk).update(n=row.n + 1)
    assert summaries.stored() != from_the_log()
