"""A reader in headless Chromium follows a commitment by e-mail: subscribes on its page, confirms
through the link in the real message (received by an SMTP server on 127.0.0.1), receives a digest
after a status change, and unsubscribes with one click on the link in that digest."""

import datetime

import pytest
from django.utils import timezone

from tests.follow_helpers import confirm_link, smtp_inbox, text, unsubscribe_link
from tracker.commitments import actions
from tracker.commitments.status import Status
from tracker.follow import digest
from tracker.follow.models import Subscription

smtp_inbox = smtp_inbox  # the fixture, used by name
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ADDRESS = "rob@example.org"


def test_a_reader_subscribes_confirms_gets_a_digest_and_unsubscribes(
    page, live_server, settings, smtp_inbox, commitment, erin
):
    settings.SITE_URL = live_server.url  # the digest is sent outside a request
    page.goto(live_server.url + commitment.get_absolute_url())
    form = page.locator("form.follow-form")
    form.get_by_label("Your e-mail address").fill(ADDRESS)
    form.get_by_label("Daily").check()
    form.get_by_role("button", name="Follow").click()
    assert page.locator("h1").inner_text() == "Check your inbox"

    [(recipients, confirmation)] = smtp_inbox.messages
    assert recipients == [ADDRESS]
    page.goto(confirm_link(text(confirmation)))
    page.get_by_role("button", name="Confirm").click()
    assert page.locator("h1").inner_text() == "You are following this"

    today = timezone.localdate()
    actions.record_assessment(
        commitment=commitment, status=Status.BROKEN, as_of=today, rationale="Refused outright.", author=erin
    )
    assert digest.send_digests(today=today + datetime.timedelta(days=1)) == 1
    (_, received) = smtp_inbox.messages[1]
    body = text(received)
    assert "Not yet assessed -> Broken" in body

    page.goto(unsubscribe_link(body))
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.locator("h1").inner_text() == "Unsubscribed"
    assert not Subscription.objects.exists()
