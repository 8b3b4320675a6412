"""Anonymous requests can change nothing: every public page, feed and export answers GET and
HEAD only; anything else is 405."""

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db


def urls(story, dialogue, china):
    reference = story.commitment.reference
    return [
        reverse("public:dashboard"),
        reverse("public:commitment_list"),
        reverse("public:commitment_detail", args=[reference]),
        reverse("public:dialogue_list"),
        reverse("public:dialogue_detail", args=[dialogue.slug]),
        reverse("public:party_list"),
        reverse("public:party_detail", args=[china.code]),
        reverse("public:methodology"),
        reverse("public:exports"),
        reverse("public:export_csv"),
        reverse("public:export_json"),
        reverse("public:export_dump"),
        reverse("public:feed_changes"),
        reverse("public:feed_commitment", args=[reference]),
        reverse("public:feed_dialogue", args=[dialogue.slug]),
        reverse("public:feed_party", args=[china.code]),
    ]


def test_anything_but_get_is_refused(rob_client, story, dialogue, china):
    for method in ("post", "put", "patch", "delete"):
        for url in urls(story, dialogue, china):
            assert getattr(rob_client, method)(url).status_code == 405, (method, url)


def test_get_and_head_answer(rob_client, story, dialogue, china):
    for url in urls(story, dialogue, china):
        assert rob_client.get(url).status_code == 200, url
        assert rob_client.head(url).status_code == 200, url
