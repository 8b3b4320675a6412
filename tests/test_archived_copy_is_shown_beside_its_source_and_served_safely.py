"""Readers see, beside each source and each piece of evidence, a link to its archived copy with the
capture time and SHA-256; the copy is served as captured, in a sandbox that runs no script and
loads nothing, and only when a published commitment cites it and it was captured by the date
viewed. Editors see the changed and gone pages listed, with links to both, and the failures."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.archive_helpers import cite_evidence, stored_copy
from tracker.commitments import actions
from tracker.ingest import archive
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
HOSTILE = (
    b"<html><head><script>document.cookie</script><link rel=stylesheet href=https://tracker.example.net/a.css>"
    b"</head><body><p>Handed over two suspects.</p><img src=https://tracker.example.net/pixel.gif></body></html>"
)
CAPTURED = datetime.datetime(2018, 3, 13, 9, 30, tzinfo=UTC)


@pytest.fixture
def cited(commitment, erin):
    """A published commitment: a readout as its source, a news report as evidence, both archived."""
    source = actions.add_source(commitment=commitment, url="https://www.example.gov/readout")
    evidence = cite_evidence(commitment, erin, "https://news.example.org/handover")
    source_copy = stored_copy(source.url, b"<p>The readout.</p>", captured_at=CAPTURED)
    evidence_copy = stored_copy(evidence.url, HOSTILE, captured_at=CAPTURED + datetime.timedelta(days=2))
    return commitment, source_copy, evidence_copy


def page(client, commitment, **params) -> str:
    cache.clear()
    response = client.get(reverse("public:commitment_detail", args=[commitment.reference]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_each_source_and_evidence_shows_its_copy_capture_time_and_hash(rob_client, cited):
    commitment, source_copy, evidence_copy = cited
    html = page(rob_client, commitment)
    for copy in (source_copy, evidence_copy):
        assert f'href="{reverse("public:archived_copy", args=[copy.pk])}"' in html
        assert copy.sha256[:16] in html and copy.sha256[48:] in html
    assert 'captured <time datetime="2018-03-13T09:30:00+00:00">13 March 2018, 09:30 UTC</time>' in html
    assert "15 March 2018, 09:30 UTC" in html


def test_a_view_dated_before_the_capture_shows_no_copy(rob_client, cited):
    commitment, source_copy, evidence_copy = cited
    html = page(rob_client, commitment, as_of="2018-03-14")
    assert reverse("public:archived_copy", args=[source_copy.pk]) + "?as_of=2018-03-14" in html
    assert reverse("public:archived_copy", args=[evidence_copy.pk]) not in html
    assert evidence_copy.sha256[:16] not in html
    copy_url = reverse("public:archived_copy", args=[evidence_copy.pk])
    assert rob_client.get(copy_url, {"as_of": "2018-03-14"}).status_code == 404
    assert rob_client.get(copy_url, {"as_of": "2018-03-15"}).status_code == 200


def test_the_copy_is_served_as_captured_in_a_sandbox(rob_client, cited):
    _, _, copy = cited
    response = rob_client.get(reverse("public:archived_copy", args=[copy.pk]))
    assert response.status_code == 200
    assert response.content == HOSTILE
    assert hashlib.sha256(response.content).hexdigest() == copy.sha256
    assert response["Content-Type"] == "text/html; charset=utf-8"
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy  # no allow-scripts: the page's script never runs
    assert "default-src 'none'" in policy  # nothing loaded from the cited site's trackers
    assert not any("script" in part for part in policy)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="archived-{copy.pk}.html"'
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"


def test_a_chinese_page_is_served_in_its_charset_and_plain_text_as_text(rob_client, commitment):
    body = "<p>双方同意加强合作。</p>".encode("gb18030")
    source = actions.add_source(commitment=commitment, url="https://www.example.cn/readout")
    copy = stored_copy(source.url, body, encoding="gb18030")
    response = rob_client.get(reverse("public:archived_copy", args=[copy.pk]))
    assert response["Content-Type"] == "text/html; charset=gb18030"
    assert response.content.decode("gb18030") == "<p>双方同意加强合作。</p>"
    other = actions.add_source(commitment=commitment, url="https://www.example.cn/notes.txt")
    text = stored_copy(other.url, b"<script>alert(1)</script>", content_type="text/plain")
    response = rob_client.get(reverse("public:archived_copy", args=[text.pk]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].endswith('.txt"')


def test_a_pasted_texts_copy_is_its_text(rob_client, commitment):
    article = Article.objects.create(origin="paste", text="The two sides agreed to meet again.", title="Notes")
    actions.add_source(commitment=commitment, article=article)
    copy = archive.ensure_copy(archive.Key(article_id=article.pk))
    html = page(rob_client, commitment)
    assert "archived copy (the text as imported)" in html and copy.sha256[:16] in html
    response = rob_client.get(reverse("public:archived_copy", args=[copy.pk]))
    assert response.content == b"The two sides agreed to meet again."
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_a_drafts_copy_an_unknown_copy_and_a_failed_capture_are_not_served(rob_client, make_commitment):
    draft = make_commitment(publish=False)
    source = actions.add_source(commitment=draft, url="https://www.example.gov/draft")
    copy = stored_copy(source.url, b"<p>Draft.</p>")
    failed = archive.ArchivedCopy.objects.create(url="https://x.example.org/", state="failed", reason="HTTP 404")
    for pk in (copy.pk, failed.pk, 999_999):
        assert rob_client.get(reverse("public:archived_copy", args=[pk])).status_code == 404
    assert rob_client.get(reverse("public:archived_copy", args=[copy.pk]), {"as_of": "soon"}).status_code == 400


def test_the_editors_list_shows_changed_and_gone_pages_with_both_links(erin_client, cited):
    commitment, source_copy, evidence_copy = cited
    archive.ArchivedCopy.objects.filter(pk=source_copy.pk).update(live_state="changed", live_since=CAPTURED)
    archive.ArchivedCopy.objects.filter(pk=evidence_copy.pk).update(live_state="gone", live_since=CAPTURED)
    failed = archive.ArchivedCopy.objects.create(
        url="http://10.0.0.7/internal", state="failed", reason="That address points into a private network."
    )
    actions.add_source(commitment=commitment, url=failed.url)

    html = erin_client.get(reverse("editor:archive")).content.decode()

    for copy in (source_copy, evidence_copy):
        assert f'href="{copy.url}"' in html  # the live page
        assert f'href="{reverse("editor:archived_copy", args=[copy.pk])}"' in html  # the copy
    assert "Changed since it was cited" in html and "Gone" in html
    assert html.count(f'href="{reverse("editor:commitment_detail", args=[commitment.reference])}"') == 3
    assert "points into a private network" in html
    assert reverse("editor:archive_retry", args=[failed.pk]) in html
    response = erin_client.get(reverse("editor:archived_copy", args=[evidence_copy.pk]))
    assert response.content == HOSTILE and "sandbox" in response["Content-Security-Policy"]


def test_trying_a_failed_capture_again_makes_it_pending(erin_client):
    failed = archive.ArchivedCopy.objects.create(url="https://x.example.org/", state="failed", reason="HTTP 503")
    response = erin_client.post(reverse("editor:archive_retry", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.state == "pending" and failed.attempts == 0
