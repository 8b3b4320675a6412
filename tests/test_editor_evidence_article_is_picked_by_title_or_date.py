"""Erin attaches an imported article as evidence by what she remembers of it (words of its title,
its date) rather than by its number: the page lists recent articles readably for the browser to
narrow, and whatever she types is searched, older articles included."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Assessment
from tracker.commitments.status import Status
from tracker.ingest.models import Article, DocumentKind

world = fixtures.world

pytestmark = pytest.mark.django_db


def assess(client, world, article_text: str):
    return client.post(
        reverse("editor:assessment_create", args=[world.commitment.reference]),
        {
            "status": Status.IN_PROGRESS,
            "as_of": "2018-03-05",
            "rationale": "The U.S. handed over two suspects.",
            "evidence_article": article_text,
        },
    )


@pytest.fixture
def another_handover(world):
    return Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        kind=DocumentKind.NEWS,
        title="China hands over a suspect",
        published_on=datetime.date(2019, 1, 9),
        raw=b"x",
    )


def test_the_page_lists_recent_articles_by_title_and_date(erin_client, world):
    page = erin_client.get(reverse("editor:assessment_create", args=[world.commitment.reference])).content.decode()
    assert f'<option value="U.S. hands over two suspects — 5 Mar 2018 — #{world.news.pk}">' in page
    assert re.search(r'<input type="text" name="evidence_article"[^>]*list="articles"', page)
    assert "By its number" not in page


@pytest.mark.parametrize(
    "typed",
    ["two suspects", "hands over 2018-03-05", "U.S. hands over two suspects — 5 Mar 2018 — #{pk}", "#{pk}", "{pk}"],
)
def test_an_article_is_found_by_title_words_its_date_the_listed_entry_or_its_number(
    erin_client, world, another_handover, typed
):
    # When Erin types what she remembers of the article (or picks the listed entry)
    response = assess(erin_client, world, typed.format(pk=world.news.pk))
    # Then the assessment cites that article
    assert response.status_code == 302, response.context["form"].errors
    assert Assessment.objects.latest("recorded_at").evidence.get().article == world.news


def test_several_matches_are_listed_back_and_nothing_is_recorded(erin_client, world, another_handover):
    before = Assessment.objects.count()
    response = assess(erin_client, world, "hands over")
    errors = response.context["form"].errors["evidence_article"][0]
    assert errors.startswith("Several articles match “hands over”:")
    assert f"U.S. hands over two suspects — 5 Mar 2018 — #{world.news.pk}" in errors
    assert f"China hands over a suspect — 9 Jan 2019 — #{another_handover.pk}" in errors
    assert Assessment.objects.count() == before
    # What she typed is still in the box
    assert response.context["form"]["evidence_article"].value() == "hands over"


def test_no_match_says_so(erin_client, world):
    response = assess(erin_client, world, "moon landing")
    assert response.context["form"].errors["evidence_article"] == [
        "No imported article matches “moon landing”: try fewer words, or its date."
    ]
