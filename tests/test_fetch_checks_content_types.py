"""Only web pages, plain text and feeds are fetched, narrowed further by what the caller wants."""

import pytest

from tests import httpserver
from tracker.ingest.fetch import FetchRefused, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>'
FEEDS_ONLY = frozenset({"feed"})


@pytest.mark.parametrize(
    ("content_type", "described"),
    [
        ("application/pdf", "a PDF document"),
        ("image/png", "an image file"),
        ("application/octet-stream", "a binary file"),
        ("video/mp4", "a video file"),
        ("application/zip", "a file of type application/zip"),
        ("application/json", "a file of type application/json"),
    ],
)
def test_it_refuses_documents_that_are_not_pages_text_or_feeds(http_server, content_type, described):
    http_server.route("/file", body=b"%PDF-1.7 binary", content_type=content_type)

    with pytest.raises(FetchRefused) as refused:
        fetch_url(http_server.url("/file"))

    assert refused.value.message.startswith(f"The address points to {described}")
    assert refused.value.message.endswith("only web pages, plain text and feeds are fetched.")


@pytest.mark.parametrize(
    "content_type",
    ["text/html; charset=utf-8", "application/xhtml+xml", "text/plain", "text/markdown", "application/xml"],
)
def test_it_accepts_pages_text_and_xml(http_server, content_type):
    http_server.route("/doc", body=b"<p>Statement</p>", content_type=content_type)

    result = fetch_url(http_server.url("/doc"))

    assert result.content_type == content_type.split(";")[0]
    assert result.text == "<p>Statement</p>"


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/atom+xml", "text/xml", "application/xml"])
def test_it_accepts_feeds_served_with_any_xml_type_when_a_feed_is_wanted(http_server, content_type):
    http_server.route("/feed", body=RSS, content_type=content_type)

    assert fetch_url(http_server.url("/feed"), kinds=FEEDS_ONLY).body == RSS


@pytest.mark.parametrize("content_type", ["text/html", "text/plain", None])
def test_it_accepts_a_feed_served_as_a_web_page_or_without_a_type(http_server, content_type):
    # Given a feed served as text/html (or text/plain, or with no type), as many sites do
    http_server.route("/feed", body=RSS, content_type=content_type)

    # When a feed is wanted, then the body is recognised as a feed and accepted
    assert fetch_url(http_server.url("/feed"), kinds=FEEDS_ONLY).body == RSS


def test_it_refuses_a_web_page_when_a_feed_is_wanted(http_server):
    http_server.route("/page", body=b"<!doctype html><html><body>News</body></html>", content_type="text/html")

    with pytest.raises(FetchRefused, match=r"points to a web page \(text/html\); only feeds are fetched"):
        fetch_url(http_server.url("/page"), kinds=FEEDS_ONLY)


def test_it_refuses_a_feed_when_only_a_web_page_is_wanted(http_server):
    http_server.route("/feed", body=RSS, content_type="application/rss+xml")

    with pytest.raises(FetchRefused, match="only web pages are fetched"):
        fetch_url(http_server.url("/feed"), kinds=frozenset({"html"}))


def test_it_accepts_an_untyped_body_that_is_clearly_a_web_page(http_server):
    http_server.route("/untyped", body=b"<!DOCTYPE html><html><p>Readout</p></html>", content_type=None)

    assert fetch_url(http_server.url("/untyped")).content_type == "text/html"


def test_it_refuses_binary_content_that_claims_to_be_text(http_server):
    http_server.route("/binary", body=bytes(range(256)) * 40, content_type="text/plain")

    with pytest.raises(FetchRefused, match="could not be read as text"):
        fetch_url(http_server.url("/binary"))


def test_it_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="kinds"):
        fetch_url("https://example.org/", kinds=frozenset({"pdf"}))
