"""CSV and JSON exports of any filtered list, with stable, documented columns; the CSV goes back
through the same import-export resource the editors' import uses."""

import csv
import datetime
import io
import json

import pytest
import tablib
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments.models import Commitment
from tracker.public.exports import COLUMN_NAMES, CommitmentResource

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


def csv_rows(client, **params):
    response = client.get(reverse("public:export_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_has_the_documented_columns_in_order(rob_client, story, make_commitment, settings):
    settings.SITE_URL = "https://tracker.example.org"
    make_commitment(quote="A draft.", publish=False)
    header, *rows = csv_rows(rob_client)
    assert header == COLUMN_NAMES == [
        "reference", "title", "quote", "parties", "topics", "strength", "deadline", "deadline_text",
        "deadline_granularity", "made_on", "meeting", "dialogue", "parent", "predecessor", "source_url",
        "current_status", "current_status_as_of", "status_party", "status_is_demonstration", "is_published", "url",
    ]  # fmt: skip
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row == {
        "reference": story.commitment.reference,
        "title": "Repatriate fugitives within 30 days",
        "quote": "The two sides will repatriate fugitives within 30 days of verification.",
        "parties": "cn;us",
        "topics": "repatriation/fugitives",
        "strength": "firm",
        "deadline": "2019-01-31",
        "deadline_text": "within three months",
        "deadline_granularity": "month",
        "made_on": "2017-10-04",
        "meeting": "test-led-2017",
        "dialogue": "test-led",
        "parent": "",
        "predecessor": "",
        "source_url": "https://www.example.gov/readout-2017",
        "current_status": "partial",
        "current_status_as_of": "2019-05-01",
        "status_party": "",
        "status_is_demonstration": "0",
        "is_published": "1",
        "url": f"https://tracker.example.org/commitments/{story.commitment.reference}/",
    }


def test_the_export_takes_the_list_filters(rob_client, story, make_commitment, united_states):
    make_commitment(quote="The United States will train officers.", parties=[united_states])
    assert len(csv_rows(rob_client, party="us")) == 3
    assert len(csv_rows(rob_client, party="cn")) == 2
    assert len(csv_rows(rob_client, status="partial")) == 2


def test_with_as_of_the_status_columns_are_those_of_the_date(rob_client, story):
    header, row = csv_rows(rob_client, as_of="2018-06-01")
    data = dict(zip(header, row, strict=True))
    assert (data["current_status"], data["current_status_as_of"]) == ("in_progress", "2018-03-01")


def test_the_json_export_has_the_same_columns_with_native_values(rob_client, story):
    response = rob_client.get(reverse("public:export_json"), {"party": "cn"})
    document = json.loads(b"".join(response.streaming_content))
    assert document["columns"] == COLUMN_NAMES
    assert document["filters"] == {"party": ["cn"]}
    (row,) = document["commitments"]
    assert list(row) == COLUMN_NAMES
    assert row["is_published"] is True
    assert row["deadline"] == "2019-01-31" and row["parties"] == "cn;us"


def test_an_invalid_filter_is_refused_with_a_message(rob_client, story):
    response = rob_client.get(reverse("public:export_csv"), {"made_from": "last year"})
    assert response.status_code == 400
    assert "Made from: Enter a valid date." in response.content.decode()


def test_formula_like_text_is_neutralised_in_the_csv_and_restored_on_import(rob_client, make_commitment):
    make_commitment(quote='=HYPERLINK("http://evil.example","click")', title="+1 for cooperation")
    header, row = csv_rows(rob_client)
    data = dict(zip(header, row, strict=True))
    assert data["quote"].startswith("'=HYPERLINK")
    assert data["title"] == "'+1 for cooperation"
    widget = CommitmentResource().fields["quote"].widget
    assert widget.clean(data["quote"]) == '=HYPERLINK("http://evil.example","click")'


def test_the_csv_imports_back_through_the_same_resource(rob_client, story, make_commitment):
    child = make_commitment(quote="The sides will verify identities.", parent=story.commitment)
    header, *rows = csv_rows(rob_client)
    dataset = tablib.Dataset(*rows, headers=header)
    # Unchanged rows: the import recognises every row as the commitment it came from
    result = CommitmentResource().import_data(dataset, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert [r.import_type for r in result.rows] == ["skip", "skip"]
    # A row under a new reference is read as a new commitment, its relations resolved
    new = tablib.Dataset(headers=header)
    values = dict(zip(header, rows[[r[0] for r in rows].index(child.reference)], strict=True))
    values.update(reference="TLED-2017-99", parties="China;us")
    new.append([values[h] for h in header])
    result = CommitmentResource().import_data(new, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows
    assert result.rows[0].import_type == "new"
    assert not Commitment.objects.filter(reference="TLED-2017-99").exists()  # a dry run


def test_the_parties_column_accepts_codes_or_names_on_import(china, united_states):
    widget = CommitmentResource().fields["parties"].widget
    assert set(widget.clean("cn;United States")) == {china, united_states}
    assert set(widget.clean(" US ; ")) == {united_states}
