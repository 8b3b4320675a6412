"""Redirects are followed a few times, and every hop is checked like the first address."""

import pytest

from tests import httpserver
from tracker.ingest.fetch import MAX_REDIRECTS, FetchRefused, fetch_url

http_server = httpserver.http_server  # the local test server, as a pytest fixture


def test_it_follows_a_redirect_and_reports_the_final_address(http_server):
    # Given an old address that moved
    http_server.redirect("/old", "/readout", status=301)
    http_server.route("/readout", body=b"<p>Joint statement</p>")

    # When the old address is fetched
    result = fetch_url(http_server.url("/old"))

    # Then the new page comes back, with both addresses
    assert result.text == "<p>Joint statement</p>"
    assert result.url == http_server.url("/old")
    assert result.final_url == http_server.url("/readout")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_it_follows_every_kind_of_redirect(http_server, status):
    http_server.redirect("/from", http_server.url("/to"), status=status)
    http_server.route("/to", body=b"arrived", content_type="text/plain")

    assert fetch_url(http_server.url("/from")).text == "arrived"


def test_it_follows_up_to_five_redirects(http_server):
    # Given a chain of exactly five redirects
    for hop in range(MAX_REDIRECTS):
        http_server.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    http_server.route(f"/hop{MAX_REDIRECTS}", body=b"end of the chain", content_type="text/plain")

    assert fetch_url(http_server.url("/hop0")).text == "end of the chain"


def test_it_refuses_a_sixth_redirect(http_server):
    # Given a chain of six redirects
    for hop in range(MAX_REDIRECTS + 1):
        http_server.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    http_server.route(f"/hop{MAX_REDIRECTS + 1}", body=b"too far")

    with pytest.raises(FetchRefused, match="more than 5 times"):
        fetch_url(http_server.url("/hop0"))
    assert http_server.hits(f"/hop{MAX_REDIRECTS + 1}") == 0


def test_it_refuses_a_redirect_loop_clearly(http_server):
    http_server.redirect("/a", "/b")
    http_server.redirect("/b", "/a")

    with pytest.raises(FetchRefused, match="redirects in a loop"):
        fetch_url(http_server.url("/a"))
    assert http_server.hits("/a") == 1


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/admin",
        "http://localhost/",
        "http://[::1]/",
        "http://2130706433/",
    ],
)
def test_it_refuses_a_redirect_into_a_private_network(http_server, target):
    http_server.redirect("/innocent", target)

    with pytest.raises(FetchRefused) as refused:
        fetch_url(http_server.url("/innocent"))

    assert refused.value.message.startswith(f"The page redirects to {target}")
    assert "private network" in refused.value.message or "numeric form" in refused.value.message


def test_it_refuses_a_redirect_to_another_port_of_the_allowed_server(http_server):
    http_server.redirect("/innocent", f"http://127.0.0.1:{http_server.port + 1}/")

    # The weightier reason first: another port of a loopback address is still a private address
    with pytest.raises(FetchRefused, match="private network"):
        fetch_url(http_server.url("/innocent"))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:6379/_INFO"])
def test_it_refuses_a_redirect_to_another_scheme(http_server, target):
    http_server.redirect("/innocent", target)

    with pytest.raises(FetchRefused, match="Only web addresses"):
        fetch_url(http_server.url("/innocent"))


def test_it_refuses_a_redirect_without_a_location(http_server):
    http_server.route("/nowhere", status=302, content_type=None)

    with pytest.raises(FetchRefused, match="did not say where to") as refused:
        fetch_url(http_server.url("/nowhere"))
    assert refused.value.status == 302
