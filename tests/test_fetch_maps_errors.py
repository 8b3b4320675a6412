"""Failures say in plain words what went wrong, and whether trying again later can help."""

import pytest

from tests import httpserver
from tracker.ingest.fetch import FetchError, FetchRefused, FetchRetryable, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_it_reports_server_errors_and_rate_limits_as_retryable(http_server, status):
    http_server.route("/busy", status=status, body=b"busy")

    with pytest.raises(FetchRetryable) as failed:
        fetch_url(http_server.url("/busy"))

    assert failed.value.status == status
    assert failed.value.retryable is True
    assert f"HTTP {status}" in failed.value.message


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "The page was not found (HTTP 404). Check the address."),
        (410, "The page has been removed (HTTP 410)."),
        (403, "The site refused access to the page (HTTP 403)."),
        (401, "The page needs a login (HTTP 401); it is not fetched."),
        (400, "The site refused the request (HTTP 400)."),
    ],
)
def test_it_reports_client_errors_as_refused_in_plain_words(http_server, status, message):
    http_server.route("/gone", status=status, body=b"no")

    with pytest.raises(FetchRefused) as refused:
        fetch_url(http_server.url("/gone"))

    assert refused.value.message == message
    assert str(refused.value) == message
    assert refused.value.status == status
    assert refused.value.retryable is False


def test_both_errors_are_fetch_errors():
    assert issubclass(FetchRetryable, FetchError)
    assert issubclass(FetchRefused, FetchError)
    assert FetchRefused("x").status is None


def test_it_identifies_itself_and_says_what_it_accepts(http_server, settings):
    settings.FETCH_USER_AGENT = "CommitmentTracker/test (+https://example.org/bot)"
    http_server.route("/page", body=b"<p>hi</p>")

    fetch_url(http_server.url("/page"), kinds=frozenset({"feed"}) | {"html"})

    sent = http_server.requests[-1].headers
    assert sent["User-Agent"] == "CommitmentTracker/test (+https://example.org/bot)"
    assert sent["Accept"].startswith("text/html")
    assert "application/rss+xml" in sent["Accept"]
    assert sent["Accept-Encoding"] == "gzip, deflate"
