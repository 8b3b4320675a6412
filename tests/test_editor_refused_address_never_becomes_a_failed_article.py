"""Erin gives an address the fetcher will never reach: the import form refuses it there and then
with the reason, keeps everything she typed, and stores nothing. An article that failed for good
offers no Retry that cannot work, but a way to paste its text with her choices carried over."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db


def test_a_private_address_is_refused_on_the_form_and_nothing_is_stored(erin_client, meeting, china):
    # When Erin imports a local address, with the meeting, side and title chosen
    response = erin_client.post(
        reverse("editor:import_url"),
        {
            "url-url": "http://127.0.0.1:8102/",
            "url-kind": "readout",
            "url-meeting": meeting.pk,
            "url-issuing_party": china.pk,
            "url-title": "Readout of the second round",
        },
    )
    # Then the form comes back with the real reason on the address
    assert response.status_code == 200
    form = response.context["forms"]["url"]
    assert form.errors["url"][0].startswith("That address points into a private network and is not fetched")
    assert "127.0.0.1: the server this app runs on" in response.content.decode()
    # And what she typed is still there, and no failed article was left behind
    assert form["title"].value() == "Readout of the second round"
    assert str(form["meeting"].value()) == str(meeting.pk)
    assert str(form["issuing_party"].value()) == str(china.pk)
    assert response.context["active"] == "url"
    assert not Article.objects.exists()


@pytest.fixture
def refused_article(erin, meeting, china):
    """An article that failed on a refused address (imported before addresses were checked up front)."""
    return Article.objects.create(
        url="http://10.0.0.7/readout.html",
        canonical_url="http://10.0.0.7/readout.html",
        origin=Article.Origin.URL,
        state=Article.State.FAILED,
        error="That address points into a private network and is not fetched (10.0.0.7).",
        meeting=meeting,
        issuing_party=china,
        kind="readout",
        title="Readout of the second round",
        published_on=datetime.date(2019, 3, 12),
        created_by=erin,
    )


def test_an_article_refused_for_good_offers_no_retry_but_pasting_its_text(erin_client, refused_article, meeting):
    # When Erin opens the failed article
    page = erin_client.get(reverse("editor:article_detail", args=[refused_article.pk])).content.decode()
    # Then there is no Retry button, the reason, and a link to paste the text with her choices
    assert reverse("editor:article_retry", args=[refused_article.pk]) not in page
    assert "refused for good" in page
    paste = erin_client.get(
        reverse("editor:import"),
        {
            "source": "text",
            "meeting": meeting.pk,
            "issuing_party": refused_article.issuing_party_id,
            "kind": "readout",
            "title": "Readout of the second round",
            "published_on": "2019-03-12",
        },
    )
    assert (
        reverse("editor:import")
        + f"?source=text&amp;meeting={meeting.pk}&amp;issuing_party={refused_article.issuing_party_id}"
        in page
    )
    form = paste.context["forms"]["text"]
    assert paste.context["active"] == "text"
    assert form["title"].value() == "Readout of the second round"
    assert form["kind"].value() == "readout"
    assert str(form["published_on"].value()) == "2019-03-12"


def test_retrying_an_article_refused_for_good_is_refused_with_the_reason(erin_client, refused_article):
    # When a retry is posted anyway (an old page, a second tab)
    response = erin_client.post(reverse("editor:article_retry", args=[refused_article.pk]), follow=True)
    # Then nothing is queued, and she is told why
    refused_article.refresh_from_db()
    assert refused_article.state == Article.State.FAILED
    assert "It cannot be retried: That address points into a private network" in response.content.decode()


def test_an_article_that_failed_for_a_passing_reason_can_still_be_retried(erin_client, refused_article):
    Article.objects.filter(pk=refused_article.pk).update(
        url="https://www.example.org/readout", canonical_url="https://www.example.org/readout", error="HTTP 503"
    )
    page = erin_client.get(reverse("editor:article_detail", args=[refused_article.pk])).content.decode()
    assert reverse("editor:article_retry", args=[refused_article.pk]) in page
