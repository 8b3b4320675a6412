"""Pages are decoded with the charset they are really in: the header, a BOM, <meta>, the XML
declaration, and detection when nothing is declared (Chinese government sites often use GBK)."""

import codecs

from tests import httpserver
from tracker.ingest.fetch import fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture

READOUT = (
    "2017年10月4日，首轮中美执法及网络安全对话在华盛顿举行。双方同意在遣返非法移民和追逃追赃方面"
    "加强合作，美方在核实身份后三十天内签发旅行证件。双方还就禁毒、网络安全等议题交换了意见。"
)


def page(head: str = "") -> str:
    return f"<html><head>{head}<title>中美执法及网络安全对话</title></head><body><p>{READOUT}</p></body></html>"


def test_it_decodes_a_gbk_page_declared_in_a_meta_charset_tag(http_server):
    # Given a GBK page whose header names no charset, but whose <meta> does
    http_server.route("/meta", body=page('<meta charset="gbk">').encode("gbk"), content_type="text/html")

    # When it is fetched
    result = fetch_url(http_server.url("/meta"))

    # Then the Chinese text reads correctly, decoded with GB18030 (the superset of GBK and GB2312)
    assert READOUT in result.text
    assert result.encoding == "gb18030"


def test_it_decodes_a_gb2312_page_declared_in_an_http_equiv_tag(http_server):
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    http_server.route("/http-equiv", body=page(head).encode("gbk"), content_type="text/html")

    assert READOUT in fetch_url(http_server.url("/http-equiv")).text


def test_it_detects_a_gbk_page_that_declares_no_charset_at_all(http_server):
    # Given a GBK page with no charset in the header and none in the page
    http_server.route("/undeclared", body=page().encode("gbk"), content_type="text/html")

    result = fetch_url(http_server.url("/undeclared"))

    assert READOUT in result.text
    assert result.encoding == "gb18030"


def test_it_prefers_the_charset_in_the_header(http_server):
    http_server.route("/header", body=page().encode("gbk"), content_type="text/html; charset=GBK")

    assert READOUT in fetch_url(http_server.url("/header")).text


def test_it_honours_a_byte_order_mark(http_server):
    http_server.route("/bom", body=codecs.BOM_UTF8 + page().encode("utf-8"), content_type="text/html")

    result = fetch_url(http_server.url("/bom"))

    assert result.text.startswith("<html>")
    assert READOUT in result.text


def test_it_decodes_a_feed_by_its_xml_declaration(http_server):
    feed = (
        '<?xml version="1.0" encoding="GB2312"?>'
        f'<rss version="2.0"><channel><title>外交部</title><item><title>{READOUT[:20]}</title></item></channel></rss>'
    )
    http_server.route("/feed", body=feed.encode("gbk"), content_type="application/rss+xml")

    result = fetch_url(http_server.url("/feed"), kinds=frozenset({"feed"}))

    assert READOUT[:20] in result.text
    assert result.encoding == "gb18030"


def test_it_reads_undeclared_utf8_as_utf8(http_server):
    http_server.route("/utf8", body=page().encode("utf-8"), content_type="text/html")

    result = fetch_url(http_server.url("/utf8"))

    assert READOUT in result.text
    assert result.encoding == "utf-8"
