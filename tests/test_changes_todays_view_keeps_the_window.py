"""On /changes/ read as of a date, "See today's view" keeps the window (from, to) and drops only
the as_of date."""

import html
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def todays_link(text: str) -> str:
    return html.unescape(re.search(r'<a href="([^"]*)">See today’s view</a>', text).group(1))


def test_todays_view_keeps_from_and_to(rob_client):
    response = rob_client.get(
        reverse("public:changes"), {"from": "2018-01-01", "to": "2018-06-30", "as_of": "2019-01-01"}
    )

    assert response.status_code == 200
    assert todays_link(response.text) == "/changes/?from=2018-01-01&to=2018-06-30"


def test_todays_view_of_the_default_window_is_the_plain_page(rob_client):
    response = rob_client.get(reverse("public:changes"), {"as_of": "2019-01-01"})

    assert todays_link(response.text) == "/changes/"
