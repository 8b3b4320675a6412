"""Follow by e-mail over real SMTP: a server the test starts on 127.0.0.1 (aiosmtpd) receives
the confirmation and the digest through Django's SMTP backend, headers and all; the links in the
received messages confirm and unsubscribe."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.follow_helpers import confirm_link, path_of, post_and_send, smtp_inbox, text, unsubscribe_link
from tracker.commitments import actions
from tracker.commitments.status import Status
from tracker.follow import digest
from tracker.follow.models import Subscription

pytestmark = pytest.mark.django_db
smtp_inbox = smtp_inbox  # the fixture, used by name
ADDRESS = "reader@example.org"


def test_the_confirmation_and_the_digest_arrive_over_smtp_with_one_click_unsubscribe(
    rob_client, commitment, erin, smtp_inbox
):
    with time_machine.travel(datetime.datetime(2018, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        data = {"email": ADDRESS, "kind": "commitment", "target": commitment.reference, "frequency": "daily"}
        assert post_and_send(rob_client, reverse("public:follow_subscribe"), data).status_code == 200
        [(recipients, confirmation)] = smtp_inbox.messages
        assert recipients == [ADDRESS]
        assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert rob_client.post(path_of(confirm_link(text(confirmation)))).status_code == 200
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 3, 3),
        rationale="Lists exchanged.",
        author=erin,
    )

    assert digest.send_digests(today=datetime.date(2018, 3, 4)) == 1

    (_, received) = smtp_inbox.messages[1]
    body = text(received)
    assert commitment.reference in received["Subject"]
    assert "Not yet assessed -> In progress" in body
    link = unsubscribe_link(body)
    assert received["List-Unsubscribe"].strip() == f"<{link}>"  # folded onto its own line: it is long
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # On the wire the link is plain ASCII (only folded), never an encoded word mail clients must decode.
    head = smtp_inbox.raw[1].split(b"\r\n\r\n", 1)[0].replace(b"\r\n ", b" ")
    assert f"List-Unsubscribe:  <{link}>".encode() in head or f"List-Unsubscribe: <{link}>".encode() in head
    # What a mail client does for one click: a POST with that body, no cookie, no token.
    response = rob_client.post(path_of(link), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
