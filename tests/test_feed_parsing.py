"""RSS 2.0 and Atom feeds become entries with absolute links, titles and dates."""

from datetime import UTC, datetime

import pytest

from tracker.ingest.feeds import FeedEntry, FeedError, parse_feed

BASE = "https://www.mfa.example.org/news/rss.xml"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Ministry news</title>
    <link>https://www.mfa.example.org/</link>
    <item>
      <title>First China-U.S. Law Enforcement and Cybersecurity Dialogue</title>
      <link>https://www.mfa.example.org/news/2017/10/06/dialogue.html</link>
      <guid isPermaLink="false">mfa-2017-1006</guid>
      <pubDate>Fri, 06 Oct 2017 09:30:00 +0800</pubDate>
      <description>&lt;p&gt;The two sides agreed to repatriate fugitives.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Relative link</title>
      <link>/news/2017/10/07/handover.html</link>
    </item>
    <item>
      <title>Script link</title>
      <link>javascript:alert(1)</link>
    </item>
    <item>
      <title>Mail link</title>
      <link>mailto:press@example.org</link>
    </item>
    <item>
      <title>No link at all</title>
    </item>
  </channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.state.example.gov/">
  <title>Press releases</title>
  <id>tag:state.example.gov,2017:press</id>
  <updated>2017-10-06T12:00:00Z</updated>
  <entry>
    <title type="html">Readout of the &lt;b&gt;dialogue&lt;/b&gt;</title>
    <link rel="alternate" href="releases/2017/10/readout.html"/>
    <link rel="enclosure" href="https://www.state.example.gov/files/readout.pdf"/>
    <id>tag:state.example.gov,2017:readout</id>
    <published>2017-10-06T08:00:00-04:00</published>
    <summary>The United States and China held the dialogue.</summary>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://www.state.example.gov/releases/2017/11/update.html"/>
    <id>tag:state.example.gov,2017:update</id>
    <updated>2017-11-01T00:00:00Z</updated>
  </entry>
</feed>
"""


def test_it_reads_the_entries_of_an_rss_feed():
    entries = parse_feed(RSS, base_url=BASE)

    assert entries[0] == FeedEntry(
        url="https://www.mfa.example.org/news/2017/10/06/dialogue.html",
        title="First China-U.S. Law Enforcement and Cybersecurity Dialogue",
        published=datetime(2017, 10, 6, 1, 30, tzinfo=UTC),
        summary="<p>The two sides agreed to repatriate fugitives.</p>",
        guid="mfa-2017-1006",
    )


def test_it_resolves_relative_links_and_drops_links_that_are_not_web_addresses():
    urls = [entry.url for entry in parse_feed(RSS, base_url=BASE)]

    assert urls == [
        "https://www.mfa.example.org/news/2017/10/06/dialogue.html",
        "https://www.mfa.example.org/news/2017/10/07/handover.html",
    ]


def test_it_reads_the_entries_of_an_atom_feed():
    entries = parse_feed(ATOM, base_url="https://www.state.example.gov/feeds/press.atom")

    assert [entry.url for entry in entries] == [
        "https://www.state.example.gov/releases/2017/10/readout.html",
        "https://www.state.example.gov/releases/2017/11/update.html",
    ]
    assert entries[0].published == datetime(2017, 10, 6, 12, 0, tzinfo=UTC)
    assert entries[0].guid == "tag:state.example.gov,2017:readout"
    assert entries[0].summary == "The United States and China held the dialogue."
    assert entries[1].published == datetime(2017, 11, 1, tzinfo=UTC)


def test_an_empty_feed_has_no_entries():
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'

    assert parse_feed(empty, base_url=BASE) == []


def test_an_empty_body_is_not_a_feed():
    with pytest.raises(FeedError, match="empty"):
        parse_feed(b"  \n", base_url=BASE)


def test_a_web_page_is_not_a_feed():
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<!doctype html><html><body><p>Hello</p></body></html>", base_url=BASE)


def test_it_reads_what_it_can_of_a_malformed_feed():
    # Given an RSS feed with a bare ampersand, an HTML tag left unescaped and no closing tags
    broken = b"""<rss version="2.0"><channel><title>News & views</title>
      <item><title>Handover of suspects</title><link>https://news.example.org/a</link></item>
      <item><title>Talks</title><description>Line<br>break</description><link>https://news.example.org/b</link></item>
    """

    # When it is parsed, then the entries are still recovered, tolerantly
    urls = [entry.url for entry in parse_feed(broken, base_url=BASE)]

    assert urls == ["https://news.example.org/a", "https://news.example.org/b"]


def test_it_reads_a_feed_in_gb2312():
    feed = (
        '<?xml version="1.0" encoding="GB2312"?><rss version="2.0"><channel><title>外交部</title>'
        "<item><title>中美执法及网络安全对话</title><link>https://www.mfa.example.org/a.html</link></item>"
        "</channel></rss>"
    ).encode("gb2312")

    assert parse_feed(feed, base_url=BASE)[0].title == "中美执法及网络安全对话"


def test_it_keeps_each_article_once():
    item = b"<item><title>Same</title><link>https://news.example.org/same</link></item>"
    feed = b'<rss version="2.0"><channel><title>t</title>' + item * 3 + b"</channel></rss>"

    assert len(parse_feed(feed, base_url=BASE)) == 1
