"""Feeds are fetched by the guarded client with conditional GET; new entries are imported once;
a hostile feed is refused with its reason recorded."""

import io

import pytest
from django.core.management import call_command

from tests import httpserver
from tests.texts import DIALOGUE_REPORT, FOLLOW_UP_REPORT, html_page
from tracker.ingest import pipeline
from tracker.ingest.models import Article, Feed

http_server = httpserver.http_server

pytestmark = pytest.mark.django_db


def rss(server, *paths):
    items = "".join(
        f"<item><title>Report {i}</title><link>{server.url(path)}</link>"
        f"<pubDate>Thu, 02 May 2019 10:00:00 GMT</pubDate></item>"
        for i, path in enumerate(paths)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{items}</channel></rss>'.encode()
    )


def test_new_entries_are_imported_and_a_second_poll_is_conditional(http_server, reference_data, run):
    http_server.route("/one.html", body=html_page(DIALOGUE_REPORT).encode())
    http_server.route("/two.html", body=html_page(FOLLOW_UP_REPORT, title="Follow-up").encode())
    http_server.route(
        "/feed.xml",
        body=rss(http_server, "/one.html", "/two.html"),
        content_type="application/rss+xml",
        headers={"ETag": '"v1"'},
    )
    feed = Feed.objects.create(url=http_server.url("/feed.xml"))
    assert run(pipeline.poll_feed, feed.pk) == 2
    assert Article.objects.filter(feed=feed, state=Article.State.ANALYSED).count() == 2
    feed.refresh_from_db()
    assert feed.etag == '"v1"' and feed.last_error == ""

    http_server.route("/feed.xml", status=304, body=b"", content_type=None)
    assert run(pipeline.poll_feed, feed.pk) == 0
    assert http_server.requests[-1].headers.get("If-None-Match") == '"v1"'
    assert Article.objects.count() == 2


def test_an_entity_expansion_feed_is_refused_and_nothing_imported(http_server, reference_data, run):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<rss><channel><title>&lol2;</title></channel></rss>"
    )
    http_server.route("/bomb.xml", body=bomb, content_type="application/rss+xml")
    feed = Feed.objects.create(url=http_server.url("/bomb.xml"))
    assert run(pipeline.poll_feed, feed.pk) == 0
    feed.refresh_from_db()
    assert feed.last_error
    assert not Article.objects.exists()


def test_the_poll_feeds_command_reports_each_feed(http_server, reference_data, run):
    http_server.route("/one.html", body=html_page(DIALOGUE_REPORT).encode())
    http_server.route("/feed.xml", body=rss(http_server, "/one.html"), content_type="application/rss+xml")
    Feed.objects.create(url=http_server.url("/feed.xml"), title="Example News")
    Feed.objects.create(url=http_server.url("/missing.xml"), title="Gone")
    out, err = io.StringIO(), io.StringIO()
    run(call_command, "poll_feeds", stdout=out, stderr=err)
    assert "Example News: 1 new entries" in out.getvalue()
    assert "Gone" in err.getvalue()
