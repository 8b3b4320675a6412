"""Editors' daily digest, over real SMTP (a server the test starts on 127.0.0.1): erin opts in from
the workspace and gets her queue once a day, text and HTML, only when it is not empty, however
many times the task runs; editors who did not ask, and outsiders, get nothing."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.follow_helpers import smtp_inbox, text
from tracker.editor.models import EditorPreference
from tracker.follow import editor_digest, tasks

pytestmark = pytest.mark.django_db
smtp_inbox = smtp_inbox  # the fixture, used by name
TODAY = datetime.date(2018, 6, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def due(make_commitment):
    return make_commitment(quote="The sides will meet again in June.", deadline=datetime.date(2018, 6, 20))


def opt_in(client, on=True):
    return client.post(reverse("editor:digest_preference"), {"daily_digest": "on"} if on else {})


def test_erin_opts_in_and_gets_her_queue_once_a_day_in_text_and_html(erin_client, erin, due, smtp_inbox):
    assert opt_in(erin_client).status_code == 302
    assert "Daily digest: on" in erin_client.get(reverse("editor:home")).text

    assert tasks.send_editor_digests.delay().get() == 1
    assert tasks.send_editor_digests.delay().get() == 0  # the same day again: nothing more

    [(recipients, message)] = smtp_inbox.messages
    assert recipients == ["erin@example.org"]
    assert "your queue, 1 item" in message["Subject"]
    body = text(message)
    assert due.reference in body and "Deadlines in the next 30 days: 1" in body
    assert reverse("editor:commitment_detail", args=[due.reference]) in body
    assert reverse("editor:digest_preference") in body
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f">{due.reference}</a>" in html
    assert EditorPreference.objects.get(user=erin).digest_sent_on == TODAY

    with time_machine.travel(datetime.datetime(2018, 6, 2, 9, tzinfo=datetime.UTC), tick=False):
        assert editor_digest.send_editor_digests() == 1
    assert len(smtp_inbox.messages) == 2


def test_nothing_is_sent_to_editors_who_did_not_ask_or_opted_out_or_to_outsiders(
    erin_client, erin, olga, due, smtp_inbox
):
    EditorPreference.objects.create(user=olga, daily_digest=True)  # not an editor
    assert editor_digest.send_editor_digests() == 0
    opt_in(erin_client)
    opt_in(erin_client, on=False)

    assert editor_digest.send_editor_digests() == 0
    assert smtp_inbox.messages == []


def test_an_empty_queue_sends_nothing(erin_client, erin, smtp_inbox):
    opt_in(erin_client)

    assert editor_digest.send_editor_digests() == 0
    assert smtp_inbox.messages == []


def test_an_editor_without_an_address_cannot_opt_in(erin_client, erin):
    erin.email = ""
    erin.save()

    response = opt_in(erin_client)

    assert response.status_code == 200 and "has no e-mail address" in response.text
    assert not EditorPreference.objects.exists()


def test_a_failed_send_gives_the_day_back_for_the_next_run(erin_client, erin, due, settings, smtp_inbox):
    opt_in(erin_client)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens there: the send fails

    assert editor_digest.send_editor_digests() == 0
    assert EditorPreference.objects.get(user=erin).digest_sent_on is None

    settings.EMAIL_PORT = port
    assert editor_digest.send_editor_digests() == 1
    assert len(smtp_inbox.messages) == 1


def test_the_digest_tells_of_cited_pages_that_changed_or_disappeared(erin_client, erin, smtp_inbox):
    from tracker.ingest.archive import ArchivedCopy

    gone = ArchivedCopy.objects.create(
        url="https://news.example.org/removed-report",
        host="news.example.org",
        state=ArchivedCopy.State.ARCHIVED,
        captured_at=datetime.datetime(2018, 3, 1, tzinfo=datetime.UTC),
        sha256="0" * 64,
        live_state=ArchivedCopy.Live.GONE,
        live_since=datetime.datetime(2018, 5, 31, tzinfo=datetime.UTC),
    )
    opt_in(erin_client)

    assert editor_digest.send_editor_digests() == 1

    [(_, message)] = smtp_inbox.messages
    body = text(message)
    assert "Cited pages that changed or disappeared: 1" in body
    assert f"{gone.url}: Gone (seen 31 May 2018)" in body and reverse("editor:archive") in body
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f">{gone.url}</a>: Gone (seen 31 May 2018)" in html
