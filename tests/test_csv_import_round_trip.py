"""The public CSV export, edited in a spreadsheet, comes back in: commitments created and updated by
reference, after a preview that writes nothing. Status columns are informational."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tests.test_editor_permissions import snapshot
from tracker.commitments.models import Assessment, Commitment
from tracker.commitments.status import Status

world = fixtures.world

IMPORT = reverse("editor:csv_import")
CONFIRM = reverse("editor:csv_confirm")


def export(client) -> list[dict]:
    response = client.get(reverse("public:export_csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def upload(client, text: str):
    return client.post(IMPORT, {"file": SimpleUploadedFile("commitments.csv", text.encode("utf-8-sig"))})


def test_the_export_comes_back_unchanged(erin_client, world):
    rows = export(erin_client)
    assert [r["reference"] for r in rows] == [world.commitment.reference]
    before = snapshot()
    preview = upload(erin_client, as_csv(rows))
    assert preview.status_code == 200
    assert preview.context["outcome"].counts == {"create": 0, "update": 0, "unchanged": 1}
    response = erin_client.post(CONFIRM, {"csv_text": preview.context["confirm_form"].initial["csv_text"]})
    assert response["Location"] == reverse("editor:commitment_list")
    assert snapshot() == before


def test_edited_rows_update_and_new_rows_create_after_a_preview(erin_client, erin, world):
    rows = export(erin_client)
    rows[0]["title"] = "'=Repatriate fugitives, as edited"  # the export's formula guard, kept by the spreadsheet
    rows[0]["deadline"] = "2018-06-30"
    rows[0]["current_status"] = Status.FULFILLED  # informational: ignored
    new = dict.fromkeys(rows[0], "")
    new.update(
        title="Hold the third round in 2019",
        quote="The two sides will hold the third round of the dialogue in 2019.",
        parties="China; United States",  # names work as well as codes
        topics=world.topic.key,
        strength="intent",
        meeting=world.meeting.slug,
        predecessor=world.commitment.reference,
        is_published="0",
    )
    rows.append(new)
    text = as_csv(rows)

    before = snapshot()
    preview = upload(erin_client, text)
    outcome = preview.context["outcome"]
    assert outcome.counts == {"create": 1, "update": 1, "unchanged": 0}
    assert outcome.rows[0].changed == ["title", "deadline"]
    assert outcome.rows[1].reference == "TLED-2017-03"
    page = preview.content.decode()
    assert "Preview: 1 to create, 1 to update, 0 unchanged" in page
    assert "are for information only and are not imported" in page
    assert snapshot() == before  # the preview wrote nothing

    erin_client.post(CONFIRM, {"csv_text": text})
    world.commitment.refresh_from_db()
    assert world.commitment.title == "=Repatriate fugitives, as edited"
    assert str(world.commitment.deadline) == "2018-06-30"
    assert world.commitment.current_status == Status.NOT_STARTED  # no status from a CSV
    assert Assessment.objects.count() == 1
    assert world.commitment.history.latest().history_user == erin
    created = Commitment.objects.get(reference="TLED-2017-03")
    assert created.predecessor == world.commitment and not created.is_published
    assert set(created.parties.all()) == {world.china, world.united_states}


def test_an_empty_link_leaves_it_as_it_is(erin_client, world):
    """The public export blanks links to unpublished commitments: a round trip must keep them."""
    Commitment.objects.filter(pk=world.commitment.pk).update(predecessor=world.draft)
    rows = export(erin_client)
    assert rows[0]["predecessor"] == ""
    erin_client.post(CONFIRM, {"csv_text": as_csv(rows)})
    world.commitment.refresh_from_db()
    assert world.commitment.predecessor == world.draft


def test_publish_and_unpublish_from_the_csv(erin_client, world):
    rows = export(erin_client)
    rows[0]["is_published"] = "0"
    draft = dict(rows[0], reference=world.draft.reference, quote=world.draft.quote, parties="cn", is_published="1")
    erin_client.post(CONFIRM, {"csv_text": as_csv([rows[0], draft])})
    world.commitment.refresh_from_db()
    world.draft.refresh_from_db()
    assert not world.commitment.is_published and world.draft.is_published
