"""The methodology page explains the changes between two dates, the corrections log and embeds."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_methodology_page_explains_the_changes_page_and_embeds(rob_client):
    html = rob_client.get(reverse("public:methodology")).content.decode()
    assert 'id="changes-heading">What changed between two dates' in html
    assert 'id="embeds-heading">Embedding a status card or a scorecard' in html
    assert reverse("public:changes") in html and reverse("public:corrections") in html
    assert reverse("public:oembed") in html and "every other page of the tracker refuses to be framed" in html
