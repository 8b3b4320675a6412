"""Erin keeps the meetings and dialogues: their parties, and the readouts each side issued."""

from __future__ import annotations

import datetime
import html

from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Dialogue, Meeting
from tracker.ingest.models import Article

world = fixtures.world


def test_create_a_meeting_of_a_dialogue(erin_client, world):
    form = erin_client.get(reverse("editor:meeting_create") + f"?dialogue={world.dialogue.pk}").context["form"]
    assert form.initial["dialogue"] == str(world.dialogue.pk)
    response = erin_client.post(
        reverse("editor:meeting_create"),
        {
            "dialogue": world.dialogue.pk,
            "title": "Second round",
            "kind": "round",
            "date": "2018-10-04",
            "place": "Beijing",
            "co_chairs": "Minister A\nSecretary B",
            "parties": [world.china.pk, world.united_states.pk],
        },
    )
    meeting = Meeting.objects.get(title="Second round")
    assert response["Location"] == reverse("editor:meeting_detail", args=[meeting.pk])
    assert meeting.slug == "second-round-2018-10-04"  # made from the title and date
    assert set(meeting.parties.all()) == {world.china, world.united_states}
    assert meeting.co_chair_list == ["Minister A", "Secretary B"]


def test_a_meeting_cannot_end_before_it_starts(erin_client, world):
    response = erin_client.post(
        reverse("editor:meeting_update", args=[world.meeting.pk]),
        {
            "title": "First round",
            "slug": world.meeting.slug,
            "kind": "round",
            "date": "2017-10-04",
            "end_date": "2017-10-01",
            "parties": [world.china.pk],
        },
    )
    assert response.status_code == 200
    world.meeting.refresh_from_db()
    assert world.meeting.end_date is None


def test_the_meeting_page_lists_each_sides_readouts(erin_client, world):
    Article.objects.create(
        origin="url",
        url="https://www.mps.example.cn/readout",
        canonical_url="https://www.mps.example.cn/readout",
        title="Chinese readout",
        kind="readout",
        issuing_party=world.china,
        meeting=world.meeting,
        state="analysed",
        published_on=datetime.date(2017, 10, 6),
    )
    Article.objects.create(
        origin="url",
        url="https://www.justice.example.gov/readout",
        canonical_url="https://www.justice.example.gov/r",
        title="U.S. readout",
        kind="readout",
        issuing_party=world.united_states,
        meeting=world.meeting,
        state="queued",
    )
    page = html.unescape(erin_client.get(reverse("editor:meeting_detail", args=[world.meeting.pk])).text)
    assert page.index("Issued by China") < page.index("Chinese readout") < page.index("Issued by United States")
    assert page.index("Issued by United States") < page.index("U.S. readout")
    assert "Joint or unattributed" in page and world.statement.title in page
    assert f"?meeting={world.meeting.pk}&issuing_party={world.china.pk}" in page
    assert world.commitment.reference in page and world.draft.reference in page


def test_create_and_edit_a_dialogue(erin_client, world):
    erin_client.post(
        reverse("editor:dialogue_create"),
        {
            "name": "Comprehensive Economic Dialogue",
            "short_name": "CED",
            "slug": "ced",
            "reference_prefix": "ced",
            "state": "active",
            "parties": [world.china.pk, world.united_states.pk],
        },
    )
    dialogue = Dialogue.objects.get(slug="ced")
    assert dialogue.reference_prefix == "CED"
    assert set(dialogue.parties.all()) == {world.china, world.united_states}
    erin_client.post(
        reverse("editor:dialogue_update", args=[dialogue.pk]),
        {
            "name": dialogue.name,
            "slug": "ced",
            "reference_prefix": "CED",
            "state": "ended",
            "state_note": "Not convened since 2017.",
            "parties": [world.china.pk],
        },
    )
    dialogue.refresh_from_db()
    assert (dialogue.state, dialogue.state_note) == ("ended", "Not convened since 2017.")
    assert list(dialogue.parties.all()) == [world.china]
    page = erin_client.get(reverse("editor:dialogue_detail", args=[world.dialogue.pk])).content.decode()
    assert world.meeting.title in page


def test_a_reference_prefix_must_be_unique(erin_client, world):
    response = erin_client.post(
        reverse("editor:dialogue_create"),
        {
            "name": "Another",
            "slug": "another",
            "reference_prefix": "tled",
            "state": "active",
            "parties": [world.china.pk],
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert not Dialogue.objects.filter(slug="another").exists()
