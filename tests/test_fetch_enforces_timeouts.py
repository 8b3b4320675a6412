"""A slow or silent site costs a bounded amount of time, and the failure is retryable."""

import socket
import time

import pytest

from tests import httpserver
from tracker.ingest.fetch import FetchRetryable, allow_test_server, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture


@pytest.fixture
def short_timeouts(settings):
    settings.FETCH_CONNECT_TIMEOUT = 1
    settings.FETCH_READ_TIMEOUT = 0.5
    settings.FETCH_TOTAL_TIMEOUT = 1


def test_it_gives_up_on_a_body_dripped_slowly_at_the_overall_deadline(http_server, short_timeouts):
    # Given a server that sends a byte every 0.1 s, each within the read timeout, for ever
    def drip():
        while True:
            yield b"x"

    http_server.route("/drip", body=drip, content_type="text/plain", delay=0.1)

    # When it is fetched, then the fetch stops at the one-second deadline, retryable
    started = time.monotonic()
    with pytest.raises(FetchRetryable, match="too slowly") as failed:
        fetch_url(http_server.url("/drip"))

    assert 0.9 < time.monotonic() - started < 2
    assert failed.value.retryable is True


def test_it_gives_up_on_headers_dripped_slowly_at_the_overall_deadline(http_server, short_timeouts):
    # Given a server that sends one header line every 0.1 s, for far longer than the deadline
    http_server.raw_route("/slow-headers", [b"HTTP/1.0 200 OK\r\n"] + [b"X-Padding: x\r\n"] * 90, delay=0.1)

    started = time.monotonic()
    with pytest.raises(FetchRetryable, match="too slowly"):
        fetch_url(http_server.url("/slow-headers"))

    assert time.monotonic() - started < 2


def test_it_gives_up_when_the_site_stops_answering(http_server, short_timeouts, settings):
    # Given a server that sends its headers and then nothing for longer than the read timeout
    settings.FETCH_TOTAL_TIMEOUT = 10

    def stall():
        yield b"<p>"
        time.sleep(2)
        yield b"</p>"

    http_server.route("/stall", body=stall, content_length=False)

    started = time.monotonic()
    with pytest.raises(FetchRetryable, match="stopped answering"):
        fetch_url(http_server.url("/stall"))

    assert time.monotonic() - started < 1.5


def test_it_reports_a_refused_connection_as_retryable():
    # Given a local port with nothing listening on it (and the guard open for it)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with allow_test_server("127.0.0.1", port), pytest.raises(FetchRetryable, match="could not be reached"):
        fetch_url(f"http://127.0.0.1:{port}/")
