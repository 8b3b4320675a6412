"""Erin brings documents in: pasted text, an uploaded file, an address, a feed; she follows each
through the pipeline and retries a failed one. Files too large or not text are refused clearly."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.ingest import tasks
from tracker.ingest.models import Article, Candidate, Feed

world = fixtures.world

STATEMENT = (
    "Joint statement on the third round of the dialogue.\n\n"
    "The two sides agreed to establish a joint working group on counter-narcotics by the end of June 2018.\n\n"
    "China pledged to share information on cybercrime cases with the United States through the hotline.\n\n"
    "In 2016 the two sides exchanged lists of fugitives."
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def test_pasted_text_goes_through_the_pipeline_into_the_inbox(
    erin_client, erin, meeting, china, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = erin_client.post(
            reverse("editor:import_text"),
            {
                "text-text": STATEMENT,
                "text-kind": "joint_statement",
                "text-meeting": meeting.pk,
                "text-issuing_party": china.pk,
                "text-title": "Third round",
            },
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("editor:article_detail", args=[article.pk])
    assert (article.origin, article.kind, article.meeting, article.issuing_party) == (
        "paste",
        "joint_statement",
        meeting,
        china,
    )
    assert article.created_by == erin
    assert article.state == Article.State.ANALYSED, article.error
    quotes = [c.quote for c in Candidate.objects.filter(article=article)]
    assert any("working group" in q for q in quotes) and any("hotline" in q for q in quotes)
    assert not any("exchanged lists" in q for q in quotes)  # a past act

    page = erin_client.get(response["Location"])
    assert f"Review {len(quotes)} proposed commitments" in page.content.decode()
    assert b'http-equiv="refresh"' not in page.content  # finished: no more reloading


def test_an_uploaded_text_file_is_imported(erin_client, meeting, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("readout.md", STATEMENT.encode(), content_type="text/markdown")
    with django_capture_on_commit_callbacks(execute=False):
        response = erin_client.post(reverse("editor:import_file"), {"file-file": upload, "file-kind": "readout"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.origin, article.filename, article.kind) == ("upload", "readout.md", "readout")
    assert bytes(article.raw) == STATEMENT.encode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", PDF, "only .txt, .md and .html files can"),
        ("photo.png", PNG, "only .txt, .md and .html files can"),
        ("statement.txt", PDF, "it looks like a PDF document"),
        ("statement.html", PNG, "it looks like a PNG image"),
        ("statement.md", b"\x00\x01\x02binary\x00" * 20, "it looks like a binary file"),
        ("statement.docx.txt", b"PK\x03\x04" + b"\x00" * 40, "it looks like a Word, OpenDocument or ZIP file"),
    ],
)
def test_a_file_that_is_not_text_is_refused_with_a_clear_message(erin_client, db, name, data, message):
    response = erin_client.post(reverse("editor:import_file"), {"file-file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f"“{name}”" in response.content.decode()
    assert not Article.objects.exists()


def test_a_file_over_the_size_limit_is_refused(erin_client, db, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    upload = SimpleUploadedFile("long.txt", b"The two sides will meet again. " * 100)
    response = erin_client.post(reverse("editor:import_file"), {"file-file": upload})
    assert response.status_code == 200
    assert "larger than the 1 KB limit" in response.content.decode()
    assert not Article.objects.exists()


def test_pasted_text_over_the_size_limit_is_refused(erin_client, db, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = erin_client.post(reverse("editor:import_text"), {"text-text": "x" * 2000, "text-kind": "news"})
    assert "longer than the 1 KB limit" in response.content.decode()
    assert not Article.objects.exists()


def test_an_address_is_queued_for_fetching_and_imported_once(erin_client, meeting, django_capture_on_commit_callbacks):
    url = "https://www.example.org/news/readout"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = erin_client.post(reverse("editor:import_url"), {"url-url": url, "url-kind": "readout"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.url, article.state, article.origin) == (url, Article.State.QUEUED, "url")
    assert len(callbacks) == 1  # the fetch, enqueued after commit

    again = erin_client.post(reverse("editor:import_url"), {"url-url": url + "?utm_source=x", "url-kind": "news"})
    assert again["Location"] == reverse("editor:article_detail", args=[article.pk])
    assert Article.objects.count() == 1
    assert "imported before" in erin_client.get(again["Location"]).content.decode()


def test_an_address_that_is_not_http_is_refused(erin_client, db):
    response = erin_client.post(reverse("editor:import_url"), {"url-url": "ftp://example.org/x", "url-kind": "news"})
    assert response.status_code == 200
    assert "Only http and https addresses can be imported." in response.content.decode()
    assert not Article.objects.exists()


def test_a_feed_is_added_and_polled_at_once(
    erin_client, erin, meeting, monkeypatch, django_capture_on_commit_callbacks
):
    polled = []
    monkeypatch.setattr(tasks.poll_feed, "delay", polled.append)
    with django_capture_on_commit_callbacks(execute=True):
        response = erin_client.post(
            reverse("editor:feed_create"),
            {
                "feed-url": "https://www.example.org/feed.xml",
                "feed-title": "Ministry news",
                "feed-kind": "news",
                "feed-meeting": meeting.pk,
                "feed-is_active": "on",
            },
        )
    feed = Feed.objects.get()
    assert response.status_code == 302
    assert (feed.title, feed.meeting, feed.created_by) == ("Ministry news", meeting, erin)
    assert polled == [feed.pk]
    assert "Ministry news" in erin_client.get(reverse("editor:feed_list")).content.decode()


def test_an_unfinished_article_refreshes_itself_without_javascript(erin_client, world):
    Article.objects.filter(pk=world.failed.pk).update(state=Article.State.FETCHING, error="")
    page = erin_client.get(reverse("editor:article_detail", args=[world.failed.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'data-status-url="{reverse("editor:article_status", args=[world.failed.pk])}"' in page
    assert "js/editor.js" in page


def test_the_status_endpoint_reports_progress(erin_client, world):
    status = erin_client.get(reverse("editor:article_status", args=[world.statement.pk])).json()
    assert status["state"] == "analysed" and status["finished"] is True
    assert status["pending"] == 2
    assert status["inbox_url"] == reverse("editor:inbox") + f"?article={world.statement.pk}"
    failed = erin_client.get(reverse("editor:article_status", args=[world.failed.pk])).json()
    assert failed["state"] == "failed" and "503" in failed["error"]


def test_a_failed_article_shows_its_error_and_can_be_retried(erin_client, world, django_capture_on_commit_callbacks):
    url = reverse("editor:article_detail", args=[world.failed.pk])
    page = erin_client.get(url).content.decode()
    assert "The server answered 503 Service Unavailable." in page
    assert reverse("editor:article_retry", args=[world.failed.pk]) in page
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = erin_client.post(reverse("editor:article_retry", args=[world.failed.pk]))
    assert response["Location"] == url
    world.failed.refresh_from_db()
    assert (world.failed.state, world.failed.error) == (Article.State.QUEUED, "")
    assert len(callbacks) == 1


def test_the_import_page_preselects_a_meeting(erin_client, world):
    page = erin_client.get(reverse("editor:import") + f"?meeting={world.meeting.pk}").content.decode()
    assert f'<option value="{world.meeting.pk}" selected>' in page
