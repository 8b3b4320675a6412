"""Readers who follow a wrong link get the site's own page, not a bare server message."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_commitment_gets_the_site_s_not_found_page(client):
    response = client.get("/commitments/NOPE-2000-01/")
    assert response.status_code == 404
    assert b"There is nothing at this address" in response.content
    assert b"Browse all commitments" in response.content
