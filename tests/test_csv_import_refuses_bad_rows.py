"""A CSV with a bad row writes nothing, and the page names each bad row by its line number."""

from __future__ import annotations

import html

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tests.test_editor_permissions import snapshot
from tracker.commitments import actions

world = fixtures.world

IMPORT = reverse("editor:csv_import")
CONFIRM = reverse("editor:csv_confirm")
HEADER = "reference,title,quote,parties,topics,strength,meeting,deadline\n"


def good_row(w, n: int) -> str:
    return f",Pledge {n},The two sides will do thing {n}.,cn;us,{w.topic.key},firm,{w.meeting.slug},\n"


def upload(client, text: str, name="commitments.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, text.encode())})


def test_one_bad_row_writes_nothing_and_is_named(erin_client, world):
    text = (
        HEADER + good_row(world, 1) + f",Pledge 2,Quote 2.,cn;atlantis,{world.topic.key},firm,{world.meeting.slug},\n"
    )
    text += good_row(world, 3)
    before = snapshot()
    response = upload(erin_client, text)
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "1 row to fix — nothing was written" in page
    assert "line 3" in page and "parties: unknown party: atlantis" in page
    assert "Confirm" not in page
    # Confirming the same text anyway (a replayed form) writes nothing either.
    response = erin_client.post(CONFIRM, {"csv_text": text})
    assert response.status_code == 422
    assert snapshot() == before


def test_every_bad_row_is_reported_with_its_line(erin_client, world):
    text = (
        HEADER
        + good_row(world, 1)
        + f'TLED-2017-01,"A title, with a quote\nover two lines",Q,cn,{world.topic.key},firm,{world.meeting.slug},\n'
        + f",Pledge,Quote,cn,{world.topic.key},certain,{world.meeting.slug},31/12/2019\n"
        + f",,Quote,cn,{world.topic.key},firm,no-such-meeting,\n"
        + f"bad ref,Pledge,Quote,cn,{world.topic.key},firm,{world.meeting.slug},\n"
    )
    before = snapshot()
    outcome = upload(erin_client, text).context["outcome"]
    errors = {e.line: " | ".join(e.messages) for e in outcome.errors}
    assert set(errors) == {5, 6, 7}  # line 3-4 is one good record over two lines
    assert "strength: “certain” is not a strength" in errors[5] and "deadline: Enter a valid date." in errors[5]
    assert "meeting: unknown meeting: no-such-meeting" in errors[6] and "title: required" in errors[6]
    assert "reference: a reference looks like LECD-2017-03" in errors[7]
    assert snapshot() == before


def test_a_row_the_record_refuses_while_writing_rolls_back_the_whole_file(erin_client, world, monkeypatch):
    original = actions.create_commitment
    calls = []

    def refuse_the_second(**kwargs):
        calls.append(kwargs["title"])
        if len(calls) == 2:
            raise ValidationError({"quote": "Refused by the record."})
        return original(**kwargs)

    monkeypatch.setattr(actions, "create_commitment", refuse_the_second)
    text = HEADER + good_row(world, 1) + good_row(world, 2) + good_row(world, 3)
    before = snapshot()
    response = erin_client.post(CONFIRM, {"csv_text": text})
    assert response.status_code == 422
    assert "line 3" in response.content.decode() and "quote: Refused by the record." in response.content.decode()
    assert snapshot() == before


def test_the_header_must_be_the_exports(erin_client, world):
    page = upload(erin_client, "reference,titel\nTLED-2017-01,x\n").content.decode()
    assert "Unknown columns: titel" in page
    page = upload(erin_client, "title,quote\nx,y\n").content.decode()
    assert "The header has no “reference” column." in html.unescape(page)


def test_a_file_that_is_not_csv_is_refused(erin_client, world, settings):
    assert "is not a .csv file" in html.unescape(upload(erin_client, "x", name="data.xlsx").content.decode())
    response = erin_client.post(IMPORT, {"file": SimpleUploadedFile("data.csv", b"PK\x03\x04" + b"\x00" * 50)})
    assert "it looks like a Word, OpenDocument or ZIP file" in response.content.decode()
    response = erin_client.post(IMPORT, {"file": SimpleUploadedFile("data.csv", "café".encode("latin-1"))})
    assert "is not UTF-8 text" in html.unescape(response.content.decode())
    settings.UPLOAD_MAX_BYTES = 100
    assert "larger than the 1 KB limit" in upload(erin_client, HEADER + good_row(world, 1) * 3).content.decode()
