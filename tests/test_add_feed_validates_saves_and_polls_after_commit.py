"""`ingest.feeds.add_feed` and `update_feed` are how a feed enters or changes: keyword-only, the row
validated (a bad field writes nothing), saved with its author, and polled once committed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tracker.ingest import feeds, tasks
from tracker.ingest.models import DocumentKind, Feed

URL = "https://www.example.org/feed.xml"


@pytest.fixture
def polled(monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.poll_feed, "delay", sent.append)
    return sent


def test_the_arguments_are_keyword_only(db):
    with pytest.raises(TypeError):
        feeds.add_feed(URL)


def test_a_new_feed_is_saved_then_polled_once_committed(erin, meeting, polled, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        feed = feeds.add_feed(url=URL, title="Ministry news", kind=DocumentKind.NEWS, meeting=meeting, author=erin)
    assert polled == [], "not before the commit"

    for callback in callbacks:
        callback()

    assert polled == [feed.pk]
    feed.refresh_from_db()
    assert (feed.url, feed.title, feed.meeting, feed.created_by) == (URL, "Ministry news", meeting, erin)
    assert feed.history.get().history_user == erin


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"url": "ftp://www.example.org/feed.xml"}, "url"),
        ({"url": "not an address"}, "url"),
        ({"url": URL, "kind": "poem"}, "kind"),
    ],
)
def test_a_bad_field_writes_nothing(erin, polled, django_capture_on_commit_callbacks, fields, field):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as refused:
        feeds.add_feed(**fields, author=erin)

    assert field in refused.value.message_dict
    assert not Feed.objects.exists()
    assert polled == []


def test_an_address_already_polled_is_refused(erin, polled):
    feeds.add_feed(url=URL, author=erin)
    with pytest.raises(ValidationError) as refused:
        feeds.add_feed(url=URL, author=erin)
    assert "url" in refused.value.message_dict
    assert Feed.objects.count() == 1


def test_an_update_changes_only_what_an_editor_may_and_polls_again(erin, polled, django_capture_on_commit_callbacks):
    feed = feeds.add_feed(url=URL, author=erin)
    with django_capture_on_commit_callbacks(execute=True):
        feeds.update_feed(feed=feed, title="Renamed", is_active=False, author=erin)
    feed.refresh_from_db()
    assert (feed.title, feed.is_active) == ("Renamed", False)
    assert polled[-1] == feed.pk

    with pytest.raises(TypeError, match="etag"):
        feeds.update_feed(feed=feed, etag="x", author=erin)
