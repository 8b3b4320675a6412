"""Two addresses of one article share one canonical URL; different articles keep different ones."""

import pytest

from tracker.ingest.canonical import canonical_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # lower-case scheme and host, path case kept
        ("HTTPS://WWW.State.GOV/Readout-Of-The-Dialogue/", "https://www.state.gov/Readout-Of-The-Dialogue/"),
        # the fragment is dropped
        ("https://www.state.gov/readout/#section-2", "https://www.state.gov/readout/"),
        # default ports are dropped, others kept
        ("https://www.state.gov:443/readout", "https://www.state.gov/readout"),
        ("http://www.state.gov:80/readout", "http://www.state.gov/readout"),
        ("https://www.state.gov:8443/readout", "https://www.state.gov:8443/readout"),
        ("http://www.state.gov:443/readout", "http://www.state.gov:443/readout"),
        # tracking parameters are dropped, the others sorted
        (
            "https://news.example.org/a?utm_source=twitter&id=42&utm_medium=social&fbclid=IwAR0&lang=en",
            "https://news.example.org/a?id=42&lang=en",
        ),
        ("https://news.example.org/a?gclid=abc&UTM_Campaign=x&msclkid=1", "https://news.example.org/a"),
        ("https://news.example.org/a?b=2&a=1&a=0", "https://news.example.org/a?a=0&a=1&b=2"),
        # an empty path is "/"; a trailing dot on the host is dropped; userinfo is dropped
        ("https://news.example.org", "https://news.example.org/"),
        ("https://news.example.org./a", "https://news.example.org/a"),
        ("https://user:pw@news.example.org/a", "https://news.example.org/a"),
        # percent-encoding and dot segments are normalised; non-ASCII is encoded
        ("https://news.example.org/a/./b/../c?q=%2f", "https://news.example.org/a/c?q=%2F"),
        ("https://news.example.org/résumé", "https://news.example.org/r%C3%A9sum%C3%A9"),
        ("https://BÜCHER.example/a", "https://xn--bcher-kva.example/a"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
    ],
)
def test_it_normalises_a_url_to_its_canonical_form(url, canonical):
    assert canonical_url(url) == canonical


def test_two_shared_links_to_one_article_have_the_same_canonical_url():
    shared = "HTTPS://Www.Example.org:443/news/2017/10/06/Dialogue.html?utm_source=wechat&fbclid=x#top"
    clean = "https://www.example.org/news/2017/10/06/Dialogue.html"

    assert canonical_url(shared) == canonical_url(clean)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://news.example.org/article?id=1", "https://news.example.org/article?id=2"),
        ("https://news.example.org/Article", "https://news.example.org/article"),
        ("https://news.example.org/a?ref=123", "https://news.example.org/a?ref=124"),
        ("https://news.example.org/a?source=xinhua", "https://news.example.org/a?source=reuters"),
        ("http://news.example.org/a", "https://news.example.org/a"),
    ],
)
def test_different_articles_keep_different_canonical_urls(first, second):
    assert canonical_url(first) != canonical_url(second)


def test_a_canonical_url_is_its_own_canonical_url():
    once = canonical_url("https://News.Example.org:443/a b?z=1&utm_id=3&a=%e4%b8%ad#x")

    assert canonical_url(once) == once


@pytest.mark.parametrize("url", ["ftp://example.org/a", "/relative/path", "example.org/a", "https://", "mailto:x@y.z"])
def test_it_refuses_what_is_not_an_absolute_web_address(url):
    with pytest.raises(ValueError):
        canonical_url(url)
