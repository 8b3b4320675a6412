"""The page cache survives an editor's work: recording an assessment invalidates the pages that show
that commitment (its own, its dialogue's, its parties', the lists and counts) and leaves the pages
of other commitments, dialogues and parties cached. An edit that may touch anything still
invalidates every page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.models import Dialogue, Meeting, Party
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_dialogues(make_commitment, china, united_states, reference_data):
    other_party = Party.objects.exclude(pk__in=[china.pk, united_states.pk]).order_by("code").first()
    other_dialogue = Dialogue.objects.create(name="Another dialogue", slug="another", reference_prefix="ANO")
    other_dialogue.parties.set([china, other_party])
    other_meeting = Meeting.objects.create(
        dialogue=other_dialogue, title="First round", slug="another-1", date=datetime.date(2017, 5, 1)
    )
    assessed = make_commitment(title="Exchange lists of fugitives")
    sibling = make_commitment(title="Hold talks", quote="The two sides will hold talks.")
    unrelated = make_commitment(
        title="Open a hotline",
        quote="The two sides will open a hotline.",
        meeting=other_meeting,
        parties=[china, other_party],
        made_on=datetime.date(2017, 5, 1),
    )
    return assessed, sibling, unrelated, other_party


def _served_from_cache(client, url) -> bool:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries) == 0


def test_an_assessment_leaves_unrelated_pages_cached(
    rob_client, two_dialogues, erin, united_states, django_capture_on_commit_callbacks
):
    assessed, sibling, unrelated, other_party = two_dialogues
    touched = [
        reverse("public:commitment_detail", args=[assessed.reference]),
        reverse("public:dialogue_detail", args=[assessed.meeting.dialogue.slug]),
        reverse("public:party_detail", args=[united_states.code]),
        reverse("public:dashboard"),
        reverse("public:commitment_list"),
    ]
    untouched = [
        reverse("public:commitment_detail", args=[sibling.reference]),
        reverse("public:commitment_detail", args=[unrelated.reference]),
        reverse("public:dialogue_detail", args=["another"]),
        reverse("public:party_detail", args=[other_party.code]),
    ]
    for url in touched + untouched:
        rob_client.get(url)
        assert _served_from_cache(rob_client, url), url

    with django_capture_on_commit_callbacks(execute=True):
        actions.record_assessment(
            commitment=assessed,
            status=Status.BROKEN,
            as_of=datetime.date(2018, 1, 5),
            rationale="Talks collapsed.",
            author=erin,
        )

    for url in untouched:
        assert _served_from_cache(rob_client, url), f"{url} was invalidated by another commitment's assessment"
    for url in touched:
        assert not _served_from_cache(rob_client, url), f"{url} still served from before the assessment"
    page = rob_client.get(touched[0]).content.decode()
    assert "Talks collapsed." in page


def test_an_edit_invalidates_every_page(rob_client, two_dialogues, django_capture_on_commit_callbacks):
    assessed, _, unrelated, _ = two_dialogues
    url = reverse("public:commitment_detail", args=[unrelated.reference])
    rob_client.get(url)
    assert _served_from_cache(rob_client, url)
    with django_capture_on_commit_callbacks(execute=True):
        actions.update_commitment(commitment=assessed, title="Exchange the lists of fugitives")
    assert not _served_from_cache(rob_client, url)
