"""Follow by e-mail, the rest: the confirmation and the digest each carry an HTML part with the
same links as the text, and the admin lists subscriptions read-only, searchable, with one action
to unsubscribe (which deletes the address, as the reader's own link does)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.follow_helpers import confirm_link, path_of, post_and_send, unsubscribe_link
from tracker.commitments import actions
from tracker.commitments.status import Status
from tracker.follow import digest
from tracker.follow.models import Subscription

pytestmark = pytest.mark.django_db
ADDRESS = "reader@example.org"


def html(message) -> str:
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def test_the_confirmation_and_the_digest_have_html_parts_with_the_same_links(rob_client, commitment, erin, mailoutbox):
    with time_machine.travel(datetime.datetime(2018, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        data = {"email": ADDRESS, "kind": "commitment", "target": commitment.reference, "frequency": "daily"}
        post_and_send(rob_client, reverse("public:follow_subscribe"), data)
        [confirmation] = mailoutbox
        assert confirm_link(confirmation.body) in html(confirmation)
        assert unsubscribe_link(confirmation.body) in html(confirmation)
        rob_client.post(path_of(confirm_link(confirmation.body)))
    assert Subscription.objects.get().confirmed_at is not None
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 3, 3),
        rationale="Lists exchanged.",
        author=erin,
    )

    assert digest.send_digests(datetime.date(2018, 3, 5)) == 1

    message = mailoutbox[-1]
    assert "In progress" in html(message) and commitment.reference in html(message)
    assert unsubscribe_link(message.body) in html(message)
    assert "<script" not in html(message)


@pytest.fixture
def admin_client_with_rows(admin_client):
    Subscription.objects.create(email="reader@example.org", kind="commitment", target="TLED-2017-01")
    Subscription.objects.create(email="other@example.net", kind="party", target="cn")
    return admin_client


def test_the_admin_lists_and_searches_subscriptions_read_only(admin_client_with_rows):
    url = reverse("admin:follow_subscription_changelist")

    found = admin_client_with_rows.get(url, {"q": "example.net"})

    assert found.status_code == 200
    assert "other@example.net" in found.text and "reader@example.org" not in found.text
    assert admin_client_with_rows.get(reverse("admin:follow_subscription_add")).status_code == 403
    pk = Subscription.objects.get(email="reader@example.org").pk
    page = admin_client_with_rows.get(reverse("admin:follow_subscription_change", args=[pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.text
    edited = admin_client_with_rows.post(reverse("admin:follow_subscription_change", args=[pk]), {"email": "x@y.z"})
    assert edited.status_code == 403
    assert Subscription.objects.filter(email="reader@example.org").exists()


def test_the_admin_action_unsubscribes_the_selected_addresses(admin_client_with_rows):
    pk = Subscription.objects.get(email="reader@example.org").pk
    url = reverse("admin:follow_subscription_changelist")

    response = admin_client_with_rows.post(url, {"action": "unsubscribe", "_selected_action": [pk]}, follow=True)

    assert "Unsubscribed 1 subscription" in response.text
    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.net"]
