"""The read API's other resources: assessments of published commitments (newest recorded first,
corrections as rows), and the dialogues, meetings and parties that have published commitments."""

import datetime

import pytest

from tests import test_public_fixtures as fx

story = fx.story
draft = fx.draft

pytestmark = pytest.mark.django_db

D = datetime.date


def test_assessments_of_published_commitments_only_newest_recorded_first(rob_client, story, draft):
    data = fx.api_get(rob_client, "assessment-list")
    assert [a["id"] for a in data["results"]] == [
        story.correction.pk,
        story.fulfilled.pk,
        story.china_stalled.pk,
        story.started.pk,
    ]
    assert [a["id"] for a in fx.api_get(rob_client, "assessment-list", party="cn")["results"]] == [
        story.china_stalled.pk
    ]
    assert [a["id"] for a in fx.api_get(rob_client, "assessment-list", is_correction="true")["results"]] == [
        story.correction.pk
    ]


def test_dialogues_meetings_and_parties(rob_client, story, draft, dialogue, meeting):
    assert [d["slug"] for d in fx.api_get(rob_client, "dialogue-list")["results"]] == [dialogue.slug]
    assert fx.api_get(rob_client, "dialogue-detail", dialogue.slug)["parties"] == ["cn", "us"]
    assert [m["slug"] for m in fx.api_get(rob_client, "meeting-list")["results"]] == [meeting.slug]
    assert [p["code"] for p in fx.api_get(rob_client, "party-list")["results"]] == ["cn", "us"]
    assert fx.api_get(rob_client, "party-detail", "cn")["name"] == "China"
