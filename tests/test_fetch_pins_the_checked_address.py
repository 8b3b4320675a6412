"""The connection goes to the address that was checked, with no second DNS lookup (DNS
rebinding), while the Host header, SNI and certificate check keep the original name."""

import socket

import requests

from tracker.ingest import fetch


def rebinding_dns(monkeypatch, name: str, first: str, then: str) -> list[str]:
    """A name that answers `first` on the first lookup and `then` on every later one."""
    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        if host != name:
            return real_getaddrinfo(host, port, family, type, proto, flags)
        lookups.append(host)
        address = first if len(lookups) == 1 else then
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def connection_attributes(url: str):
    """What the adapter hands urllib3 for `url`: where to connect, and the request's headers.

    Builds the connection pool key only, which opens no socket."""
    adapter = fetch._GuardedAdapter(https=url.startswith("https"))
    request = requests.Request("GET", url).prepare()
    host_params, pool_kwargs = adapter.build_connection_pool_key_attributes(request, True)
    return host_params, pool_kwargs, request


def test_it_connects_to_the_address_it_checked_and_looks_the_name_up_once(monkeypatch):
    # Given a name that answers a public address first and loopback afterwards
    lookups = rebinding_dns(monkeypatch, "rebind.example.org", first="93.184.216.34", then="127.0.0.1")

    # When the connection for it is set up
    host_params, _pool_kwargs, request = connection_attributes("http://rebind.example.org/news")

    # Then it is pinned to the checked answer, resolved exactly once, and the Host header is the name
    assert host_params["host"] == "93.184.216.34"
    assert lookups == ["rebind.example.org"]
    assert request.headers["Host"] == "rebind.example.org"


def test_it_keeps_the_name_for_tls_while_connecting_to_the_pinned_address(monkeypatch):
    rebinding_dns(monkeypatch, "secure.example.org", first="93.184.216.34", then="10.0.0.1")

    host_params, pool_kwargs, request = connection_attributes("https://secure.example.org/readout")

    assert host_params["host"] == "93.184.216.34"
    assert pool_kwargs["server_hostname"] == "secure.example.org"
    assert pool_kwargs["assert_hostname"] == "secure.example.org"
    assert request.headers["Host"] == "secure.example.org"


def test_it_brackets_a_pinned_ipv6_address(monkeypatch):
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        if host == "v6.example.org":
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:4700:4700::1111", port, 0, 0))]
        return real_getaddrinfo(host, port, family, type, proto, flags)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    host_params, _pool_kwargs, request = connection_attributes("http://v6.example.org/")

    assert host_params["host"] == "[2606:4700:4700::1111]"
    assert request.headers["Host"] == "v6.example.org"
