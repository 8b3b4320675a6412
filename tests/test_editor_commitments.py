"""Erin enters and edits commitments by hand (every field of the record), publishes and
unpublishes them, links predecessors and sub-commitments, attaches sources, and finds drafts."""

from __future__ import annotations

import datetime
import html

from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Commitment, CommitmentSource
from tracker.commitments.status import Status

world = fixtures.world


def form_data(w, **changes) -> dict:
    data = {
        "title": "Issue travel documents within 30 days",
        "quote": "The U.S. side will issue travel documents within 30 days of verification.",
        "source_url": "https://www.example.org/readout",
        "meeting": w.meeting.pk,
        "parties": [w.united_states.pk],
        "topics": [w.topic.pk, w.cyber.pk],
        "strength": "firm",
        "deadline": "",
        "deadline_text": "within 30 days of verification",
        "deadline_granularity": "vague",
        "made_on": "",
        "parent": w.commitment.reference,
        "predecessor": "",
        "notes": "Counted from each verification.",
    }
    data.update(changes)
    return data


def test_create_a_commitment_by_hand(erin_client, erin, world):
    response = erin_client.post(reverse("editor:commitment_create"), form_data(world))
    commitment = Commitment.objects.get(title="Issue travel documents within 30 days")
    assert response["Location"] == reverse("editor:commitment_detail", args=[commitment.reference])
    assert commitment.reference == "TLED-2017-03"  # the next of the meeting
    assert commitment.made_on == world.meeting.date  # empty: the meeting's date
    assert commitment.parent == world.commitment
    assert commitment.deadline_text == "within 30 days of verification" and commitment.deadline_granularity == "vague"
    assert commitment.notes == "Counted from each verification."
    assert list(commitment.parties.all()) == [world.united_states]
    assert set(commitment.topics.all()) == {world.topic, world.cyber}
    assert not commitment.is_published
    assert commitment.sources.get().url == "https://www.example.org/readout"
    assert commitment.history.earliest().history_user == erin
    page = html.unescape(erin_client.get(reverse("editor:commitment_detail", args=[world.commitment.reference])).text)
    assert f"{commitment.reference}</a> {commitment.title}" in page  # listed as a sub-commitment


def test_create_with_a_chosen_reference_and_publish(erin_client, world):
    erin_client.post(
        reverse("editor:commitment_create"),
        form_data(world, reference="tled-2017-10", publish="on", parent="", made_on="2017-10-05"),
    )
    commitment = Commitment.objects.get(reference="TLED-2017-10")
    assert commitment.is_published and commitment.made_on == datetime.date(2017, 10, 5)
    response = erin_client.post(reverse("editor:commitment_create"), form_data(world, reference="TLED-2017-10"))
    assert "TLED-2017-10 is taken." in response.content.decode()


def test_the_form_has_no_status_and_explains_why(erin_client, world):
    response = erin_client.get(reverse("editor:commitment_update", args=[world.commitment.reference]))
    assert "current_status" not in response.context["form"].fields
    assert "it changes only by recording an assessment" in response.content.decode()


def test_edit_a_commitment(erin_client, erin, world):
    url = reverse("editor:commitment_update", args=[world.commitment.reference])
    form = erin_client.get(url).context["form"]
    assert form.initial["title"] == world.commitment.title
    response = erin_client.post(
        url,
        form_data(
            world,
            title="Repatriate fugitives promptly",
            quote=world.commitment.quote,
            parties=[world.china.pk, world.united_states.pk],
            topics=[world.topic.pk],
            parent="",
            predecessor=world.draft.reference,
            deadline="2018-01-31",
            deadline_granularity="day",
        ),
    )
    assert response.status_code == 302
    world.commitment.refresh_from_db()
    assert world.commitment.title == "Repatriate fugitives promptly"
    assert world.commitment.predecessor == world.draft
    assert world.commitment.deadline == datetime.date(2018, 1, 31)
    assert world.commitment.current_status == Status.NOT_STARTED  # untouched by an edit
    assert world.commitment.history.latest().history_user == erin
    # The links show as references, not numbers, when the form is opened again.
    assert erin_client.get(url).context["form"].initial["predecessor"] == world.draft.reference


def test_a_commitment_cannot_be_its_own_predecessor(erin_client, world):
    url = reverse("editor:commitment_update", args=[world.commitment.reference])
    response = erin_client.post(
        url, form_data(world, quote=world.commitment.quote, predecessor=world.commitment.reference)
    )
    assert "There is no commitment with that reference." in response.content.decode()


def test_publish_and_unpublish(erin_client, erin, world):
    response = erin_client.post(reverse("editor:commitment_publish", args=[world.draft.reference]))
    assert response["Location"] == reverse("editor:commitment_detail", args=[world.draft.reference])
    world.draft.refresh_from_db()
    assert world.draft.is_published and world.draft.published_at
    assert world.draft.history.latest().history_user == erin
    erin_client.post(reverse("editor:commitment_unpublish", args=[world.draft.reference]))
    world.draft.refresh_from_db()
    assert not world.draft.is_published and world.draft.published_at is None


def test_publishing_needs_a_post(erin_client, world):
    assert erin_client.get(reverse("editor:commitment_publish", args=[world.draft.reference])).status_code == 405
    world.draft.refresh_from_db()
    assert not world.draft.is_published


def test_attach_the_other_sides_readout_as_a_source(erin_client, world):
    url = reverse("editor:source_create", args=[world.commitment.reference])
    page = erin_client.get(url).content.decode()
    assert f'<option value="{world.statement.pk}">' in page  # the recent articles to pick from
    erin_client.post(url, {"article": world.statement.pk, "quote": "Both sides will repatriate fugitives."})
    source = CommitmentSource.objects.get(commitment=world.commitment, article=world.statement)
    assert source.quote == "Both sides will repatriate fugitives." and source.url == ""
    erin_client.post(url, {"url": "https://www.example.org/cn-readout", "issuing_party": world.china.pk})
    assert CommitmentSource.objects.get(url="https://www.example.org/cn-readout").issuing_party == world.china
    response = erin_client.post(url, {"quote": "nothing to cite"})
    assert "Choose an article or give an address." in response.content.decode()


def test_the_list_holds_drafts_and_filters(erin_client, world):
    url = reverse("editor:commitment_list")

    def refs(query=""):
        return [c.reference for c in erin_client.get(url + query).context["object_list"]]

    assert set(refs()) == {world.commitment.reference, world.draft.reference}
    assert refs("?published=0") == [world.draft.reference]
    assert refs("?published=1") == [world.commitment.reference]
    assert refs(f"?status={Status.NOT_STARTED}") == [world.commitment.reference]
    assert refs("?q=liaison") == [world.draft.reference]
    assert refs(f"?party={world.united_states.pk}") == [world.commitment.reference]
    query = f"?topic={world.topic.pk}&dialogue={world.dialogue.pk}&meeting={world.meeting.pk}"
    assert set(refs(query)) == {world.commitment.reference, world.draft.reference}


def test_a_sub_commitment_starts_from_its_parent(erin_client, world):
    url = reverse("editor:commitment_create") + f"?parent={world.commitment.reference}&meeting={world.meeting.pk}"
    form = erin_client.get(url).context["form"]
    assert form.initial == {"parent": world.commitment.reference, "meeting": str(world.meeting.pk)}
    detail = erin_client.get(reverse("editor:commitment_detail", args=[world.commitment.reference])).text
    assert f"?predecessor={world.commitment.reference}" in detail
