"""/changes/?from=…&to=… lists every published commitment whose shown status changed in the
window (from → to, with the assessment that changed it), as a page, a feed and CSV, reading the
status the commitment pages show on those dates; bad dates are a 400 that says why."""

from __future__ import annotations

import csv
import datetime
import io

import feedparser
import pytest
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment, StatusStep
from tracker.commitments.status import Status
from tracker.public import changes

D = datetime.date
pytestmark = pytest.mark.django_db
WINDOW = {"from": "2018-01-01", "to": "2018-12-31"}


@pytest.fixture
def history(make_commitment, erin, china, united_states):
    """A: not started (2017) → in progress (March 2018), confirmed in May (no change), then China
    fulfilled in June (the whole's assessment still wins: no change). B, the U.S. alone: broken in
    April 2018. A draft with an assessment in the window, which must never show."""
    a = make_commitment(quote="The two sides will exchange lists of fugitives.", title="Exchange lists")
    b = make_commitment(
        quote="The U.S. will return travel documents.", title="Return documents", parties=[united_states]
    )
    draft = make_commitment(quote="The two sides will meet monthly.", title="Hidden draft", publish=False)

    def record(commitment, status, day, party=None, text="An editor's reading of the record."):
        return actions.record_assessment(
            commitment=commitment, status=status, as_of=day, rationale=text, author=erin, party=party
        )

    record(a, Status.NOT_STARTED, D(2017, 12, 1))
    moved = record(a, Status.IN_PROGRESS, D(2018, 3, 1), text="Lists exchanged in March.")
    record(a, Status.IN_PROGRESS, D(2018, 5, 1), text="Still moving.")
    record(a, Status.FULFILLED, D(2018, 6, 1), party=china, text="China handed over its list.")
    broke = record(b, Status.BROKEN, D(2018, 4, 1), party=united_states, text="Documents refused.")
    record(draft, Status.FULFILLED, D(2018, 2, 1))
    return {"a": a, "b": b, "draft": draft, "moved": moved, "broke": broke}


def page(client, **params):
    return client.get(reverse("public:changes"), params)


def test_it_lists_each_status_change_in_the_window_with_the_assessment_that_made_it(rob_client, history):
    response = page(rob_client, **WINDOW)

    assert response.status_code == 200
    rows = [(s.reference, s.since, s.from_status, s.status, s.assessment) for s in response.context["page"].rows]
    assert rows == [
        (history["a"].reference, D(2018, 3, 1), "not_started", "in_progress", history["moved"]),
        (history["b"].reference, D(2018, 4, 1), "not_assessed", "broken", history["broke"]),
    ]
    html = response.content.decode()
    assert "Lists exchanged in March." in html and "Hidden draft" not in html


def test_every_change_agrees_with_the_commitment_pages_status_on_either_side_of_it(rob_client, history):
    steps = page(rob_client, **WINDOW).context["page"].rows
    assert steps
    for step in steps:
        url = reverse("public:commitment_detail", args=[step.reference])
        on_the_day = rob_client.get(url, {"as_of": step.since.isoformat()}).context["overall_status"]
        day_before = (step.since - datetime.timedelta(days=1)).isoformat()
        before = rob_client.get(url, {"as_of": day_before}).context["overall_status"]
        assert (before, on_the_day) == (step.from_status, step.status)


def test_the_window_bounds_are_included_and_nothing_outside_shows(rob_client, history):
    rows = page(rob_client, **{"from": "2018-03-01", "to": "2018-03-31"}).context["page"].rows
    assert [(s.reference, s.since) for s in rows] == [(history["a"].reference, D(2018, 3, 1))]
    assert page(rob_client, **{"from": "2018-03-02", "to": "2018-03-31"}).context["page"].rows == []


def test_as_of_caps_the_window_so_nothing_later_shows(rob_client, history):
    response = page(rob_client, **{"from": "2018-01-01", "to": "2018-12-31", "as_of": "2018-03-15"})
    win = response.context["window"]
    assert (win.end, win.clamped) == (D(2018, 3, 15), True)
    assert [s.reference for s in response.context["page"].rows] == [history["a"].reference]
    assert "Documents refused" not in response.content.decode()


def test_the_csv_and_the_feed_hold_the_same_changes(rob_client, history):
    body = rob_client.get(reverse("public:changes_csv"), WINDOW).getvalue().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(r["reference"], r["changed_on"], r["from_status"], r["to_status"], r["assessment_id"]) for r in rows] == [
        (history["a"].reference, "2018-03-01", "not_started", "in_progress", str(history["moved"].pk)),
        (history["b"].reference, "2018-04-01", "not_assessed", "broken", str(history["broke"].pk)),
    ]
    assert list(rows[0]) == [name for name, _ in changes.CSV_COLUMNS]

    feed = feedparser.parse(rob_client.get(reverse("public:changes_feed"), WINDOW).content)
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        f"{history['b'].reference}: Not yet assessed → Broken on 1 April 2018",
        f"{history['a'].reference}: Not started → In progress on 1 March 2018",
    ]


def test_a_long_window_is_paged(rob_client, history, monkeypatch):
    monkeypatch.setattr(changes, "PAGE_SIZE", 1)
    first = page(rob_client, **WINDOW)
    assert [s.reference for s in first.context["page"].rows] == [history["a"].reference]
    second = rob_client.get(first.context["next_url"])
    assert [s.reference for s in second.context["page"].rows] == [history["b"].reference]
    assert second.context["next_url"] == ""


def test_without_dates_it_shows_the_last_thirty_days(rob_client, history):
    win = page(rob_client).context["window"]
    assert (win.end - win.start).days == changes.DEFAULT_DAYS


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"from": "2018-06-01", "to": "2018-01-01"},
            "The start date (1 June 2018) is after the end date (1 January 2018)",
        ),
        ({"from": "2018-13-01"}, "From: “2018-13-01” is not a date"),
        ({"to": "last week"}, "To: “last week” is not a date"),
        ({"to": "2999-01-01"}, "To: 1 January 2999 is in the future"),
        ({"as_of": "01/01/2018"}, "As of: “01/01/2018” is not a date"),
    ],
)
def test_bad_dates_get_a_400_that_says_why_and_write_nothing(rob_client, history, params, message):
    counts = (Assessment.objects.count(), StatusStep.objects.count(), Commitment.objects.count())
    for name in ("public:changes", "public:changes_csv", "public:changes_feed"):
        response = rob_client.get(reverse(name), params)
        assert response.status_code == 400, name
        assert message in response.content.decode(), name
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert (Assessment.objects.count(), StatusStep.objects.count(), Commitment.objects.count()) == counts


def test_a_damaged_page_link_falls_back_to_the_first_page(rob_client, history):
    response = page(rob_client, after="not-a-cursor", **WINDOW)
    assert response.status_code == 200
    assert "damaged" in response.content.decode()
    assert len(response.context["page"].rows) == 2


def test_the_changes_are_read_only(rob_client, history):
    assert rob_client.post(reverse("public:changes"), WINDOW).status_code == 405


def test_the_assessment_named_is_the_one_that_set_the_new_status(rob_client, make_commitment, erin, china):
    # The same day: the whole assessed in progress, then China's own "fulfilled" recorded after it.
    # The whole's assessment wins (the overall-status rule), so it is the one that made the change.
    commitment = make_commitment(title="Same-day entries")
    whole = actions.record_assessment(
        commitment=commitment, status=Status.IN_PROGRESS, as_of=D(2018, 3, 1), rationale="Steps.", author=erin
    )
    actions.record_assessment(
        commitment=commitment, status=Status.FULFILLED, as_of=D(2018, 3, 1), rationale="Done.", author=erin, party=china
    )
    (step,) = page(rob_client, **WINDOW).context["page"].rows
    assert (step.status, step.assessment) == ("in_progress", whole)


def test_a_change_to_a_demonstration_status_is_marked(rob_client, reference_data):
    from tracker.demo import dialogue as demo

    demo.load(use_shared=False, log=lambda *a: None)
    shown = Commitment.objects.get(meeting__slug="lecd-2017-washington", title__startswith="U.S. to use")
    window = {"from": shown.made_on.isoformat(), "to": shown.current_status_as_of.isoformat()}
    response = page(rob_client, **window)
    (step,) = [s for s in response.context["page"].rows if s.reference == shown.reference][-1:]
    assert step.is_demonstration
    html = response.content.decode()
    row = html[html.index(shown.reference) :][:1500]
    assert "tag-demo" in row
    feed = rob_client.get(reverse("public:changes_feed"), window).content.decode()
    assert f"{shown.reference}: " in feed and "[demonstration]" in feed
