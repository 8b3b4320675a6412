"""The read API's other resources: assessments of published commitments (newest recorded first,
corrections as rows), and the dialogues, meetings and parties that have published commitments."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

fresh_cache = fx.fresh_cache
story = fx.story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

D = datetime.date


@pytest.fixture
def draft(make_commitment, erin):
    draft = make_commitment(quote="A draft about secret talks.", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=D(2018, 1, 1), rationale="Draft rationale.", author=erin
    )
    return draft


def get(client, name, *args, **params):
    response = client.get(reverse(f"public:api:{name}", args=args), params, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_assessments_of_published_commitments_only_newest_recorded_first(rob_client, story, draft):
    data = get(rob_client, "assessment-list")
    assert [a["id"] for a in data["results"]] == [
        story.correction.pk,
        story.fulfilled.pk,
        story.china_stalled.pk,
        story.started.pk,
    ]
    assert [a["id"] for a in get(rob_client, "assessment-list", party="cn")["results"]] == [story.china_stalled.pk]
    assert [a["id"] for a in get(rob_client, "assessment-list", is_correction="true")["results"]] == [
        story.correction.pk
    ]


def test_dialogues_meetings_and_parties(rob_client, story, draft, dialogue, meeting):
    assert [d["slug"] for d in get(rob_client, "dialogue-list")["results"]] == [dialogue.slug]
    assert get(rob_client, "dialogue-detail", dialogue.slug)["parties"] == ["cn", "us"]
    assert [m["slug"] for m in get(rob_client, "meeting-list")["results"]] == [meeting.slug]
    assert [p["code"] for p in get(rob_client, "party-list")["results"]] == ["cn", "us"]
    assert get(rob_client, "party-detail", "cn")["name"] == "China"
