"""Every cited address gets an archived copy when it is cited: the bytes the guarded client
received, stored in the archive storage with their capture time, SHA-256, content type, final
address and HTTP status; a pasted text's copy is the text itself. What cannot be archived (a private
address, a page over the size cap, a 404, a site that never answers) is recorded with its reason,
and nothing is lost or crashes."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.core.management import call_command

from tests import httpserver
from tests.archive_helpers import cite_evidence, drip
from tracker.commitments import actions
from tracker.ingest import archive
from tracker.ingest.archive import ArchivedCopy, archive_storage
from tracker.ingest.models import Article

http_server = httpserver.http_server  # the local test server, as a pytest fixture

pytestmark = pytest.mark.django_db

PAGE = (
    b"<html><head><title>Handover of two suspects</title></head><body><nav>Home | News</nav>"
    b"<article><h1>Handover of two suspects</h1><p>On 12 March 2018 the United States handed over two "
    b"criminal suspects to China under the repatriation arrangement agreed at the first dialogue. "
    b"Officials of both sides said the identity verification was completed within thirty days, as "
    b"pledged, and that further cases are being reviewed by the working group.</p></article></body></html>"
)


@pytest.fixture
def archiving(settings):
    settings.ARCHIVE_ON_CITE = True
    return settings


def test_citing_an_address_archives_it_after_the_commit(
    archiving, http_server, commitment, erin, django_capture_on_commit_callbacks
):
    # Given a page that redirects to its final address
    http_server.route("/news/handover", body=PAGE)
    http_server.redirect("/short", http_server.url("/news/handover"))
    url = http_server.url("/short")

    # When an editor cites it as evidence (the capture task runs once the transaction commits)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cite_evidence(commitment, erin, url)
    copy = ArchivedCopy.objects.get(url=url)
    assert copy.state == ArchivedCopy.State.PENDING and http_server.hits("/short") == 0
    for callback in callbacks:
        callback()

    # Then the copy holds the bytes received, with what is known about them
    copy.refresh_from_db()
    assert copy.state == ArchivedCopy.State.ARCHIVED
    assert copy.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert copy.content_type == "text/html" and copy.encoding == "utf-8"
    assert copy.final_url == http_server.url("/news/handover") and copy.http_status == 200
    assert copy.size == len(PAGE) and copy.captured_at is not None
    assert copy.read() == PAGE
    assert archive_storage().exists(copy.stored_name)


def test_a_source_added_to_a_commitment_is_archived_too(
    archiving, http_server, commitment, django_capture_on_commit_callbacks
):
    http_server.route("/readout", body=PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_source(commitment=commitment, url=http_server.url("/readout"))
    assert ArchivedCopy.objects.get(url=http_server.url("/readout")).state == ArchivedCopy.State.ARCHIVED


def test_a_pasted_texts_copy_is_its_stored_text(archiving, commitment):
    article = Article.objects.create(origin=Article.Origin.PASTE, text="双方同意加强合作。", title="Readout")
    actions.add_source(commitment=commitment, article=article)
    copy = ArchivedCopy.objects.get(article=article)
    assert copy.state == ArchivedCopy.State.ARCHIVED and copy.url == ""
    assert copy.read() == "双方同意加强合作。".encode()
    assert copy.sha256 == hashlib.sha256("双方同意加强合作。".encode()).hexdigest()
    assert copy.content_type == "text/plain" and copy.captured_at == article.created_at


def test_a_chinese_page_is_kept_in_its_own_bytes_and_charset(archiving, http_server, commitment):
    body = "<html><body><p>双方同意在遣返非法移民方面加强合作。</p></body></html>".encode("gb18030")
    http_server.route("/zh", body=body, content_type="text/html; charset=GB18030")
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/zh")))

    assert archive.capture(copy.pk) == archive.Outcome.ARCHIVED
    copy.refresh_from_db()
    assert copy.read() == body and copy.encoding == "gb18030"
    assert copy.sha256 == hashlib.sha256(body).hexdigest()


def test_a_private_address_is_refused_with_its_reason_and_never_contacted(
    archiving, commitment, erin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cite_evidence(commitment, erin, "http://10.0.0.7/internal")
    copy = ArchivedCopy.objects.get(url="http://10.0.0.7/internal")
    assert copy.state == ArchivedCopy.State.FAILED
    assert "private network" in copy.reason
    assert copy.sha256 == "" and copy.stored_name == ""


def test_a_page_over_the_size_cap_is_refused_with_its_reason(archiving, http_server, settings):
    settings.FETCH_MAX_BYTES = 1024
    http_server.route("/huge", body=b"<p>" + b"x" * 4096 + b"</p>")
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/huge")))

    assert archive.capture(copy.pk) == archive.Outcome.FAILED
    copy.refresh_from_db()
    assert copy.state == ArchivedCopy.State.FAILED and "larger than the 1 KB limit" in copy.reason


def test_a_missing_page_fails_at_once_with_its_status(archiving, http_server):
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/never-was")))
    assert archive.capture(copy.pk) == archive.Outcome.FAILED
    copy.refresh_from_db()
    assert copy.http_status == 404 and "not found (HTTP 404)" in copy.reason


def test_a_site_that_does_not_answer_is_tried_again_then_given_up_with_the_reason(archiving, http_server, settings):
    # Given a site that is too slow for the deadline every time
    settings.FETCH_TOTAL_TIMEOUT = 1
    settings.FETCH_READ_TIMEOUT = 0.5
    settings.ARCHIVE_MAX_ATTEMPTS = 2

    http_server.route("/slow", body=drip, content_type="text/plain", delay=0.1)
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/slow")))

    # When the first attempt times out, the copy stays pending with the reason and a retry time
    assert archive.capture(copy.pk) == archive.Outcome.RETRY
    copy.refresh_from_db()
    assert copy.state == ArchivedCopy.State.PENDING and copy.attempts == 1
    assert copy.reason.startswith("Attempt 1 failed") and copy.claimed_until is not None
    # ... not tried again before that time (the sweep leaves it)
    assert archive.capture(copy.pk) == archive.Outcome.SKIPPED
    # Then at the last attempt it fails, with the reason
    later = copy.claimed_until + datetime.timedelta(seconds=1)
    assert archive.capture(copy.pk, now=later) == archive.Outcome.FAILED
    copy.refresh_from_db()
    assert copy.state == ArchivedCopy.State.FAILED and "gave up after 2 attempts" in copy.reason


def test_a_capture_delivered_twice_fetches_once(archiving, http_server):
    http_server.route("/once", body=PAGE)
    copy = archive.ensure_copy(archive.Key(url=http_server.url("/once")))
    assert archive.capture(copy.pk) == archive.Outcome.ARCHIVED
    assert archive.capture(copy.pk) == archive.Outcome.SKIPPED
    assert http_server.hits("/once") == 1


def test_the_backfill_command_archives_what_was_cited_before(http_server, commitment, erin, capsys):
    # Given citations made while archiving was off (ARCHIVE_ON_CITE is off in the test settings)
    http_server.route("/old", body=PAGE)
    cite_evidence(commitment, erin, http_server.url("/old"))
    actions.add_source(commitment=commitment, url="http://192.168.1.1/router")
    assert not ArchivedCopy.objects.exists()

    # When the backfill runs
    call_command("archive_citations")

    # Then each has its copy, or its reason
    assert ArchivedCopy.objects.get(url=http_server.url("/old")).state == ArchivedCopy.State.ARCHIVED
    refused = ArchivedCopy.objects.get(url="http://192.168.1.1/router")
    assert refused.state == ArchivedCopy.State.FAILED and "private network" in refused.reason
    output = capsys.readouterr()
    assert "1 archived, 1 failed" in output.out and "192.168.1.1" in output.err
    # And a second run makes nothing new
    call_command("archive_citations")
    assert http_server.hits("/old") == 1


def test_the_sweep_sends_captures_stranded_by_a_broker_outage_and_retries_that_are_due(monkeypatch):
    from django.utils import timezone

    from tracker.ingest import archive_tasks

    now = timezone.now()
    old = now - datetime.timedelta(minutes=30)
    stranded = ArchivedCopy.objects.create(url="https://a.example.org/1")  # its task never reached a worker
    ArchivedCopy.objects.filter(pk=stranded.pk).update(created_at=old)
    just_cited = ArchivedCopy.objects.create(url="https://a.example.org/2")  # its task is on its way
    hour = datetime.timedelta(hours=1)
    retry_due = ArchivedCopy.objects.create(url="https://a.example.org/3", claimed_until=now - hour)
    retry_later = ArchivedCopy.objects.create(url="https://a.example.org/4", claimed_until=now + hour)
    sent = []
    monkeypatch.setattr(archive_tasks.capture_archive, "apply_async", lambda args, countdown: sent.append(args[0]))

    assert archive.sweep_pending(now) == 2
    assert sorted(sent) == sorted([stranded.pk, retry_due.pk])
    assert just_cited.pk not in sent and retry_later.pk not in sent
