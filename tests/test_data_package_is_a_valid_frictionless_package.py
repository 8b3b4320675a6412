"""/exports/datapackage.zip is the full data as a Frictionless Data Package (datapackage.json with
table schemas, one CSV per table, licence and citation), valid by the `frictionless` library,
with the export's columns; as of a date it holds nothing later; a bad date is a 400."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile

import frictionless
import pytest
from django.urls import reverse

from tracker.commitments import actions, columns
from tracker.commitments import cache as public_cache
from tracker.commitments.models import Assessment, Commitment, Evidence, StatusStep
from tracker.commitments.status import Status
from tracker.ingest.models import Article

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def record(make_commitment, erin, china):
    whole = make_commitment(title="Repatriate fugitives")
    part = make_commitment(quote="China will verify identities within 30 days.", title="=Verify", parties=[china])
    actions.update_commitment(commitment=part, parent=whole)
    article = Article.objects.create(
        url="https://news.example.org/handover",
        title="Hand-over",
        origin="url",
        text="Two suspects handed over.",
        content_hash=hashlib.sha256(b"Two suspects handed over.").hexdigest(),
    )
    evidence = Evidence.objects.create(
        url="https://news.example.org/handover", title="Hand-over report", article=article, party=china, kind="official"
    )
    wrong = actions.record_assessment(
        commitment=whole, status=Status.FULFILLED, as_of=D(2018, 1, 10), rationale="Misread.", author=erin
    )
    actions.correct_assessment(
        assessment=wrong,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 1, 10),
        rationale="Two of many handed over.",
        reason="Counted a partial hand-over as all.",
        author=erin,
    )
    actions.record_assessment(
        commitment=part,
        status=Status.NOT_STARTED,
        as_of=D(2018, 6, 1),
        rationale="Nothing verified yet.",
        author=erin,
        party=china,
        evidence=[evidence],
    )
    draft = make_commitment(quote="The two sides will meet monthly.", title="Hidden draft", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.BROKEN, as_of=D(2018, 2, 1), rationale="Draft note.", author=erin
    )
    return whole, part


def content(response) -> bytes:
    """Today's package is a file (FileResponse), a past date's is zipped as it is sent: both stream."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def unpack(client, tmp_path, **params):
    response = client.get(reverse("public:export_datapackage"), params)
    assert response.status_code == 200, content(response)
    assert response["Content-Type"] == "application/zip"
    zipfile.ZipFile(io.BytesIO(content(response))).extractall(tmp_path)
    return json.loads((tmp_path / "datapackage.json").read_text())


def table(tmp_path, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO((tmp_path / "data" / f"{name}.csv").read_text(encoding="utf-8"))))


def test_the_package_is_valid_by_the_frictionless_library(rob_client, record, tmp_path):
    descriptor = unpack(rob_client, tmp_path)

    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {r["name"] for r in descriptor["resources"]} == {
        "commitments",
        "assessments",
        "evidence",
        "assessment_evidence",
        "meetings",
        "dialogues",
        "parties",
    }
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "/exports/datapackage.zip?as_of=" in descriptor["citation"] and "@misc{" in descriptor["citation_bibtex"]


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [("assessments", "in_progress", "in_progres"), ("meetings", "test-led-2017", "another-meeting")],
)
def test_the_validator_catches_a_status_off_the_scale_and_a_dangling_key(rob_client, record, tmp_path, name, old, new):
    unpack(rob_client, tmp_path)
    path = tmp_path / "data" / f"{name}.csv"
    path.write_text(path.read_text().replace(old, new), encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_the_commitments_table_has_the_export_columns_and_only_published_rows(rob_client, record, tmp_path):
    whole, part = record
    descriptor = unpack(rob_client, tmp_path)
    commitments = next(r for r in descriptor["resources"] if r["name"] == "commitments")
    assert [f["name"] for f in commitments["schema"]["fields"]] == columns.COLUMN_NAMES
    assert [f["description"] for f in commitments["schema"]["fields"]] == [d for _, d in columns.COLUMNS]
    rows = {r["reference"]: r for r in table(tmp_path, "commitments")}
    assert set(rows) == {whole.reference, part.reference}
    assert rows[whole.reference]["current_status"] == "in_progress"
    assert rows[part.reference]["parent"] == whole.reference
    assert rows[part.reference]["title"] == "=Verify"  # native data: no spreadsheet apostrophe
    log = table(tmp_path, "assessments")
    assert {r["rationale"] for r in log} == {"Misread.", "Two of many handed over.", "Nothing verified yet."}
    correction = next(r for r in log if r["correction_reason"])
    assert int(correction["supersedes"]) == next(int(r["id"]) for r in log if r["rationale"] == "Misread.")
    evidence = table(tmp_path, "evidence")
    assert [e["title"] for e in evidence] == ["Hand-over report"]
    assert evidence[0]["archived_content_hash"] == hashlib.sha256(b"Two suspects handed over.").hexdigest()


def test_as_of_a_date_it_holds_nothing_later(rob_client, record, tmp_path):
    _, part = record
    descriptor = unpack(rob_client, tmp_path, as_of="2018-03-01")
    assert descriptor["as_of"] == "2018-03-01"
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid
    assert {r["rationale"] for r in table(tmp_path, "assessments")} == {"Misread.", "Two of many handed over."}
    assert table(tmp_path, "evidence") == [] and table(tmp_path, "assessment_evidence") == []
    assert {r["reference"]: r["current_status"] for r in table(tmp_path, "commitments")}[part.reference] == (
        "not_assessed"
    )
    assert all(d["state"] == "" for d in table(tmp_path, "dialogues"))


@pytest.mark.parametrize(("as_of", "message"), [("2018-02-31", "is not a date"), ("2999-01-01", "in the future")])
def test_a_bad_date_is_a_400_with_a_message_and_writes_nothing(rob_client, record, as_of, message):
    counts = (Assessment.objects.count(), StatusStep.objects.count())
    response = rob_client.get(reverse("public:export_datapackage"), {"as_of": as_of})
    assert response.status_code == 400 and message in response.content.decode()
    assert (Assessment.objects.count(), StatusStep.objects.count()) == counts


def test_the_exports_page_links_to_the_package(rob_client):
    page = rob_client.get(reverse("public:exports")).content.decode()
    assert reverse("public:export_datapackage") in page


def test_the_built_package_is_kept_until_something_public_changes(rob_client, record, tmp_path):
    whole, _ = record
    first = content(rob_client.get(reverse("public:export_datapackage")))
    Commitment.objects.filter(pk=whole.pk).update(title="Renamed")
    assert content(rob_client.get(reverse("public:export_datapackage"))) == first  # kept
    public_cache.changed()  # what every public change does after its commit
    unpack(rob_client, tmp_path)
    assert {r["title"] for r in table(tmp_path, "commitments")} >= {"Renamed"}
