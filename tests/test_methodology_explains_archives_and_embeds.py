"""The methodology page explains the archived copies (what, when, the hash, the re-check and what
"changed" and "gone" mean) and the embeds (what, how fresh, the demonstration mark, who may frame
them), with the figures of the settings in force, and still costs no query."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def methodology(client) -> str:
    cache.clear()
    return client.get(reverse("public:methodology")).content.decode()


def test_it_explains_the_archived_copies(rob_client):
    html = methodology(rob_client)
    assert 'id="archives-heading">Archived copies of the sources' in html
    for said in (
        "archived when it is cited",
        "the text as it was imported is its archived copy",
        "SHA-256</abbr> fingerprint",
        "their scripts do not run",
        "Every 7 days, each cited page is fetched again",
        "the live page has changed since it was cited",
        "the live page is gone; the archived copy remains",
        "(HTTP 404 or 410)",
        "at 3 checks in a row",
        "only the copies captured by that date",
    ):
        assert said in html, said


def test_it_quotes_the_settings_in_force(rob_client, settings):
    settings.ARCHIVE_RECHECK_DAYS = 1
    settings.ARCHIVE_GONE_AFTER = 5
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example.org"]
    html = methodology(rob_client)
    assert "Every 1 day, each cited page" in html and "at 5 checks in a row" in html
    assert "these sites only: <code>https://news.example.org</code>" in html


def test_it_explains_what_embeds_show_and_how_fresh_they_are(rob_client):
    html = methodology(rob_client)
    assert 'id="embedding-rules-heading">What embeds show, how fresh they are, and who may frame them' in html
    assert "Drafts, unknown references and commitments not yet made on the date asked cannot be embedded" in html
    assert "at most 60 seconds" in html and "for 1 hour" in html
    assert 'class="tag tag-demo">Demo</span> mark' in html
    assert "any site may show them in a frame" in html


def test_the_page_still_queries_nothing(rob_client):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        rob_client.get(reverse("public:methodology"))
    assert len(captured) == 0
