"""Bad inputs fail the article with a message an editor can act on, lose nothing, and can be
retried; only what can succeed later (timeouts, 5xx) is retried by the task."""

from unittest import mock

import pytest
from celery.exceptions import Retry

from tests import httpserver
from tests.texts import DIALOGUE_REPORT, html_page
from tracker.ingest import pipeline, tasks
from tracker.ingest.fetch import FetchRetryable
from tracker.ingest.models import Article

http_server = httpserver.http_server

pytestmark = pytest.mark.django_db


def import_url(run, http_server, path, **route):
    http_server.route(path, **route)
    article, _ = run(pipeline.import_article, url=http_server.url(path))
    article.refresh_from_db()
    return article


def test_a_missing_page_fails_at_once_with_the_status(http_server, run):
    article = import_url(run, http_server, "/gone", status=404, body=b"not here")
    assert article.state == Article.State.FAILED
    assert "404" in article.error
    assert http_server.hits("/gone") == 1  # a 404 is not retried


def test_a_private_address_is_refused_at_import_and_never_contacted(db, run):
    # Refused with its reason before anything is stored: no failed article whose retry cannot work
    with pytest.raises(pipeline.InputError) as refused:
        run(pipeline.import_article, url="http://10.0.0.7/readout.html")
    assert "private network" in refused.value.message_dict["url"][0]
    assert not Article.objects.exists()


def test_an_empty_page_fails_with_a_clear_message(http_server, run):
    article = import_url(run, http_server, "/empty", body=b"<html><body></body></html>")
    assert article.state == Article.State.FAILED
    assert "No article text" in article.error


def test_a_malformed_page_is_still_read(http_server, run):
    broken = html_page(DIALOGUE_REPORT).replace("</p>", "").replace("</article>", "<div><span>").encode()
    article = import_url(run, http_server, "/broken", body=broken + b"<div <<< &nbsp &#xZZ; \xff")
    assert article.state == Article.State.ANALYSED, article.error
    assert "hotline" in article.text


def test_a_binary_file_is_refused_by_type(http_server, run):
    article = import_url(run, http_server, "/file.pdf", body=b"%PDF-1.7 binary", content_type="application/pdf")
    assert article.state == Article.State.FAILED
    assert "pdf" in article.error.lower()


def test_a_gbk_encoded_chinese_page_decodes_to_the_right_text(http_server, run):
    text = "中美双方同意加强禁毒合作，并将于年底前建立联合工作组。"
    page = (
        f'<html><head><meta charset="gbk"><title>禁毒合作</title></head>'
        f"<body><article><p>{text}</p></article></body></html>"
    )
    article = import_url(run, http_server, "/gbk", body=page.encode("gbk"), content_type="text/html")
    assert article.state == Article.State.ANALYSED, article.error
    assert text in article.text


def test_a_server_error_is_retried_by_the_task_with_backoff(http_server, run):
    http_server.route("/flaky", status=503, body=b"busy")
    article = Article.objects.create(
        url=http_server.url("/flaky"), canonical_url=http_server.url("/flaky"), origin="url"
    )
    tasks.fetch_article.push_request(retries=0, is_eager=False)
    try:
        with mock.patch.object(tasks.fetch_article, "retry", side_effect=Retry()) as retry, pytest.raises(Retry):
            tasks.fetch_article.run(article.pk)
    finally:
        tasks.fetch_article.pop_request()
    assert retry.call_args.kwargs["countdown"] == 30
    article.refresh_from_db()
    assert article.state == Article.State.QUEUED  # the claim was given back for the retry


def test_after_the_last_retry_the_article_fails_with_the_reason(http_server, run):
    http_server.route("/down", status=502, body=b"bad gateway")
    article = Article.objects.create(url=http_server.url("/down"), canonical_url=http_server.url("/down"), origin="url")
    tasks.fetch_article.push_request(retries=tasks.MAX_FETCH_RETRIES, is_eager=False)
    try:
        # Its retries spent, Celery's autoretry raises the error: the task fails, and the worker
        # calls the task's on_failure.
        with pytest.raises(FetchRetryable) as gave_up:
            tasks.fetch_article.run(article.pk)
        tasks.fetch_article.on_failure(gave_up.value, "task-id", (article.pk,), {}, None)
    finally:
        tasks.fetch_article.pop_request()
    article.refresh_from_db()
    assert article.state == Article.State.FAILED
    assert "502" in article.error and f"gave up after {tasks.MAX_FETCH_RETRIES + 1} attempts" in article.error


def test_in_process_a_server_error_fails_the_article_at_once(http_server, run):
    # No broker: nothing would run the retry later, so the article fails with the reason.
    http_server.route("/busy", status=503, body=b"busy")
    article = Article.objects.create(url=http_server.url("/busy"), canonical_url=http_server.url("/busy"), origin="url")
    tasks.fetch_article.apply(args=[article.pk], throw=False)
    article.refresh_from_db()
    assert article.state == Article.State.FAILED
    assert "503" in article.error and "gave up after 1 attempts" in article.error
    assert http_server.hits("/busy") == 1  # not fetched again in the same request


def test_a_failed_article_can_be_retried_and_then_succeeds(http_server, run):
    article = import_url(run, http_server, "/later", status=404, body=b"")
    assert article.state == Article.State.FAILED
    http_server.route("/later", body=html_page(DIALOGUE_REPORT).encode())
    assert run(pipeline.retry_article, article)
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED
    assert article.candidates.exists()
    assert not run(pipeline.retry_article, article)  # only failed articles go back


def test_a_bad_import_request_is_refused_before_anything_is_stored(db, run):
    from django.core.exceptions import ValidationError

    for kwargs in (
        {"url": "ftp://example.org/file.txt"},
        {"url": "javascript:alert(1)"},
        {"text": "   "},
        {"data": b"x" * 20, "filename": "statement.exe"},
        {"text": "Some text", "url": "https://example.org/"},
        {"text": "Some text", "kind": "tweet"},
    ):
        with pytest.raises(ValidationError):
            run(pipeline.import_article, **kwargs)
    assert not Article.objects.exists()
