"""A refused address is refused for its weightiest reason: a private or local address before a
non-standard port, in words an editor can act on; a public name on another port still hears
about the port. No check here needs a DNS lookup."""

import pytest

from tests import test_fetch_refuses_unsafe_urls as unsafe_urls
from tracker.ingest.fetch import FetchRefused, check_address, fetch_url

no_dns = unsafe_urls.no_dns  # fails the test on any DNS lookup


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8102/", "(127.0.0.1: the server this app runs on)"),
        ("http://localhost:8102/", "(localhost: the server this app runs on)"),
        ("http://[::1]:8443/", "(::1: the server this app runs on)"),
        ("http://192.168.1.20:8080/admin", "(192.168.1.20: an address of a private or internal network"),
        ("http://169.254.169.254:81/", "(169.254.169.254: a link-local address"),
    ],
)
def test_a_local_address_on_another_port_is_refused_as_a_private_address(no_dns, url, reason):
    # When an editor's address is both private and on a non-standard port
    for refuse in (fetch_url, check_address):
        with pytest.raises(FetchRefused) as refused:
            refuse(url)
        # Then the private address is the reason given, with what it would reach
        assert refused.value.message.startswith("That address points into a private network and is not fetched")
        assert reason in refused.value.message
        assert "standard web ports" not in refused.value.message


def test_a_public_name_on_another_port_is_refused_for_its_port(no_dns):
    with pytest.raises(FetchRefused, match="Only the standard web ports"):
        check_address("https://www.example.org:8443/statement")


def test_a_public_address_passes_the_check_without_a_lookup(no_dns):
    check_address("https://www.example.org/statement")  # checked again, resolved, at fetch time
