"""`PartyStatus` (each committing party's status today) is what the log says by `status.party_status`,
whoever wrote it: `record_assessment` (corrections and a change of parties included), the scale
generator, and the rebuild from the log; and the scorecards read from it count what the log says."""

from __future__ import annotations

import datetime

from django.core.management import call_command

from tracker.commitments import actions, party_status
from tracker.commitments.models import Commitment, Dialogue, PartyStatus
from tracker.commitments.status import Status
from tracker.commitments.status import party_status as rule
from tracker.demo import scale_data
from tracker.public.scorecards import party_scorecards

D = datetime.date


def _expected(commitment) -> dict:
    log = list(commitment.assessments.effective())
    party_ids = [p.pk for p in commitment.parties.all()]
    out = {}
    for party_id in party_ids:
        status, inherited = rule(log, party_id, party_ids)
        out[party_id] = (status.status, status.since, inherited)
    return out


def _stored(commitment) -> dict:
    rows = PartyStatus.objects.filter(commitment=commitment)
    return {r.party_id: (r.status, r.as_of, r.inherited) for r in rows}


def _assert_all_match():
    checked = 0
    for commitment in Commitment.objects.select_related("meeting").prefetch_related("parties"):
        expected = _expected(commitment)
        stored = _stored(commitment)
        assert set(stored) == set(expected), "one row per committing party, not yet assessed included"
        for party_id, (status, since, inherited) in expected.items():
            assert stored[party_id][:2] == (status, since), (commitment.reference, party_id)
            if status != Status.NOT_ASSESSED:
                assert stored[party_id][2] == inherited
        copies = set(PartyStatus.objects.filter(commitment=commitment).values_list("is_published", "dialogue_id"))
        assert copies <= {(commitment.is_published, commitment.meeting.dialogue_id)}
        checked += 1
    return checked


def test_record_assessment_keeps_each_partys_status(make_commitment, erin, china, united_states):
    both = make_commitment(title="Both sides")
    assert _assert_all_match() == 1, "a new commitment's parties read not yet assessed"
    alone = make_commitment(title="China alone", parties=[china])
    actions.record_assessment(
        commitment=both, status=Status.IN_PROGRESS, as_of=D(2018, 1, 1), rationale="Whole.", author=erin
    )
    first = actions.record_assessment(
        commitment=both,
        party=china,
        status=Status.FULFILLED,
        as_of=D(2018, 2, 1),
        rationale="China did it.",
        author=erin,
    )
    actions.record_assessment(
        commitment=alone, status=Status.BROKEN, as_of=D(2018, 3, 1), rationale="Broken.", author=erin
    )
    rows = {(r.commitment_id, r.party_id): (r.status, r.inherited) for r in PartyStatus.objects.all()}
    assert rows[(both.pk, china.pk)] == (Status.FULFILLED, False)
    assert rows[(both.pk, united_states.pk)] == (Status.IN_PROGRESS, True), "inherits the whole's"
    assert rows[(alone.pk, china.pk)] == (Status.BROKEN, False)

    actions.correct_assessment(
        assessment=first, status=Status.STALLED, as_of=D(2018, 2, 1), rationale="Misread.", reason="Wrong report."
    )
    assert PartyStatus.objects.get(commitment=both, party=china).status == Status.STALLED
    actions.unpublish_commitment(commitment=alone)
    assert _assert_all_match() == 2
    assert not PartyStatus.objects.filter(commitment=alone, is_published=True).exists()
    actions.publish_commitment(commitment=alone)
    # One party left: the headline rule applies to the remaining party.
    actions.update_commitment(commitment=both, parties=[united_states])
    assert _assert_all_match() == 2
    assert not PartyStatus.objects.filter(commitment=both, party=china).exists()

    cards = {
        card.party.code: card for card in party_scorecards(Commitment.objects.published(), D.today(), historical=False)
    }
    counted = {card.party.code: card for card in party_scorecards(Commitment.objects.published(), D.today())}
    assert {code: card.counts for code, card in cards.items()} == {code: card.counts for code, card in counted.items()}


def test_generated_and_rebuilt_rows_are_what_the_log_says(reference_data):
    scale_data.generate(commitments=300, assessments=900, dialogues=4, meetings=12)
    generated = sorted(PartyStatus.objects.values_list("commitment_id", "party_id", "status", "as_of", "inherited"))
    assert generated, "the generator writes the projection"
    assert _assert_all_match() == 300

    PartyStatus.objects.all().delete()
    call_command("rebuild_party_statuses", verbosity=0)
    assert (
        sorted(PartyStatus.objects.values_list("commitment_id", "party_id", "status", "as_of", "inherited"))
        == generated
    )

    # Today's cards from the projection equal the cards counted from the log.
    today = party_scorecards(Commitment.objects.published(), D.today(), historical=False)
    from_log = party_scorecards(Commitment.objects.published(), D.today())
    assert [(c.party.pk, c.counts, c.demo) for c in today] == [(c.party.pk, c.counts, c.demo) for c in from_log]
    assert party_status.refresh([]) == 0
    for dialogue in Dialogue.objects.all():
        mine = Commitment.objects.published().filter(meeting__dialogue=dialogue)
        today = party_scorecards(mine, D.today(), historical=False, dialogue=dialogue)
        from_log = party_scorecards(mine, D.today())
        assert [(c.party.pk, c.counts) for c in today] == [(c.party.pk, c.counts) for c in from_log]
