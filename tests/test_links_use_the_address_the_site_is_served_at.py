"""Absolute links (permalinks, citations, feeds, the `url` of CSV/JSON exports and of the API)
use the address the site is served at when SITE_URL is not set, and SITE_URL when it is.

Served on port 8101 they used to say http://127.0.0.1:8000, a page nobody was serving."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from tracker.commitments import actions

pytestmark = pytest.mark.django_db

SERVED_AT = "127.0.0.1:8101"


@pytest.fixture
def served_on_another_port(settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]


@pytest.fixture
def assessed(commitment):
    actions.record_assessment(
        commitment=commitment, status="in_progress", as_of=datetime.date(2018, 3, 1), rationale="Steps taken."
    )
    return commitment


def get(client, url, **params):
    response = client.get(url, params, HTTP_HOST=SERVED_AT)
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def every_link(client, commitment) -> dict[str, str]:
    """The absolute link to the commitment as each output gives it."""
    page = client.get(commitment.get_absolute_url(), HTTP_HOST=SERVED_AT)
    header, *rows = list(csv.reader(io.StringIO(get(client, reverse("public:export_csv")))))
    exported = json.loads(get(client, reverse("public:export_json")))
    api = json.loads(get(client, reverse("public:api:commitment-list"), format="json"))
    feed = get(client, reverse("public:feed_changes"))
    return {
        "permalink": page.context["citation"].permalink,
        "citation": page.context["citation"].text,
        "bibtex": page.context["citation"].bibtex,
        "csv url": dict(zip(header, rows[0], strict=True))["url"],
        "json url": exported["commitments"][0]["url"],
        "json documentation": exported["documentation"],
        "api url": api["results"][0]["url"] if "results" in api else api[0]["url"],
        "feed": feed,
    }


def test_without_site_url_every_link_uses_the_requests_host_and_port(rob_client, assessed, served_on_another_port):
    # Given the site served at 127.0.0.1:8101 and no SITE_URL
    # When a reader takes the commitment's link from every output
    links = every_link(rob_client, assessed)
    # Then each one points at where the reader is, never at the default address
    for where, text in links.items():
        assert f"http://{SERVED_AT}/" in text, where
        assert "127.0.0.1:8000" not in text, where
    assert links["permalink"].startswith(f"http://{SERVED_AT}{assessed.get_absolute_url()}?as_of=")
    assert f'href="http://{SERVED_AT}{assessed.get_absolute_url()}#assessment-' in links["feed"]


def test_with_site_url_set_it_wins_over_the_requests_host(rob_client, assessed, served_on_another_port, settings):
    # Given the public address configured (a proxy in front, say)
    settings.SITE_URL = "https://tracker.example.org"
    # When the site is asked on another host and port
    links = every_link(rob_client, assessed)
    # Then every link carries the configured address
    for where, text in links.items():
        assert "https://tracker.example.org/" in text, where
        assert SERVED_AT not in text, where


def test_a_host_outside_allowed_hosts_is_refused_rather_than_put_into_links(rob_client, commitment, settings):
    # Given no SITE_URL, so links would come from the Host header
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    # When a request names another host
    response = rob_client.get(commitment.get_absolute_url(), HTTP_HOST="evil.example")
    # Then it gets no page at all, so no link to that host is ever made
    assert response.status_code == 400
