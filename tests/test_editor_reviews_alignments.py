"""In the workspace, erin sees a meeting's proposed alignments and decides on each: confirming
ties both sentences to one commitment, changing keeps the proposal open with her correction,
rejecting needs a reason; a decided pair cannot be decided again."""

import pytest
from django.urls import reverse

from tests import test_readout_fixtures as rx
from tracker.commitments.models import Alignment, Commitment

pytestmark = pytest.mark.django_db

summit, accounts, pair = rx.summit, rx.accounts, rx.pair


def test_the_page_lists_the_proposals_of_the_meeting(erin_client, accounts, summit):
    response = erin_client.get(reverse("editor:meeting_alignments", args=[summit.pk]))
    assert response.status_code == 200
    assert len(response.context["proposed"]) == Alignment.objects.proposed().count() == 3
    assert "两军高层沟通" in response.content.decode()


def test_confirm_change_and_reject(erin_client, accounts, summit):
    military, narcotics, flights = pair("military", "两军"), pair("narcotics", "禁毒"), pair("flights", "航班")
    erin_client.post(reverse("editor:alignment_confirm", args=[military.pk]), {"relation": "same", "publish": "on"})
    military.refresh_from_db()
    assert military.state == "confirmed" and military.commitment.is_published
    assert Commitment.objects.count() == 1

    erin_client.post(reverse("editor:alignment_change", args=[flights.pk]), {"relation": "same"})
    flights.refresh_from_db()
    assert (flights.state, flights.relation) == ("proposed", "same")

    response = erin_client.post(reverse("editor:alignment_reject", args=[narcotics.pk]), {"reason": ""}, follow=True)
    narcotics.refresh_from_db()
    assert narcotics.state == "proposed"
    assert "Say why" in response.content.decode()
    erin_client.post(reverse("editor:alignment_reject", args=[narcotics.pk]), {"reason": "Two different groups"})
    narcotics.refresh_from_db()
    assert (narcotics.state, narcotics.rejection_reason) == ("rejected", "Two different groups")

    response = erin_client.post(reverse("editor:alignment_confirm", args=[narcotics.pk]), follow=True)
    narcotics.refresh_from_db()
    assert narcotics.state == "rejected" and "already rejected" in response.content.decode()
