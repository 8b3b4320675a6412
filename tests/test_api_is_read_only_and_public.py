"""The read API changes nothing (GET only: anything else is 405) and shows nothing unpublished
and no editor's name."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

fresh_cache = fx.fresh_cache
story = fx.story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

D = datetime.date


@pytest.fixture
def draft(make_commitment, erin):
    draft = make_commitment(quote="A draft about secret talks.", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=D(2018, 1, 1), rationale="Draft rationale.", author=erin
    )
    return draft


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
