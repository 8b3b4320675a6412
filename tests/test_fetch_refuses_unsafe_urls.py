"""Only plain http and https addresses on the standard ports are fetched."""

import socket

import pytest

from tracker.ingest.fetch import FetchRefused, fetch_url


@pytest.fixture
def no_dns(monkeypatch):
    """Fail the test if a refused address got as far as a DNS lookup."""

    def getaddrinfo(*args, **kwargs):
        raise AssertionError(f"DNS lookup for a URL that should have been refused: {args[0]}")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/statement.txt",
        "file:///etc/passwd",
        "gopher://example.org/",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "//example.org/no-scheme",
        "example.org/no-scheme",
    ],
)
def test_it_refuses_addresses_that_are_not_http_or_https(no_dns, url):
    with pytest.raises(FetchRefused, match="Only web addresses"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url", ["http://user@example.org/", "https://user:secret@example.org/", "http://:@example.org/"]
)
def test_it_refuses_addresses_with_a_user_name_in_them(no_dns, url):
    with pytest.raises(FetchRefused, match="user name or password"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:80\\@example.org/",  # urllib3 and urllib.parse disagree on the host
        "http://example.org\\@127.0.0.1/",
        "http://exam ple.org/",
        "http://example.org/\x00",
        "http://example.org\t.evil/",
    ],
)
def test_it_refuses_addresses_whose_host_parsers_could_read_differently(no_dns, url):
    with pytest.raises(FetchRefused, match="not allowed in a web address"):
        fetch_url(url)


@pytest.mark.parametrize("port", [22, 25, 6379, 8080, 8443, 11211])
def test_it_refuses_ports_other_than_the_standard_web_ports(no_dns, port):
    with pytest.raises(FetchRefused, match=f"not port {port}"):
        fetch_url(f"http://example.org:{port}/")


def test_it_refuses_an_empty_address(no_dns):
    with pytest.raises(FetchRefused, match="No address"):
        fetch_url("  ")


def test_it_refuses_an_address_without_a_host(no_dns):
    with pytest.raises(FetchRefused):
        fetch_url("http:///path-only")
