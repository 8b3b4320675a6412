"""Demonstration data is marked wherever a status derived from it appears — the list, party pages,
the dashboard, a commitment's "Status now" box, the CSV/JSON column, the API field, the feeds —
and each demonstration assessment cites evidence that fits it, or none."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment, Meeting
from tracker.demo import dialogue as demo
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db

quiet = {"log": lambda *a: None}


@pytest.fixture
def demo_data(reference_data):
    demo.load(use_shared=False, **quiet)
    return Commitment.objects.get(meeting__slug="lecd-2017-washington", title__startswith="U.S. to use")


def row_of(html: str, title: str) -> str:
    start = html.rindex('<li class="commitment-row">', 0, html.index(title))
    return html[start : html.index("</li>", start)]


def test_every_page_showing_a_demonstration_status_marks_it(rob_client, demo_data):
    # The U.S.-only commitment's status (in progress) comes from a demonstration assessment only.
    assert demo_data.current_status == "in_progress" and demo_data.current_status_is_demonstration
    listed = rob_client.get(reverse("public:commitment_list")).content.decode()
    assert "tag-demo" in row_of(listed, demo_data.title)
    party = rob_client.get(reverse("public:party_detail", args=["us"])).content.decode()
    assert "tag-demo" in party[party.index(demo_data.reference) :][:1500]
    assert "demo-note" in party  # its record's counts rest on demonstration data
    dashboard = rob_client.get(reverse("public:dashboard")).content.decode()
    overall = dashboard[dashboard.index('id="overall-heading"') : dashboard.index('id="parties-heading"')]
    assert "demo-note" in overall
    page = rob_client.get(demo_data.get_absolute_url()).content.decode()
    status_now = page[page.index('id="now-heading"') : page.index('id="timeline-heading"')]
    assert "tag-demo" in status_now
    status_line = page[page.index('class="status-line"') :][:800]
    assert "tag-demo" in status_line


def test_exports_the_api_and_feeds_flag_demonstration_statuses(rob_client, demo_data):
    body = rob_client.get(reverse("public:export_csv")).getvalue().decode()[1:]
    flags = {r["reference"]: r["status_is_demonstration"] for r in csv.DictReader(io.StringIO(body))}
    assert flags[demo_data.reference] == "1"
    unassessed = Commitment.objects.filter(meeting__slug="lecd-2017-washington", current_status="not_assessed")
    assert all(flags[c.reference] == "0" for c in unassessed)
    document = json.loads(rob_client.get(reverse("public:export_json")).getvalue())
    assert {c["reference"]: c["status_is_demonstration"] for c in document["commitments"]}[demo_data.reference]
    api = fx.api_get(rob_client, "commitment-detail", demo_data.reference)
    assert api["status"]["is_demonstration"] is True and api["current"]["is_demonstration"] is True
    feed = rob_client.get(reverse("public:feed_commitment", args=[demo_data.reference])).content.decode()
    assert "[demonstration]" in feed


def test_each_demonstration_assessment_cites_fitting_evidence_or_none(reference_data, monkeypatch):
    # Given the demonstration commitments, stated in an archived article that holds the hand-over
    monkeypatch.setattr(demo, "_assess", lambda *a, **k: None)
    demo.load(use_shared=False, **quiet)
    meeting = Meeting.objects.get(slug="lecd-2017-washington")
    article = Article.objects.create(
        url="https://news.example.org/dialogue-report",
        title="Dialogue report",
        origin="url",
        text="The two sides met in Washington.\n" + demo.HANDOVER + "\nThey agreed to meet again.",
    )
    for commitment in meeting.commitments.all():
        actions.update_commitment(commitment=commitment, source_article=article)
    monkeypatch.undo()

    # When the demonstration assessments are recorded
    demo._assess(meeting, User.objects.get(username=demo.DEMO_EDITOR), lambda *a: None)

    # Then only the assessment the passage bears on cites it, and the others cite nothing
    cited = Assessment.objects.filter(is_demonstration=True).exclude(evidence=None)
    assert [(a.commitment.title, a.party.name if a.party else None) for a in cited] == [
        ("Stronger cooperation on counter-narcotics, cybersecurity and repatriation", "United States")
    ]
    assert [e.passage for e in cited.get().evidence.all()] == [demo.HANDOVER]
    assert Assessment.objects.filter(is_demonstration=True).count() > 5
