"""The list pages by keyset (cursor) rather than OFFSET: following "next" walks every row once
in the chosen order, "previous" walks back, a damaged cursor gives a message, and a deep page
costs the same number of queries as the first."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.public import views
from tracker.public.pagination import SORTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven(make_commitment, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    return [make_commitment(quote=f"The sides will hold talk number {i}.", title=f"Talk {i}") for i in range(7)]


def walk(client, params, direction="after", cursor=None):
    pages = []
    while True:
        query = dict(params, **({direction: cursor} if cursor else {}))
        page = client.get(reverse("public:commitment_list"), query).context["page"]
        pages.append([c.reference for c in page.rows])
        cursor = page.next_cursor if direction == "after" else page.previous_cursor
        if not cursor:
            return pages, page


def test_following_next_walks_every_row_once_in_every_sort_order(rob_client, seven):
    for sort in SORTS:
        pages, _ = walk(rob_client, {"sort": sort})
        references = [ref for page in pages for ref in page]
        assert sorted(references) == sorted(c.reference for c in seven), sort
        assert [len(page) for page in pages] == [3, 3, 1], sort


def test_previous_walks_back_to_the_first_page(rob_client, seven):
    forward, last = walk(rob_client, {"sort": "reference"})
    backward, first = walk(rob_client, {"sort": "reference"}, "before", last.previous_cursor)
    assert list(reversed(backward)) == forward[:-1]
    assert first.previous_cursor is None


def test_the_page_links_keep_the_filters(rob_client, seven):
    html = rob_client.get(reverse("public:commitment_list"), {"q": "talk"}).content.decode()
    assert 'rel="next" href="?q=talk&amp;after=' in html


def test_a_damaged_cursor_shows_the_first_page_with_a_message(rob_client, seven):
    response = rob_client.get(reverse("public:commitment_list"), {"after": "not-a-cursor!"})
    assert response.status_code == 200
    assert "This page link is damaged or out of date." in response.content.decode()
    assert len(response.context["page"].rows) == 3


def test_a_deep_page_costs_the_same_queries_as_the_first(rob_client, seven):
    _, last = walk(rob_client, {"sort": "newest"})
    url = reverse("public:commitment_list") + "?sort=newest"
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        rob_client.get(url)
    with CaptureQueriesContext(connection) as deep:
        rob_client.get(url + "&before=" + last.previous_cursor)
    assert len(first) > 0
    assert len(deep) == len(first)
    assert not any("OFFSET" in q["sql"].upper() for q in deep)
