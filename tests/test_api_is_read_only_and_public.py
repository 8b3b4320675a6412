"""The read API changes nothing (GET only: anything else is 405) and shows nothing unpublished
and no editor's name."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story
draft = fx.draft

pytestmark = pytest.mark.django_db

D = datetime.date


def test_nothing_unpublished_or_personal_leaks(rob_client, story, draft):
    for name in ("commitment-list", "assessment-list", "dialogue-list", "meeting-list", "party-list"):
        body = rob_client.get(reverse(f"public:api:{name}"), HTTP_ACCEPT="application/json").content.decode()
        assert "secret talks" not in body and "Draft rationale" not in body
        assert "erin" not in body


def test_writes_are_refused(rob_client, story):
    for method in ("post", "put", "patch", "delete"):
        for url in (
            reverse("public:api:commitment-list"),
            reverse("public:api:commitment-detail", args=[story.commitment.reference]),
            reverse("public:api:assessment-list"),
        ):
            response = getattr(rob_client, method)(url, {"title": "Changed"}, content_type="application/json")
            assert response.status_code == 405, (method, url)
    story.commitment.refresh_from_db()
    assert story.commitment.title == "Repatriate fugitives within 30 days"
