"""A feed that declares XML entities is refused before anything expands them: no billion
laughs, no external entities reading local files (XXE), no fetches from a DTD."""

import time
import tracemalloc

import pytest

from tests import httpserver
from tracker.ingest.feeds import FeedError, parse_feed

http_server = httpserver.http_server  # the local test server, as a pytest fixture

BASE = "https://news.example.org/feed.xml"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://news.example.org/a</link></item>
</channel></rss>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>&xxe;</title><link>https://news.example.org/a</link><description>&xxe;</description></item>
</channel></rss>
"""


def test_it_refuses_a_billion_laughs_feed_quickly_and_without_expanding_it():
    # Given a feed whose entities would expand to about three gigabytes
    tracemalloc.start()
    started = time.monotonic()

    # When it is parsed, then it is refused with a clear message
    with pytest.raises(FeedError, match="declares XML entities") as refused:
        parse_feed(BILLION_LAUGHS, base_url=BASE)

    # quickly and without allocating the expansion
    elapsed = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1
    assert peak < 5 * 1024 * 1024
    assert "lol" not in refused.value.message


def test_it_refuses_an_external_entity_that_reads_a_local_file():
    with pytest.raises(FeedError, match="declares XML entities") as refused:
        parse_feed(XXE, base_url=BASE)

    assert "root:" not in refused.value.message
    assert "root:" not in repr(refused.value.__cause__)


def test_it_refuses_a_parameter_entity_that_would_fetch_a_remote_dtd(http_server):
    # Given a feed whose parameter entity points at a DTD on a server
    http_server.route("/evil.dtd", body=b'<!ENTITY leak "x">', content_type="application/xml-dtd")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [ <!ENTITY % remote SYSTEM "{http_server.url("/evil.dtd")}"> %remote; ]>'
        '<rss version="2.0"><channel><title>t</title></channel></rss>'
    ).encode()

    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(feed, base_url=BASE)
    assert http_server.hits("/evil.dtd") == 0


def test_it_reads_a_feed_with_an_external_dtd_without_fetching_it(http_server):
    # Given an RSS 0.91 feed with the (once usual) DOCTYPE naming an external DTD
    http_server.route("/rss-0.91.dtd", body=b"", content_type="application/xml-dtd")
    feed = (
        '<?xml version="1.0"?>'
        f'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{http_server.url("/rss-0.91.dtd")}">'
        '<rss version="0.91"><channel><title>Old</title>'
        "<item><title>Old style</title><link>https://news.example.org/old</link></item></channel></rss>"
    ).encode()

    # When it is parsed, then its entries are read and the DTD was never requested
    assert [entry.url for entry in parse_feed(feed, base_url=BASE)] == ["https://news.example.org/old"]
    assert http_server.hits("/rss-0.91.dtd") == 0


def test_it_refuses_entities_in_a_feed_too_broken_for_an_xml_parser():
    # Given a malformed feed (which goes to the tolerant parser) that also declares an entity
    broken = XXE.replace(b"</channel></rss>", b"<item><title>unclosed")

    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(broken, base_url=BASE)


def test_it_refuses_entities_in_a_utf16_feed():
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(
            XXE.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16"), base_url=BASE
        )
