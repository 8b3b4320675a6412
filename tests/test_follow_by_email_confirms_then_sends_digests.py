"""Follow by e-mail: a request sends a confirmation link (double opt-in), confirming starts the
digests, a digest lists the status changes (as /changes/ counts them) and the new evidence, and
every message unsubscribes in one click (RFC 8058). Only the address is stored."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.follow_helpers import confirm_link, path_of, post_and_send, unsubscribe_link
from tracker.commitments import actions
from tracker.commitments.models import Evidence
from tracker.commitments.status import Status
from tracker.follow import digest
from tracker.follow.models import Subscription

D = datetime.date
pytestmark = pytest.mark.django_db
ADDRESS = "reader@example.org"


def follow(client, kind, target, email=ADDRESS, frequency="daily", **extra):
    data = {"email": email, "kind": kind, "target": target, "frequency": frequency}
    return post_and_send(client, reverse("public:follow_subscribe"), data, **extra)


@pytest.fixture
def confirmed(rob_client, commitment, mailoutbox):
    with time_machine.travel(datetime.datetime(2018, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        follow(rob_client, "commitment", commitment.reference)
        rob_client.post(path_of(confirm_link(mailoutbox[0].body)))
    mailoutbox.clear()
    return Subscription.objects.get()


def test_asking_to_follow_sends_a_confirmation_and_stores_only_a_pending_address(rob_client, commitment, mailoutbox):
    response = follow(rob_client, "commitment", commitment.reference)

    assert response.status_code == 200
    assert "Check your inbox" in response.text
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.confirmed_at) == (ADDRESS, None)
    [message] = mailoutbox
    assert message.to == [ADDRESS]
    assert commitment.reference in message.subject
    assert "/follow/confirm/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_link(message.body)}>"


def test_the_confirmation_link_asks_on_get_and_confirms_on_post(rob_client, commitment, mailoutbox):
    follow(rob_client, "commitment", commitment.reference)
    path = path_of(confirm_link(mailoutbox[0].body))

    shown = rob_client.get(path)
    assert shown.status_code == 200 and Subscription.objects.get().confirmed_at is None

    confirmed = rob_client.post(path)
    assert confirmed.status_code == 200
    assert "You are following this" in confirmed.text
    assert Subscription.objects.get().confirmed_at is not None


def test_the_follow_form_is_on_the_commitment_dialogue_party_and_list_pages(rob_client, commitment, dialogue, china):
    pages = [
        (commitment.get_absolute_url(), "commitment", commitment.reference),
        (dialogue.get_absolute_url(), "dialogue", dialogue.slug),
        (china.get_absolute_url(), "party", china.code),
        (reverse("public:commitment_list") + "?party=cn", "list", "party=cn"),
    ]
    for url, kind, target in pages:
        text = rob_client.get(url).text
        assert 'action="/follow/"' in text, url
        assert f'name="kind" value="{kind}"' in text and f'name="target" value="{target}"' in text, url
        assert "<script" not in text.split("Follow by e-mail")[1].split("</section>")[0], url


def test_following_a_dialogue_a_party_and_a_list_filter_is_accepted(
    rob_client, commitment, dialogue, china, mailoutbox
):
    assert follow(rob_client, "dialogue", dialogue.slug).status_code == 200
    assert follow(rob_client, "party", china.code).status_code == 200
    # Paging and the date viewed are not part of what is followed.
    assert follow(rob_client, "list", "status=not_assessed&after=abc&as_of=2019-01-01").status_code == 200
    assert sorted(Subscription.objects.values_list("kind", "target")) == [
        ("dialogue", dialogue.slug),
        ("list", "status=not_assessed"),
        ("party", "cn"),
    ]
    assert len(mailoutbox) == 3


def test_a_daily_digest_lists_status_changes_and_new_evidence(confirmed, commitment, erin, mailoutbox):
    with time_machine.travel(datetime.datetime(2018, 3, 5, 9, tzinfo=datetime.UTC), tick=False):
        evidence = Evidence.objects.create(url="https://news.example.org/lists", title="Lists were exchanged")
        actions.record_assessment(
            commitment=commitment,
            status=Status.IN_PROGRESS,
            as_of=D(2018, 3, 4),
            rationale="Lists exchanged.",
            author=erin,
            evidence=[evidence],
        )
    assert digest.send_digests(today=D(2018, 3, 6)) == 1

    [message] = mailoutbox
    assert "In progress" in message.body and commitment.reference in message.body
    assert "Lists were exchanged" in message.body
    assert "/follow/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The same days are never reported twice.
    assert digest.send_digests(today=D(2018, 3, 6)) == 0
    assert digest.send_digests(today=D(2018, 3, 7)) == 0
    assert len(mailoutbox) == 1


def test_a_weekly_digest_waits_for_its_week(confirmed, commitment, erin, mailoutbox):
    Subscription.objects.update(frequency="weekly")
    actions.record_assessment(
        commitment=commitment, status=Status.BROKEN, as_of=D(2018, 3, 2), rationale="Refused.", author=erin
    )
    assert digest.send_digests(today=D(2018, 3, 5)) == 0
    assert digest.send_digests(today=D(2018, 3, 8)) == 1
    assert "Broken" in mailoutbox[0].body


def test_nothing_is_sent_when_nothing_changed(confirmed, mailoutbox):
    assert digest.send_digests(today=D(2018, 3, 10)) == 0
    assert mailoutbox == []


def test_a_draft_never_appears_in_a_digest(rob_client, confirmed, make_commitment, erin, mailoutbox):
    draft = make_commitment(quote="The two sides will meet monthly.", title="Hidden draft", publish=False)
    Subscription.objects.update(kind="list", target="")
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=D(2018, 3, 2), rationale="Met.", author=erin
    )
    assert digest.send_digests(today=D(2018, 3, 5)) == 0


def test_one_click_unsubscribe_is_a_bare_post_and_deletes_the_address(rob_client, confirmed, commitment, mailoutbox):
    follow(rob_client, "commitment", commitment.reference, email="other@example.org")
    path = path_of(unsubscribe_link(mailoutbox[0].body))
    Subscription.objects.filter(email="other@example.org").update(confirmed_at=confirmed.confirmed_at)

    response = rob_client.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert list(Subscription.objects.values_list("email", flat=True)) == [ADDRESS]


def test_unconfirmed_requests_are_deleted_once_their_link_expired(rob_client, commitment, mailoutbox):
    follow(rob_client, "commitment", commitment.reference)
    assert digest.purge_unconfirmed(hours=48) == 0
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=49)
    assert digest.purge_unconfirmed(now=later, hours=48) == 1
    assert not Subscription.objects.exists()


def test_the_digest_task_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["follow-digests"]
    assert entry["task"] == "tracker.follow.tasks.send_digests"


def test_evidence_cited_only_for_another_commitment_is_not_listed(
    confirmed, commitment, make_commitment, erin, mailoutbox
):
    other = make_commitment(quote="The U.S. will return travel documents.", title="Return documents")
    with time_machine.travel(datetime.datetime(2018, 3, 5, 9, tzinfo=datetime.UTC), tick=False):
        elsewhere = Evidence.objects.create(url="https://news.example.org/docs", title="Documents returned")
        actions.record_assessment(
            commitment=other,
            status=Status.FULFILLED,
            as_of=D(2018, 3, 4),
            rationale="Done.",
            author=erin,
            evidence=[elsewhere],
        )
        actions.record_assessment(
            commitment=commitment, status=Status.STALLED, as_of=D(2018, 3, 4), rationale="No news.", author=erin
        )
    assert digest.send_digests(today=D(2018, 3, 6)) == 1
    assert "Stalled" in mailoutbox[0].body
    assert "Documents returned" not in mailoutbox[0].body and "Return documents" not in mailoutbox[0].body


def test_a_change_dated_before_the_window_but_recorded_in_it_is_reported_once(confirmed, commitment, erin, mailoutbox):
    assert digest.send_digests(today=D(2018, 3, 10)) == 0  # nothing yet: covered up to 9 March
    with time_machine.travel(datetime.datetime(2018, 3, 12, 9, tzinfo=datetime.UTC), tick=False):
        actions.record_assessment(
            commitment=commitment, status=Status.BROKEN, as_of=D(2018, 3, 2), rationale="Entered late.", author=erin
        )

    assert digest.send_digests(today=D(2018, 3, 13)) == 1
    assert "Not yet assessed -> Broken [recorded late]" in mailoutbox[0].body
    assert digest.send_digests(today=D(2018, 3, 14)) == 0
