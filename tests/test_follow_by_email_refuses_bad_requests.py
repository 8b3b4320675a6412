"""Follow by e-mail refuses what it cannot take, each time with a sentence that says why and
without writing anything: a malformed address, a draft or unknown commitment, a replayed, expired
or tampered confirmation link, an unsubscribe twice, and too many requests."""

from __future__ import annotations

import datetime
import socket

import pytest
import time_machine
from django.core import signing
from django.urls import reverse

from tests.follow_helpers import confirm_link, path_of, post_and_send, unsubscribe_link
from tracker.follow.models import Subscription

pytestmark = pytest.mark.django_db
ADDRESS = "reader@example.org"


def follow(client, kind="commitment", target="", email=ADDRESS, **extra):
    data = {"email": email, "kind": kind, "target": target, "frequency": "weekly"}
    return post_and_send(client, reverse("public:follow_subscribe"), data, **extra)


@pytest.mark.parametrize("bad", ["not-an-address", "reader@", "@example.org", "a b@example.org", ""])
def test_a_malformed_address_is_refused_and_nothing_is_written(rob_client, commitment, mailoutbox, bad):
    response = follow(rob_client, target=commitment.reference, email=bad)

    assert response.status_code == 400
    assert "e-mail address" in response.text or "This field is required" in response.text
    assert not Subscription.objects.exists() and mailoutbox == []


def test_following_a_draft_commitment_is_refused_as_unknown(rob_client, make_commitment, mailoutbox):
    draft = make_commitment(quote="The two sides will meet monthly.", title="Hidden draft", publish=False)

    response = follow(rob_client, target=draft.reference)

    assert response.status_code == 404
    assert "no published commitment" in response.text
    assert "Hidden draft" not in response.text
    assert not Subscription.objects.exists() and mailoutbox == []


def test_following_an_unknown_commitment_dialogue_party_or_kind_is_refused(rob_client, commitment, mailoutbox):
    for kind, target, words in [
        ("commitment", "NOPE-1999-01", "no published commitment"),
        ("dialogue", "no-such-dialogue", "no dialogue"),
        ("party", "zz", "no party"),
        ("list", "status=nonsense", "not valid"),
        ("everything", "x", "Choose a commitment"),
    ]:
        response = follow(rob_client, kind=kind, target=target)
        assert response.status_code in (400, 404), kind
        assert words in response.text, kind
    assert not Subscription.objects.exists() and mailoutbox == []


def test_a_replayed_confirmation_link_changes_nothing(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    path = path_of(confirm_link(mailoutbox[0].body))
    rob_client.post(path)
    before = list(Subscription.objects.values())

    again = rob_client.post(path)

    assert again.status_code == 409
    assert "already used" in again.text
    assert list(Subscription.objects.values()) == before


def test_a_confirmation_link_after_unsubscribing_does_not_follow_again(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    body = mailoutbox[0].body
    rob_client.post(path_of(unsubscribe_link(body)))

    response = rob_client.post(path_of(confirm_link(body)))

    assert response.status_code == 404
    assert "no longer names a request" in response.text
    assert not Subscription.objects.exists()


def test_an_expired_confirmation_link_is_refused(rob_client, commitment, mailoutbox, settings):
    follow(rob_client, target=commitment.reference)
    path = path_of(confirm_link(mailoutbox[0].body))
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=settings.FOLLOW_CONFIRM_HOURS + 1)

    with time_machine.travel(later):
        response = rob_client.post(path)

    assert response.status_code == 400
    assert "has expired" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_a_tampered_confirmation_link_is_refused(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    subscription = Subscription.objects.get()
    path = path_of(confirm_link(mailoutbox[0].body))
    token = path.rstrip("/").rsplit("/", 1)[1]
    # Another row's id signed with the wrong key, and the real token with a changed character.
    forged = signing.dumps(
        {"s": subscription.pk, "k": subscription.key}, key="not-the-key", salt="tracker.follow.confirm"
    )
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")

    for bad in (forged, flipped, "garbage"):
        response = rob_client.post(reverse("public:follow_confirm", args=[bad]))
        assert response.status_code == 400, bad
        assert "damaged" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_an_unsubscribe_link_cannot_confirm(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    token = path_of(unsubscribe_link(mailoutbox[0].body)).rstrip("/").rsplit("/", 1)[1]

    response = rob_client.post(reverse("public:follow_confirm", args=[token]))

    assert response.status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_unsubscribing_twice_says_so_and_writes_nothing(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    path = path_of(unsubscribe_link(mailoutbox[0].body))
    assert rob_client.post(path).status_code == 200
    assert not Subscription.objects.exists()

    again = rob_client.post(path)

    assert again.status_code == 200
    assert "already unsubscribed" in again.text
    assert not Subscription.objects.exists()


def test_requests_are_throttled_per_address(rob_client, commitment, mailoutbox, settings):
    settings.FOLLOW_THROTTLE_PER_ADDRESS = 2
    for _ in range(2):
        assert follow(rob_client, target=commitment.reference).status_code == 200
    sent = len(mailoutbox)

    response = follow(rob_client, target=commitment.reference, REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 429
    assert "Too many requests to follow with this address" in response.text
    assert response["Retry-After"]
    assert len(mailoutbox) == sent


def test_requests_are_throttled_per_client(rob_client, commitment, mailoutbox, settings):
    settings.FOLLOW_THROTTLE_PER_CLIENT = 3
    for n in range(3):
        assert follow(rob_client, target=commitment.reference, email=f"r{n}@example.org").status_code == 200

    response = follow(rob_client, target=commitment.reference, email="r9@example.org")

    assert response.status_code == 429
    assert "from your connection" in response.text
    assert not Subscription.objects.filter(email="r9@example.org").exists()
    assert len(mailoutbox) == 3


def test_asking_again_for_a_confirmed_address_reveals_nothing_and_sends_nothing(rob_client, commitment, mailoutbox):
    follow(rob_client, target=commitment.reference)
    rob_client.post(path_of(confirm_link(mailoutbox[0].body)))

    again = follow(rob_client, target=commitment.reference)

    assert again.status_code == 200 and "Check your inbox" in again.text
    assert len(mailoutbox) == 1 and Subscription.objects.count() == 1


@pytest.fixture
def retries_run_in_process(monkeypatch, settings):
    """In-process tasks raise at their first retry when errors propagate (tests/settings.py); here
    the retries run one after the other, as a worker would run them (without the waits)."""
    from tracker.celery import app

    settings.CELERY_TASK_EAGER_PROPAGATES = False
    assert app.conf.task_eager_propagates is not None  # read first: the configuration is loaded lazily
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


def test_when_the_mail_server_refuses_the_request_is_not_kept(rob_client, commitment, settings, retries_run_in_process):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2

    response = follow(rob_client, target=commitment.reference)

    # The reader is not kept waiting on the mail server: the task retries, then forgets the address.
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_a_mail_server_back_before_the_last_retry_delivers_the_confirmation(
    rob_client, commitment, mailoutbox, monkeypatch
):
    from tracker.follow import mail

    real, calls = mail.send_confirmation, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionRefusedError("the mail server is restarting")
        return real(*args, **kwargs)

    monkeypatch.setattr(mail, "send_confirmation", flaky)

    response = follow(rob_client, target=commitment.reference)

    assert response.status_code == 200
    assert len(calls) == 3 and len(mailoutbox) == 1
    assert Subscription.objects.get().confirmed_at is None
