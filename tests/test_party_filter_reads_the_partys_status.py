"""With a party chosen in the list's filters, "status" means that party's own status (its own
assessment, else the whole's), in the list, its count, its feed, its CSV and JSON, and the API:
`?party=us&status=in_progress` does not return a commitment whose U.S. status is "Not started"."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

D = datetime.date
api_get = fx.api_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def split(make_commitment, erin, china, united_states):
    """Whole "in progress", China "in progress", U.S. "not started" (its own assessment)."""
    commitment = make_commitment(quote="The two sides will verify identities.", title="Verify identities")
    for party, status in [(None, Status.IN_PROGRESS), (china, Status.IN_PROGRESS), (united_states, Status.NOT_STARTED)]:
        actions.record_assessment(
            commitment=commitment, party=party, status=status, as_of=D(2018, 2, 1), rationale="Seen.", author=erin
        )
    return commitment


@pytest.fixture
def us_moving(make_commitment, erin, united_states):
    """Not assessed as a whole; the U.S. "in progress" on its own lane."""
    commitment = make_commitment(quote="The two sides will exchange lists of fugitives.", title="Exchange lists")
    actions.record_assessment(
        commitment=commitment,
        party=united_states,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 2, 1),
        rationale="The U.S. list was sent.",
        author=erin,
        is_demonstration=True,
    )
    return commitment


def test_the_list_and_its_count_use_the_partys_status(rob_client, split, us_moving):
    page = rob_client.get(reverse("public:commitment_list"), {"party": "us", "status": "in_progress"})
    html = page.content.decode()
    assert "Exchange lists" in html and "Verify identities" not in html
    assert page.context["total"] == 1
    assert "Status of United States" in html  # the filter says whose status it is
    assert "the status is that party’s own" in html
    chinese = rob_client.get(reverse("public:commitment_list"), {"party": "cn", "status": "in_progress"})
    assert "Verify identities" in chinese.content.decode()


def test_the_csv_json_and_api_use_the_partys_status(rob_client, split, us_moving):
    params = {"party": "us", "status": "not_started"}
    body = rob_client.get(reverse("public:export_csv"), params).getvalue().decode()[1:]
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(r["reference"], r["current_status"], r["status_party"]) for r in rows] == [
        (split.reference, "not_started", "us")
    ]
    document = json.loads(rob_client.get(reverse("public:export_json"), params).getvalue())
    assert [c["reference"] for c in document["commitments"]] == [split.reference]
    assert document["status_party"] == "us"
    api = api_get(rob_client, "commitment-list", **params)
    assert [(c["reference"], c["status"]["status"], c["status"]["party"]) for c in api["results"]] == [
        (split.reference, "not_started", "us")
    ]
    # on a past date, the same rule applies to the log as of that date
    before = api_get(rob_client, "commitment-list", party="us", status="not_assessed", as_of="2018-01-15")
    assert {c["reference"] for c in before["results"]} == {split.reference, us_moving.reference}


def test_the_feed_of_a_party_filter_holds_that_partys_entries(rob_client, split):
    feed = rob_client.get(reverse("public:feed_changes"), {"party": "us"}).content.decode()
    assert "(United States)" in feed and "(overall)" in feed
    assert "(China)" not in feed
