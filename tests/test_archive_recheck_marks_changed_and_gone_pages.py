"""The periodic re-check fetches each cited page again and records whether its main text changed
(read as the pipeline reads it, so markup, boilerplate and whitespace do not count), whether it is
gone (404, 410 or no such host, several checks in a row), or neither; readers see it beside the
source, editors in their list. Batches are spaced per host."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests import httpserver
from tests.archive_helpers import drip
from tracker.commitments import actions
from tracker.ingest import archive, archive_tasks
from tracker.ingest.archive import ArchivedCopy

http_server = httpserver.http_server  # the local test server, as a pytest fixture

pytestmark = pytest.mark.django_db

BODY = (
    "On 12 March 2018 the United States handed over two criminal suspects to China under the "
    "repatriation arrangement agreed at the first dialogue. Officials of both sides said the identity "
    "verification was completed within thirty days, as pledged, and that further cases are being "
    "reviewed by the working group set up for the purpose."
)


def page(body: str = BODY, *, nav: str = "Home | News", indent: str = "") -> bytes:
    return (
        f"<html><head><title>Handover</title></head><body><nav>{nav}</nav>\n{indent}<article><h1>Handover of "
        f"two suspects</h1>\n{indent}<p>{body}</p></article><footer>© 2018</footer></body></html>"
    ).encode()


@pytest.fixture
def cited(http_server, commitment):
    """A published commitment whose source page was archived."""
    http_server.route("/news", body=page())
    actions.add_source(commitment=commitment, url=http_server.url("/news"))
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/news")))
    assert archive.capture(copy.pk) == archive.Outcome.ARCHIVED
    copy.refresh_from_db()
    return copy


def detail(client, commitment, **params) -> str:
    cache.clear()
    return client.get(reverse("public:commitment_detail", args=[commitment.reference]), params).content.decode()


def test_a_page_whose_main_text_is_the_same_is_unchanged(http_server, cited):
    # Given the live page re-indented, with other navigation: its main text is the same
    http_server.route("/news", body=page(BODY.replace(" the ", "  the "), nav="Start | World", indent="    "))
    assert archive.recheck(cited.pk) == ArchivedCopy.Live.UNCHANGED
    cited.refresh_from_db()
    assert cited.live_state == "unchanged" and cited.live_checked_at > cited.captured_at


def test_a_page_whose_main_text_changed_is_marked_changed(http_server, cited, rob_client, commitment):
    http_server.route("/news", body=page(BODY.replace("two criminal suspects", "three criminal suspects")))
    checked_at = timezone.now()

    assert archive.recheck(cited.pk, now=checked_at) == ArchivedCopy.Live.CHANGED
    cited.refresh_from_db()
    assert cited.live_state == "changed" and cited.live_since == checked_at
    assert "main text differs" in cited.live_note
    html = detail(rob_client, commitment)
    assert "The live page has changed since it was cited." in html
    # A second check finding the same change keeps the time it was first seen
    assert archive.recheck(cited.pk, now=checked_at + datetime.timedelta(days=7)) == "changed"
    cited.refresh_from_db()
    assert cited.live_since == checked_at


@pytest.mark.parametrize("status", [404, 410])
def test_a_page_missing_at_several_checks_in_a_row_is_gone(http_server, cited, rob_client, commitment, status):
    http_server.route("/news", status=status, body=b"gone")
    now = timezone.now()

    # One miss, then another: not gone yet (a bad deploy, a moved page put back)
    assert archive.recheck(cited.pk, now=now) == "missing"
    assert archive.recheck(cited.pk, now=now + datetime.timedelta(hours=1)) == "missing"
    cited.refresh_from_db()
    assert cited.live_state == "unchanged" and cited.live_misses == 2
    assert f"HTTP {status}" in cited.live_note
    assert "The live page is gone" not in detail(rob_client, commitment)
    # The third in a row: gone, and the page says the copy remains
    assert archive.recheck(cited.pk, now=now + datetime.timedelta(hours=2)) == "gone"
    cited.refresh_from_db()
    assert cited.live_state == "gone" and cited.live_since == now + datetime.timedelta(hours=2)
    html = detail(rob_client, commitment)
    assert "The live page is gone; the archived copy remains." in html
    assert reverse("public:archived_copy", args=[cited.pk]) in html


def test_a_page_that_comes_back_between_misses_starts_the_count_again(http_server, cited):
    http_server.route("/news", status=404)
    assert archive.recheck(cited.pk) == "missing"
    http_server.route("/news", body=page())
    assert archive.recheck(cited.pk) == "unchanged"
    cited.refresh_from_db()
    assert cited.live_misses == 0


def test_a_host_that_no_longer_exists_is_gone_after_the_retries(cited, settings):
    settings.ARCHIVE_GONE_AFTER = 2
    ArchivedCopy.objects.filter(pk=cited.pk).update(url="http://no-such-host.invalid/news")
    assert archive.recheck(cited.pk) == "missing"
    assert archive.recheck(cited.pk) == "gone"
    cited.refresh_from_db()
    assert "does not exist" in cited.live_note


def test_a_page_that_cannot_be_checked_keeps_its_state_and_says_why(http_server, cited, settings):
    settings.FETCH_TOTAL_TIMEOUT = 1
    settings.FETCH_READ_TIMEOUT = 0.5

    http_server.route("/news", body=drip, content_type="text/html", delay=0.1)
    assert archive.recheck(cited.pk) == "error"
    cited.refresh_from_db()
    assert cited.live_state == "unchanged" and cited.live_misses == 0
    assert cited.live_note.startswith("Could not be checked:")


def test_a_page_grown_over_the_size_cap_is_noted_not_marked(http_server, cited, settings):
    settings.FETCH_MAX_BYTES = 512
    http_server.route("/news", body=page(BODY * 10))
    assert archive.recheck(cited.pk) == "error"
    cited.refresh_from_db()
    assert cited.live_state == "unchanged" and "larger than" in cited.live_note


def test_due_rechecks_are_sent_in_a_batch_spaced_per_host(monkeypatch, settings):
    # Given captured copies on two hosts, one checked recently
    settings.ARCHIVE_RECHECK_BATCH = 4
    settings.ARCHIVE_HOST_INTERVAL_SECONDS = 10
    now = timezone.now()
    week_ago = now - datetime.timedelta(days=8)
    copies = []
    for i, host in enumerate(["a.example.org"] * 3 + ["b.example.org"] * 2):
        copies.append(
            ArchivedCopy.objects.create(
                url=f"https://{host}/{i}",
                host=host,
                state="archived",
                captured_at=week_ago,
                sha256="0" * 64,
                live_checked_at=week_ago - datetime.timedelta(minutes=i),
            )
        )
    ArchivedCopy.objects.filter(pk=copies[0].pk).update(live_checked_at=now - datetime.timedelta(days=1))
    sent = []
    monkeypatch.setattr(
        archive_tasks.recheck_archive, "apply_async", lambda args, countdown: sent.append((args[0], countdown))
    )

    # When the sweep runs
    assert archive.schedule_rechecks(now) == 4

    # Then the four due (the least recently checked first) go, one request per host every 10 s
    by_pk = {c.pk: c.host for c in copies}
    assert {pk for pk, _ in sent} == {c.pk for c in copies[1:]}
    for host in ("a.example.org", "b.example.org"):
        assert sorted(countdown for pk, countdown in sent if by_pk[pk] == host) == [0, 10]
