"""The fetcher never connects to loopback, private, link-local or otherwise special addresses,
however the address is written and whatever a host name resolves to."""

import ipaddress
import socket

import pytest

from tests import httpserver
from tests.httpserver import LocalHTTPServer
from tracker.ingest.fetch import FetchRefused, allow_test_server, fetch_url, is_forbidden_address

http_server = httpserver.http_server  # the local test server, as a pytest fixture

FORBIDDEN = [
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",  # carrier-grade NAT: ipaddress.is_private misses it on Python 3.11
    "100.127.255.254",
    "127.0.0.1",
    "127.255.255.254",
    "169.254.169.254",  # cloud metadata
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.1",
    "192.88.99.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::7f00:1",
    "64:ff9b:1::a00:1",
    "100::1",
    "2001::1",  # Teredo
    "2001:db8::1",
    "2002:7f00:1::1",  # 6to4 around 127.0.0.1
    "2002:808:808::1",  # 6to4 around a public address: forbidden outright
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fec0::1",
    "ff02::1",
]
PUBLIC = ["8.8.8.8", "93.184.216.34", "1.1.1.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", FORBIDDEN)
def test_it_classifies_special_purpose_addresses_as_forbidden(address):
    assert is_forbidden_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_it_classifies_ordinary_public_addresses_as_allowed(address):
    assert not is_forbidden_address(ipaddress.ip_address(address))


# Each form reaches the local host; the test server listens on 127.0.0.1, and the fetch guard
# is open for exactly 127.0.0.1 and its port, so each must still be refused.
LOOPBACK_FORMS = [
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "127.1",
    "127.0.0.1.",
    "[::ffff:127.0.0.1]",
    "[::1]",
    "0.0.0.0",
    "[::]",
    "localhost",
]


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_it_refuses_other_spellings_of_the_local_host_even_on_the_allowed_test_port(http_server, host):
    # Given a page on the allowed test server
    http_server.route("/secret", body=b"internal")

    # When the same server is addressed by another spelling of its address
    with pytest.raises(FetchRefused):
        fetch_url(f"http://{host}:{http_server.port}/secret")

    # Then nothing reached it
    assert http_server.hits("/secret") == 0


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_it_refuses_other_spellings_of_the_local_host_on_the_standard_port(http_server, host):
    with pytest.raises(FetchRefused) as refused:
        fetch_url(f"http://{host}/")

    assert "private network" in refused.value.message or "numeric form" in refused.value.message


def test_it_refuses_a_host_name_that_resolves_to_loopback():
    with pytest.raises(FetchRefused, match="private network"):
        fetch_url("http://localhost/")


def test_it_refuses_the_metadata_address_of_cloud_providers():
    with pytest.raises(FetchRefused, match="points into a private network"):
        fetch_url("http://169.254.169.254/latest/meta-data/")


def fake_dns(monkeypatch, answers: dict[str, list[str]]) -> list[str]:
    """Resolve the given names to the given addresses; record every lookup."""
    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        if host not in answers:
            return real_getaddrinfo(host, port, family, type, proto, flags)
        lookups.append(host)
        result = []
        for address in answers[host]:
            ip = ipaddress.ip_address(address)
            if ip.version == 4:
                result.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
            else:
                result.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
        return result

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.5",
        "100.64.12.1",
        "172.20.0.2",
        "192.168.0.10",
        "169.254.169.254",
        "fd00::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:a00:1::1",
    ],
)
def test_it_refuses_a_host_name_that_resolves_into_a_private_network(monkeypatch, address):
    # Given a public-looking name whose DNS answer points inside
    lookups = fake_dns(monkeypatch, {"intranet.example.org": [address]})

    # When it is fetched, then it is refused, with the reason in plain words
    with pytest.raises(FetchRefused) as refused:
        fetch_url("http://intranet.example.org/")

    assert refused.value.message.startswith("That address points into a private network and is not fetched")
    assert refused.value.retryable is False
    assert lookups == ["intranet.example.org"]


def test_it_refuses_a_name_when_any_of_its_addresses_is_private(monkeypatch):
    # Given a name with one public and one private answer (the public one first)
    fake_dns(monkeypatch, {"mixed.example.org": ["93.184.216.34", "10.0.0.1"]})

    # Then it is refused rather than connecting to whichever answer comes first
    with pytest.raises(FetchRefused, match=r"10\.0\.0\.1"):
        fetch_url("https://mixed.example.org/news")


def test_it_refuses_the_test_server_itself_without_the_test_allowance():
    # Given a local server that no test allowance covers
    server = LocalHTTPServer().start()
    server.route("/", body=b"hello")
    try:
        # When it is fetched, then it is refused and was never contacted
        with pytest.raises(FetchRefused):
            fetch_url(server.url("/"))
        assert server.hits("/") == 0
    finally:
        server.stop()


def test_the_test_allowance_opens_only_the_exact_server_and_closes_afterwards():
    server = LocalHTTPServer().start()
    server.route("/", body=b"<p>hello</p>")
    try:
        with allow_test_server(server.host, server.port):
            assert fetch_url(server.url("/")).text == "<p>hello</p>"
        with pytest.raises(FetchRefused):
            fetch_url(server.url("/"))
        assert server.hits("/") == 1
    finally:
        server.stop()


def test_the_test_allowance_takes_only_an_ip_address():
    with pytest.raises(ValueError, match="IP address"), allow_test_server("localhost", 8000):
        pass
