"""The workspace home shows erin's queue: deadlines due in the next 30 days, overdue commitments not
assessed since their deadline, second opinions, evidence waiting, failed imports and cited pages
that changed or disappeared, each a bounded list with its full count and a link to the full
filtered list, in a number of queries that does not grow with the rows."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.status import Status
from tracker.editor import queue
from tracker.ingest.archive import ArchivedCopy
from tracker.ingest.models import Article, Suggestion

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2018, 6, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def failed(n: int) -> Article:
    return Article.objects.create(
        origin=Article.Origin.URL,
        url=f"https://gone.example.org/{n}",
        canonical_url=f"https://gone.example.org/{n}",
        state=Article.State.FAILED,
        error=f"The server answered 503 ({n}).",
    )


def suggest(commitment, n: int) -> Suggestion:
    text = f"Officials said the suspects were handed over ({n})."
    article = Article.objects.create(
        origin=Article.Origin.PASTE, state=Article.State.ANALYSED, title=f"News {n}", text=text
    )
    return Suggestion.objects.create(
        article=article, commitment=commitment, passage=text, start=0, end=len(text), score=0.5
    )


def rechecked(n: int, live_state: str = ArchivedCopy.Live.CHANGED) -> ArchivedCopy:
    """A cited page's archived copy whose latest re-check found `live_state`."""
    return ArchivedCopy.objects.create(
        url=f"https://news.example.org/report-{n}",
        host="news.example.org",
        state=ArchivedCopy.State.ARCHIVED,
        captured_at=datetime.datetime(2018, 3, 1, tzinfo=datetime.UTC),
        sha256="0" * 64,
        live_state=live_state,
        live_since=datetime.datetime(2018, 5, 30, tzinfo=datetime.UTC),
    )


def fill(make_commitment, erin, n: int, start: int = 0) -> None:
    """n of each kind of row the queue lists."""
    for i in range(start, start + n):
        make_commitment(quote=f"The sides will meet again ({i}).", deadline=TODAY + datetime.timedelta(days=5 + i))
        overdue = make_commitment(quote=f"The sides will exchange lists ({i}).", deadline=datetime.date(2018, 1, 1))
        suggest(overdue, i)
        failed(i)
        rechecked(i, ArchivedCopy.Live.CHANGED if i % 2 else ArchivedCopy.Live.GONE)


def test_the_queue_lists_each_kind_with_a_link_to_its_full_list(erin_client, erin, make_commitment):
    due = make_commitment(quote="The sides will meet again in June.", deadline=datetime.date(2018, 6, 20))
    later = make_commitment(quote="The sides will meet again in 2019.", deadline=datetime.date(2019, 6, 20))
    overdue = make_commitment(quote="The sides will exchange lists.", deadline=datetime.date(2018, 1, 1))
    assessed = make_commitment(quote="The sides will share data.", deadline=datetime.date(2018, 1, 1))
    actions.record_assessment(
        commitment=assessed, status=Status.IN_PROGRESS, as_of=datetime.date(2018, 2, 1), rationale="R", author=erin
    )
    closed = make_commitment(quote="The sides will sign a memorandum.", deadline=datetime.date(2018, 1, 1))
    actions.record_assessment(
        commitment=closed, status=Status.FULFILLED, as_of=datetime.date(2017, 12, 1), rationale="R", author=erin
    )
    suggestion = suggest(overdue, 1)
    article = failed(1)

    found = queue.build(erin, TODAY)

    assert [c.reference for c in found["due"].rows] == [due.reference]
    assert [c.reference for c in found["overdue"].rows] == [overdue.reference]
    assert found["evidence"].rows == [suggestion] and found["failed"].rows == [article]
    assert found.count == 4
    home = erin_client.get(reverse("editor:home")).text
    for reference in (due.reference, overdue.reference):
        assert reference in home
    for reference in (later.reference, assessed.reference, closed.reference):
        assert reference not in home
    assert "The server answered 503 (1)." in home
    # The count links to the full filtered list, which lists the same commitments.
    full_due = erin_client.get(found["due"].url).text
    assert due.reference in full_due and later.reference not in full_due and overdue.reference not in full_due
    full_overdue = erin_client.get(found["overdue"].url).text
    assert overdue.reference in full_overdue and assessed.reference not in full_overdue
    assert closed.reference not in full_overdue and due.reference not in full_overdue


def test_each_list_is_bounded_and_counts_the_rest(erin_client, erin, make_commitment):
    fill(make_commitment, erin, queue.ROWS + 3)

    found = queue.build(erin, TODAY)

    for key in ("due", "overdue", "evidence", "failed", "archive"):
        assert len(found[key].rows) == queue.ROWS and found[key].count == queue.ROWS + 3, key
    assert "and 3 more" in erin_client.get(reverse("editor:home")).text


def test_the_home_page_makes_the_same_number_of_queries_however_long_the_lists(
    erin_client, erin, make_commitment, django_assert_num_queries
):
    fill(make_commitment, erin, queue.ROWS + 1)
    with CaptureQueriesContext(connection) as full:
        assert erin_client.get(reverse("editor:home")).status_code == 200
    fill(make_commitment, erin, 15, start=queue.ROWS + 1)

    with django_assert_num_queries(len(full)):
        response = erin_client.get(reverse("editor:home"))

    assert f"and {15 + 1} more" in response.text


def test_cited_pages_that_changed_or_disappeared_are_in_the_queue_and_the_unchanged_are_not(erin_client, erin):
    changed = rechecked(1)
    gone = rechecked(2, ArchivedCopy.Live.GONE)
    unchanged = rechecked(3, ArchivedCopy.Live.UNCHANGED)

    found = queue.build(erin, TODAY)

    assert set(found["archive"].rows) == {changed, gone} and found["archive"].count == 2
    assert found["archive"].url == reverse("editor:archive")
    home = erin_client.get(reverse("editor:home")).text
    assert changed.url in home and gone.url in home and unchanged.url not in home
    assert "Changed since it was cited (seen 30 May 2018)" in home
    assert reverse("editor:archived_copy", args=[changed.pk]) in home
