"""The list's party, dialogue and meeting choices name exactly those with a published commitment.

They are read from the small tables with a probe per row (see `public.filters`), so this pins
what they must contain: a party, dialogue or meeting whose commitments are all drafts, or that
has none, is not offered; one published commitment is enough to be offered.
"""

from __future__ import annotations

import datetime

import pytest

from tracker.commitments.models import Dialogue, Meeting, Party
from tracker.public.filters import CommitmentFilter


@pytest.fixture
def draft_only_meeting(db, china, united_states):
    dialogue = Dialogue.objects.create(name="Draft Only Dialogue", slug="draft-only", reference_prefix="DRO")
    meeting = Meeting.objects.create(
        dialogue=dialogue, title="Closed round", slug="draft-only-2018", date=datetime.date(2018, 3, 1)
    )
    meeting.parties.set([china, united_states])
    return meeting


def _choices(name):
    field = CommitmentFilter({}).form.fields[name]
    return {getattr(obj, field.to_field_name) for obj in field.queryset}


def test_only_parties_dialogues_and_meetings_with_published_commitments_are_offered(
    make_commitment, meeting, draft_only_meeting, china, united_states
):
    japan = Party.objects.get(code="jp")
    make_commitment(parties=[china])
    make_commitment(parties=[united_states, japan], meeting=draft_only_meeting, publish=False)

    assert _choices("party") == {"cn"}
    assert _choices("dialogue") == {meeting.dialogue.slug}
    assert _choices("meeting") == {meeting.slug}


def test_one_published_commitment_is_enough_to_be_offered(make_commitment, meeting, draft_only_meeting, united_states):
    make_commitment(parties=[united_states], meeting=draft_only_meeting, publish=False)
    make_commitment(parties=[united_states], meeting=draft_only_meeting, publish=True)

    assert _choices("party") == {"us"}
    assert _choices("dialogue") == {"draft-only"}
    assert _choices("meeting") == {"draft-only-2018"}


def test_the_page_offers_the_same_choices(rob_client, make_commitment, draft_only_meeting, china, united_states):
    make_commitment(parties=[china])
    make_commitment(parties=[united_states], meeting=draft_only_meeting, publish=False)

    html = rob_client.get("/commitments/").content.decode()

    assert 'value="cn"' in html
    assert 'value="us"' not in html
    assert 'value="draft-only-2018"' not in html
