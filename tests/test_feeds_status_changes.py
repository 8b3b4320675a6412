"""Atom feeds of status changes: all of them, per commitment, per dialogue, per party and for
any list filter. A status change is an assessment of a published commitment; corrections are
included and labelled; drafts and editors' names never appear."""

import datetime

import defusedxml.ElementTree as ET
import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
D = datetime.date


@pytest.fixture
def other(make_commitment, erin, united_states):
    commitment = make_commitment(quote="The United States will train officers.", parties=[united_states])
    actions.record_assessment(
        commitment=commitment, status=Status.BROKEN, as_of=D(2020, 1, 1), rationale="No training.", author=erin
    )
    draft = make_commitment(quote="A draft about secret talks.", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=D(2020, 1, 1), rationale="Draft rationale.", author=erin
    )
    return commitment


def entries(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href")) for e in root.iter(f"{ATOM}entry")], (
        response.content.decode()
    )


def test_the_feed_of_all_changes_has_every_public_assessment_newest_recorded_first(rob_client, story, other, erin):
    items, xml = entries(rob_client, reverse("public:feed_changes"))
    assert len(items) == 5  # the story's four and the other's one; not the draft's
    assert items[0][0].startswith(f"{other.reference} Broken (overall)")
    assert items[1][0].startswith(f"Correction: {story.commitment.reference} Partially fulfilled (overall)")
    assert items[1][1].endswith(f"/commitments/{story.commitment.reference}/#assessment-{story.correction.pk}")
    assert "Draft rationale" not in xml and "secret talks" not in xml
    assert "erin" not in xml


def test_a_correction_says_what_it_corrects_and_why(rob_client, story):
    _, xml = entries(rob_client, reverse("public:feed_commitment", args=[story.commitment.reference]))
    assert "Correction of the entry dated 1 May 2019 (Fulfilled): The May report counted three suspects twice." in xml


def test_per_commitment_dialogue_and_party_feeds(rob_client, story, other, dialogue, china, united_states):
    commitment_items, _ = entries(rob_client, reverse("public:feed_commitment", args=[story.commitment.reference]))
    assert len(commitment_items) == 4
    dialogue_items, _ = entries(rob_client, reverse("public:feed_dialogue", args=[dialogue.slug]))
    assert len(dialogue_items) == 5
    china_items, _ = entries(rob_client, reverse("public:feed_party", args=[china.code]))
    assert len(china_items) == 4
    us_items, _ = entries(rob_client, reverse("public:feed_party", args=[united_states.code]))
    assert len(us_items) == 5


def test_the_feed_of_a_list_filter_follows_the_filter(rob_client, story, other):
    items, xml = entries(rob_client, reverse("public:feed_changes"), status="broken")
    assert [title.split(" ")[0] for title, _ in items] == [other.reference]
    assert "(filtered)" in xml


def test_an_invalid_filter_gives_a_clear_message(rob_client, story):
    response = rob_client.get(reverse("public:feed_changes"), {"deadline_from": "soon"})
    assert response.status_code == 400
    assert b"Enter a valid date." in response.content


def test_feeds_of_drafts_or_unknown_things_are_not_found(rob_client, make_commitment):
    draft = make_commitment(publish=False)
    assert rob_client.get(reverse("public:feed_commitment", args=[draft.reference])).status_code == 404
    assert rob_client.get(reverse("public:feed_dialogue", args=["nope"])).status_code == 404
    assert rob_client.get(reverse("public:feed_party", args=["atlantis"])).status_code == 404


def test_demonstration_assessments_are_labelled(rob_client, commitment, erin):
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 1, 1),
        rationale="Invented.",
        author=erin,
        is_demonstration=True,
    )
    items, xml = entries(rob_client, reverse("public:feed_changes"))
    assert items[0][0].endswith("[demonstration]")
    assert "Demonstration data, not a real assessment." in xml
