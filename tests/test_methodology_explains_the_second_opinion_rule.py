"""The methodology page explains the second-opinion rule of dialogues that require two editors."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_methodology_page_explains_the_second_opinion_rule(rob_client):
    html = rob_client.get(reverse("public:methodology")).content.decode()

    assert 'id="second-opinion-heading">The second-opinion rule' in html
    assert "a second, different editor has read it and agreed" in html
    assert "No editor can be their own second opinion" in html
    # Its own section, before the page's last one.
    assert html.index('id="second-opinion"') < html.index('id="editors"')
