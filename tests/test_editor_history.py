"""Editors see who changed what and when, field by field, on every commitment, meeting and dialogue."""

from __future__ import annotations

import html

from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.editor.history import history_of

world = fixtures.world


def test_the_history_tab_shows_each_change_with_its_diff(erin_client, erin, world):
    commitment = world.commitment
    erin_client.post(
        reverse("editor:commitment_update", args=[commitment.reference]),
        {
            "title": "Repatriate fugitives promptly",
            "quote": commitment.quote,
            "meeting": world.meeting.pk,
            "parties": [world.united_states.pk],
            "topics": [world.topic.pk],
            "strength": "intent",
            "made_on": "2017-10-04",
            "deadline_granularity": "",
        },
    )
    erin_client.post(reverse("editor:commitment_unpublish", args=[commitment.reference]))

    page = html.unescape(erin_client.get(reverse("editor:commitment_history", args=[commitment.reference])).text)
    assert "by erin" in page
    assert '<th scope="row">Title</th><td class="old">Repatriate fugitives within 30 days</td>' in page
    assert '<td class="new">Repatriate fugitives promptly</td>' in page
    assert '<td class="old">Firm</td><td class="new">Intent</td>' in page
    assert '<td class="old">China, United States</td><td class="new">United States</td>' in page
    assert '<th scope="row">Is published</th><td class="old">yes</td><td class="new">no</td>' in page
    assert "Created" in page
    # The assessment log is part of the story.
    assert "No handovers reported yet." not in page  # rationale lives on the record tab...
    assert "Not started for the whole commitment" in page  # ...the log's entries are listed here


def test_history_entries_are_newest_first_and_name_the_author(erin, world):
    world.commitment._history_user = erin
    world.commitment.title = "Changed once"
    world.commitment.save()
    entries = history_of(world.commitment)
    assert entries[0].kind == "Changed" and entries[0].user == erin
    assert [(c.field, c.old, c.new) for c in entries[0].changes] == [
        ("Title", "Repatriate fugitives within 30 days", "Changed once")
    ]
    assert entries[-1].kind == "Created"


def test_meetings_and_dialogues_have_a_history_too(erin_client, world):
    erin_client.post(
        reverse("editor:meeting_update", args=[world.meeting.pk]),
        {
            "title": "First round, Washington",
            "slug": world.meeting.slug,
            "kind": "round",
            "date": "2017-10-04",
            "parties": [world.china.pk, world.united_states.pk],
            "dialogue": world.dialogue.pk,
            "place": "Washington",
        },
    )
    page = html.unescape(erin_client.get(reverse("editor:meeting_history", args=[world.meeting.pk])).text)
    assert '<td class="old">First round</td><td class="new">First round, Washington</td>' in page
    assert "by erin" in page

    erin_client.post(
        reverse("editor:dialogue_update", args=[world.dialogue.pk]),
        {
            "name": world.dialogue.name,
            "slug": world.dialogue.slug,
            "reference_prefix": "TLED",
            "state": "suspended",
            "state_note": "No round since 2018.",
            "parties": [world.china.pk, world.united_states.pk],
        },
    )
    page = html.unescape(erin_client.get(reverse("editor:dialogue_history", args=[world.dialogue.pk])).text)
    assert '<td class="old">Active</td><td class="new">Suspended</td>' in page
