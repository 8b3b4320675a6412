"""Feeds are polled with conditional GET: an unchanged feed costs a 304 and no body."""

import pytest

from tests import httpserver
from tracker.ingest.fetch import FetchRefused, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture

ETAG = '"v42"'
LAST_MODIFIED = "Wed, 04 Oct 2017 12:00:00 GMT"


def test_it_returns_the_validators_of_a_fetched_page(http_server):
    http_server.route(
        "/feed",
        body=b"<rss/>",
        content_type="application/rss+xml",
        headers={"ETag": ETAG, "Last-Modified": LAST_MODIFIED},
    )

    result = fetch_url(http_server.url("/feed"))

    assert (result.etag, result.last_modified, result.not_modified) == (ETAG, LAST_MODIFIED, False)


def test_it_sends_the_validators_and_reports_an_unchanged_page(http_server):
    # Given a server that answers 304 Not Modified
    http_server.route("/feed", status=304, content_type=None, headers={"ETag": ETAG})

    # When the page is fetched with the validators of the last fetch
    result = fetch_url(http_server.url("/feed"), etag=ETAG, last_modified=LAST_MODIFIED)

    # Then they were sent, and the result says "not modified", without a body
    sent = http_server.requests[-1].headers
    assert sent["If-None-Match"] == ETAG
    assert sent["If-Modified-Since"] == LAST_MODIFIED
    assert result.not_modified is True
    assert result.status == 304
    assert result.text is None
    assert result.body == b""


def test_it_keeps_the_validators_it_sent_when_the_304_does_not_repeat_them(http_server):
    http_server.route("/feed", status=304, content_type=None)

    result = fetch_url(http_server.url("/feed"), etag=ETAG, last_modified=LAST_MODIFIED)

    assert (result.etag, result.last_modified) == (ETAG, LAST_MODIFIED)


def test_it_sends_no_validators_when_it_has_none(http_server):
    http_server.route("/page", body=b"<p>new</p>")

    fetch_url(http_server.url("/page"))

    sent = http_server.requests[-1].headers
    assert "If-None-Match" not in sent
    assert "If-Modified-Since" not in sent


def test_it_refuses_a_not_modified_answer_to_an_unconditional_request(http_server):
    http_server.route("/odd", status=304, content_type=None)

    with pytest.raises(FetchRefused, match="not modified"):
        fetch_url(http_server.url("/odd"))
