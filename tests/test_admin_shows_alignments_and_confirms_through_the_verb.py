"""The admin lists a meeting's proposed alignments read-only; its one action confirms through the
same verb as the editor's workspace, so a confirmed pair there is one tracked commitment too."""

import pytest
from django.urls import reverse

from tests import test_readout_fixtures as rx
from tracker.commitments.models import Alignment, Commitment

pytestmark = pytest.mark.django_db

summit, accounts, pair = rx.summit, rx.accounts, rx.pair


def test_the_admin_lists_alignments_without_a_form_to_change_them(admin_client, accounts):
    listing = admin_client.get(reverse("admin:commitments_alignment_changelist"))
    assert listing.status_code == 200
    assert "两军高层沟通" in listing.content.decode()
    military = pair("military", "两军")
    change = admin_client.get(reverse("admin:commitments_alignment_change", args=[military.pk]))
    assert change.status_code == 200
    assert 'name="state"' not in change.content.decode()
    assert admin_client.get(reverse("admin:commitments_alignment_add")).status_code == 403


def test_the_confirm_action_makes_one_commitment_per_pair(admin_client, accounts):
    military = pair("military", "两军")
    admin_client.post(
        reverse("admin:commitments_alignment_changelist"),
        {"action": "confirm_selected", "_selected_action": [military.pk]},
    )
    military.refresh_from_db()
    assert military.state == Alignment.State.CONFIRMED
    assert Commitment.objects.count() == 1
    assert {s.article_id for s in military.commitment.sources.all()} == {
        military.candidate_a.article_id,
        military.candidate_b.article_id,
    }
