"""Public pages are cached for anonymous readers (keyed by the full address and the public
version), sent with a short public Cache-Control, never cached for logged-in users, and no longer
served once anything is published (the version bump after commit invalidates them)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db

PAGES = [
    "public:dashboard",
    "public:commitment_list",
    "public:dialogue_list",
    "public:party_list",
    "public:methodology",
]


def test_an_anonymous_reader_is_served_from_the_cache_the_second_time(rob_client, story):
    for name in PAGES:
        url = reverse(name)
        first = rob_client.get(url)
        with CaptureQueriesContext(connection) as queries:
            second = rob_client.get(url)
        assert len(queries) == 0, url
        assert second.content == first.content
        assert second["Cache-Control"] == "public, max-age=60"


def test_the_key_is_the_full_address(rob_client, story):
    everything = rob_client.get(reverse("public:commitment_list")).content
    filtered = rob_client.get(reverse("public:commitment_list"), {"status": "broken"}).content
    assert everything != filtered


def test_publishing_invalidates_the_cached_pages(
    rob_client, story, make_commitment, django_capture_on_commit_callbacks
):
    url = reverse("public:commitment_list")
    rob_client.get(url)
    draft = make_commitment(quote="The sides will open an office.", title="Open an office", publish=False)
    assert b"Open an office" not in rob_client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_commitment(commitment=draft)
    assert b"Open an office" in rob_client.get(url).content


def test_a_new_assessment_invalidates_the_commitment_page(rob_client, story, erin, django_capture_on_commit_callbacks):
    url = reverse("public:commitment_detail", args=[story.commitment.reference])
    assert b"Relapsed." not in rob_client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        actions.record_assessment(
            commitment=story.commitment,
            status=Status.BROKEN,
            as_of=story.correction.as_of.replace(year=2020),
            rationale="Relapsed.",
            author=erin,
        )
    assert b"Relapsed." in rob_client.get(url).content


def test_logged_in_users_are_never_served_from_or_stored_in_the_cache(client, story, erin):
    url = reverse("public:dashboard")
    client.get(url)  # anonymous: stored
    client.force_login(erin)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(queries) > 0
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_error_pages_are_not_cached(rob_client, story):
    url = reverse("public:commitment_list") + "?as_of=2999-01-01"
    assert rob_client.get(url).status_code == 400
    with CaptureQueriesContext(connection) as queries:
        response = rob_client.get(url)
    assert response.status_code == 400 and len(queries) > 0
    assert "no-cache" in response["Cache-Control"]
