"""A party page stays small at any scale: it lists the latest PAGE_ROWS_CAP commitments, counts
all of them by status, and links to the whole filtered list."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from tracker.public import views

pytestmark = pytest.mark.django_db


def test_a_party_with_more_commitments_than_the_cap_shows_the_cap_and_a_link_to_all(
    client, make_commitment, monkeypatch
):
    # Given a cap of 3 and five commitments of China, made on five different days
    monkeypatch.setattr(views, "PAGE_ROWS_CAP", 3)
    for i in range(5):
        make_commitment(quote=f"The sides will take measure number {i}.", made_on=datetime.date(2020, 1, 1 + i))
    cache.clear()
    # When the party page is read
    response = client.get(reverse("public:party_detail", args=["cn"]))
    # Then it lists three rows, the latest made, counts all five, and links to the filtered list
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 3
    assert [r.made_on.day for r in rows] == [5, 4, 3]
    assert response.context["card"].total == 5
    html = response.content.decode()
    assert "The latest 3 of 5 commitments" in html
    assert reverse("public:commitment_list") + "?party=cn" in html


def test_a_party_within_the_cap_shows_every_commitment_without_the_note(client, make_commitment):
    # Given two commitments of China (under the default cap)
    make_commitment(quote="The sides will open a hotline.")
    make_commitment(quote="The sides will hold talks yearly.")
    cache.clear()
    # When the party page is read
    response = client.get(reverse("public:party_detail", args=["cn"]))
    # Then both are listed and no "latest N of M" note appears
    assert len(response.context["rows"]) == 2
    assert response.context["card"].total == 2
    assert "rows-capped" not in response.content.decode()
