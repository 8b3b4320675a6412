"""Every page names an icon, and /favicon.ico (asked for by browsers regardless) is no 404."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_link_an_icon_that_is_served(rob_client):
    # Given the dashboard
    page = rob_client.get(reverse("public:dashboard")).content.decode()
    # Then it names an SVG icon, and that file is served
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    icon = rob_client.get("/static/img/favicon.svg")
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content)


def test_favicon_ico_leads_to_the_icon_instead_of_a_404(rob_client):
    # When a browser asks for the conventional address
    response = rob_client.get("/favicon.ico", follow=True)
    # Then it ends at the icon
    assert response.redirect_chain[0][0].endswith("/static/img/favicon.svg")
    assert response.status_code == 200
