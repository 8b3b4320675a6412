"""The embeds say in their Content-Security-Policy who may frame them (`frame-ancestors`, any site
by default, or the origins EMBED_FRAME_ANCESTORS lists) and send no X-Frame-Options; every other
page keeps `frame-ancestors 'none'` beside `X-Frame-Options: DENY`, served fresh or from the cache."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import test_embeds_and_oembed
from tests.test_every_page_carries_a_content_security_policy import directives

pytestmark = pytest.mark.django_db

assessed = test_embeds_and_oembed.assessed  # a published commitment with an assessment (fixture)


def embeds(commitment) -> list[str]:
    return [
        reverse("public:embed_commitment", args=[commitment.reference]),
        reverse("public:embed_dialogue", args=[commitment.meeting.dialogue.slug]),
    ]


def test_an_embed_may_be_framed_by_any_site_by_default(rob_client, assessed):
    for url in embeds(assessed):
        for attempt in ("fresh", "from the cache"):
            response = rob_client.get(url)
            assert response.status_code == 200, (url, attempt)
            assert directives(response)["frame-ancestors"] == ["*"], (url, attempt)
            assert not response.has_header("X-Frame-Options"), (url, attempt)
            # The rest of the policy is the site's own.
            assert directives(response)["script-src"] == ["'self'"]


def test_the_setting_names_the_sites_that_may_frame_an_embed(rob_client, assessed, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example.org", "https://*.example.net"]
    response = rob_client.get(embeds(assessed)[0])
    assert directives(response)["frame-ancestors"] == ["https://news.example.org", "https://*.example.net"]


def test_every_other_page_may_not_be_framed_at_all(rob_client, assessed):
    pages = [
        reverse("public:commitment_detail", args=[assessed.reference]),
        reverse("public:dialogue_detail", args=[assessed.meeting.dialogue.slug]),
        reverse("public:dashboard"),
        reverse("public:methodology"),
    ]
    for url in pages:
        for attempt in ("fresh", "from the cache"):
            response = rob_client.get(url)
            assert response.status_code == 200, url
            assert directives(response)["frame-ancestors"] == ["'none'"], (url, attempt)
            assert response["X-Frame-Options"] == "DENY", (url, attempt)


def test_an_embed_that_is_not_found_is_not_framable(rob_client):
    response = rob_client.get(reverse("public:embed_commitment", args=["NO-SUCH-1"]))
    assert response.status_code == 404
    assert directives(response)["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
