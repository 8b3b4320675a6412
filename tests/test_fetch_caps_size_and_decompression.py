"""A page is read up to the size cap and no further, on the wire and once decompressed."""

import gzip
import time
import zlib

import pytest

from tests import httpserver
from tracker.ingest.fetch import FetchRefused, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture

CAP = 100 * 1024


def test_it_refuses_a_page_whose_declared_length_is_over_the_limit_without_reading_it(http_server):
    # Given a server that announces 11 MB and then sends nothing more than a few bytes
    http_server.route("/huge", body=b"<p>", headers={"Content-Length": str(11 * 1024 * 1024)})

    # When it is fetched with the default limit, then it is refused at once, in plain words
    started = time.monotonic()
    with pytest.raises(FetchRefused) as refused:
        fetch_url(http_server.url("/huge"))

    assert refused.value.message == "The page is larger than the 10 MB limit."
    assert time.monotonic() - started < 2


def test_it_stops_reading_a_page_without_a_declared_length_at_the_limit(http_server):
    # Given a body that never says how long it is, 64 KB at a time, far beyond the cap
    def endless():
        while True:
            yield b"x" * 65536

    http_server.route("/stream", body=endless, content_type="text/plain")

    with pytest.raises(FetchRefused, match="larger than the 100 KB limit"):
        fetch_url(http_server.url("/stream"), max_bytes=CAP)


def test_it_accepts_a_page_of_exactly_the_limit(http_server):
    http_server.route("/full", body=b"y" * CAP, content_type="text/plain", content_length=False)

    assert len(fetch_url(http_server.url("/full"), max_bytes=CAP).body) == CAP


def test_it_decompresses_a_gzipped_page(http_server):
    page = b"<p>Both sides agreed to repatriate fugitives.</p>"
    http_server.route("/gz", body=gzip.compress(page), headers={"Content-Encoding": "gzip"})

    result = fetch_url(http_server.url("/gz"))

    assert result.body == page
    assert result.text == page.decode()


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw-deflate"])
def test_it_decompresses_a_deflated_page_in_either_of_its_formats(http_server, wbits):
    page = b"<p>The hotline mechanism will be maintained.</p>" * 20
    compressor = zlib.compressobj(wbits=wbits)
    http_server.route(
        "/deflate", body=compressor.compress(page) + compressor.flush(), headers={"Content-Encoding": "deflate"}
    )

    assert fetch_url(http_server.url("/deflate")).body == page


def bomb(size: int, encoding: str) -> bytes:
    zeros = b"\0" * size
    return gzip.compress(zeros, compresslevel=9) if encoding == "gzip" else zlib.compress(zeros, 9)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_it_stops_a_decompression_bomb_at_the_limit(http_server, encoding):
    # Given 24 MB of zeros compressed to about 24 KB: small on the wire, huge once decompressed
    body = bomb(24 * 1024 * 1024, encoding)
    assert len(body) < 100_000
    http_server.route("/bomb", body=body, content_type="text/html", headers={"Content-Encoding": encoding})

    # When it is fetched with the default 10 MB limit, then it is stopped, and quickly
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="larger than the 10 MB limit once decompressed"):
        fetch_url(http_server.url("/bomb"))
    assert time.monotonic() - started < 3


def test_it_caps_the_compressed_size_even_when_it_decompresses_to_almost_nothing(http_server):
    # Given a gzip stream of thousands of empty members: 200 KB on the wire, 2 bytes decompressed
    empty_member = gzip.compress(b"")
    body = empty_member * (200_000 // len(empty_member)) + gzip.compress(b"ok")
    http_server.route(
        "/padding", body=body, content_type="text/plain", headers={"Content-Encoding": "gzip"}, content_length=False
    )

    with pytest.raises(FetchRefused, match="compressed page is larger than the 100 KB limit"):
        fetch_url(http_server.url("/padding"), max_bytes=CAP)


def test_it_reads_a_multi_member_gzip_stream_whole(http_server):
    body = gzip.compress(b"first part, ") + gzip.compress(b"second part")
    http_server.route("/members", body=body, content_type="text/plain", headers={"Content-Encoding": "gzip"})

    assert fetch_url(http_server.url("/members")).text == "first part, second part"


def test_it_refuses_a_compression_it_did_not_ask_for(http_server):
    http_server.route("/br", body=b"\x8b\x03\x80hello\x03", headers={"Content-Encoding": "br"})

    with pytest.raises(FetchRefused, match=r"compressed in a way that cannot be read \(br\)"):
        fetch_url(http_server.url("/br"))


def test_it_refuses_a_page_that_claims_gzip_but_is_not(http_server):
    http_server.route("/fake-gz", body=b"this is not gzip at all", headers={"Content-Encoding": "gzip"})

    with pytest.raises(FetchRefused, match="could not be decompressed"):
        fetch_url(http_server.url("/fake-gz"))
