"""Everything public starts from published commitments: drafts, their assessments, unpublished
parents and editors' names never appear on pages, feeds, exports or the API; and no page links
to the editor workspace's data."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Evidence
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar"


@pytest.fixture
def drafts(make_commitment, erin, story, united_states):
    erin.first_name, erin.last_name = "Erin", "Editorova"
    erin.save()
    draft = make_commitment(
        quote=f"The sides will hold {SECRET} talks.", title=f"{SECRET} talks", publish=False, parties=[united_states]
    )
    evidence = Evidence.objects.create(url="https://example.org/zanzibar", title=f"{SECRET} report", created_by=erin)
    actions.record_assessment(
        commitment=draft,
        status=Status.FULFILLED,
        as_of=datetime.date(2018, 1, 1),
        rationale=f"{SECRET} rationale.",
        author=erin,
        evidence=[evidence],
    )
    return draft


def everything(story, dialogue, china, united_states):
    reference = story.commitment.reference
    return [
        reverse("public:dashboard"),
        reverse("public:commitment_list"),
        reverse("public:commitment_detail", args=[reference]),
        reverse("public:dialogue_list"),
        reverse("public:dialogue_detail", args=[dialogue.slug]),
        reverse("public:party_list"),
        reverse("public:party_detail", args=[united_states.code]),
        reverse("public:party_detail", args=[china.code]),
        reverse("public:feed_changes"),
        reverse("public:feed_party", args=[united_states.code]),
        reverse("public:feed_dialogue", args=[dialogue.slug]),
        reverse("public:export_csv"),
        reverse("public:export_json"),
        reverse("public:export_dump"),
        reverse("public:api:commitment-list"),
        reverse("public:api:assessment-list"),
        reverse("public:api:meeting-list"),
    ]


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_drafts_their_assessments_and_editor_names_appear_nowhere(
    rob_client, drafts, story, dialogue, china, united_states
):
    for url in everything(story, dialogue, china, united_states):
        response = rob_client.get(url, HTTP_ACCEPT="application/json" if "/api/" in url else "*/*")
        assert response.status_code == 200, url
        text = body(response)
        assert SECRET not in text, url
        assert drafts.reference not in text, url
        assert "Editorova" not in text and "erin@example.org" not in text, url


def test_searching_for_a_draft_finds_nothing(rob_client, drafts):
    response = rob_client.get(reverse("public:commitment_list"), {"q": SECRET})
    assert response.context["total"] == 0 and response.context["page"].rows == []


def test_a_draft_page_and_its_feed_are_not_found(rob_client, drafts):
    assert rob_client.get(reverse("public:commitment_detail", args=[drafts.reference])).status_code == 404
    assert rob_client.get(reverse("public:feed_commitment", args=[drafts.reference])).status_code == 404
    api = rob_client.get(reverse("public:api:commitment-detail", args=[drafts.reference]))
    assert api.status_code == 404


def test_unpublishing_hides_a_commitment_again(rob_client, story):
    actions.unpublish_commitment(commitment=story.commitment)
    url = reverse("public:commitment_detail", args=[story.commitment.reference])
    assert rob_client.get(url).status_code == 404
