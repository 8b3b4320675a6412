"""The full data dump for researchers: one streamed JSON document with every published
commitment, its sources, its whole assessment history (corrections and what they corrected) and
the evidence of each assessment, plus the dialogues and meetings. Nothing unpublished."""

import json

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db


def dump(client):
    response = client.get(reverse("public:export_dump"))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content)), response


def test_it_holds_every_published_commitment_with_its_history_and_evidence(rob_client, story, make_commitment, erin):
    draft = make_commitment(quote="A draft pledge.", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=story.started.as_of, rationale="Hidden.", author=erin
    )
    document, _ = dump(rob_client)
    assert [c["reference"] for c in document["commitments"]] == [story.commitment.reference]
    (commitment,) = document["commitments"]
    log = {a["id"]: a for a in commitment["assessments"]}
    assert list(log) == [story.started.pk, story.china_stalled.pk, story.fulfilled.pk, story.correction.pk]
    assert log[story.fulfilled.pk]["corrected_by"] == story.correction.pk
    assert log[story.correction.pk]["supersedes"] == story.fulfilled.pk
    assert log[story.correction.pk]["correction_reason"] == "The May report counted three suspects twice."
    assert log[story.china_stalled.pk]["party"] == "cn"
    assert log[story.started.pk]["evidence"][0]["url"] == "https://news.example.org/handover"
    assert commitment["sources"][0]["url"] == "https://www.example.gov/readout-2017"
    assert [d["slug"] for d in document["dialogues"]] == ["test-led"]
    assert [m["slug"] for m in document["meetings"]] == ["test-led-2017"]
    assert document["status_scale"]["partial"] == "Partially fulfilled"
    body = json.dumps(document)
    assert "Hidden." not in body and draft.reference not in body
    assert "erin" not in body


def test_it_is_offered_as_a_download(rob_client, story):
    _, response = dump(rob_client)
    assert response["Content-Disposition"].startswith('attachment; filename="commitment-tracker-')
