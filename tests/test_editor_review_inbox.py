"""Erin reviews what the pipeline proposed: each sentence in its context, accepted as is, edited
then accepted, merged into a tracked commitment, or rejected with a reason; in bulk too. Every
decision is one call of the matching verb of tracker.ingest.decisions."""

from __future__ import annotations

import datetime
import functools
import html

import pytest
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Commitment, CommitmentSource
from tracker.ingest import decisions
from tracker.ingest.models import Article, Review

world = fixtures.world

INBOX = reverse("editor:inbox")


@pytest.fixture
def verbs(monkeypatch):
    """Spies on the review verbs: the views must decide through them."""
    calls = []
    for name in ("accept_candidate", "merge_candidate", "reject_candidate"):
        original = getattr(decisions, name)

        def spy(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(decisions, name, functools.wraps(original)(spy))
    return calls


def test_the_inbox_shows_each_proposal_in_its_context(erin_client, world):
    page = html.unescape(erin_client.get(INBOX).content.decode())
    assert world.statement.title in page
    # The sentence is highlighted, with the text around it.
    assert f'<mark class="quote">{world.working_group.quote}</mark>' in page
    assert "The two sides reviewed the cooperation of the past year." in page
    assert "30 Jun 2018 “by the end of June 2018”" in page
    assert "90% confident" in page and "60% confident" in page
    assert f'repeats <a href="{reverse("editor:commitment_detail", args=[world.commitment.reference])}"' in page
    assert f"{world.commitment.reference}</a>?" in page
    for label in ("Counter-narcotics", "Cybersecurity", world.china.label):
        assert label in page


def test_the_shortcuts_are_listed_and_wired(erin_client, world):
    page = erin_client.get(INBOX).content.decode()
    for key in "jkaemrx":
        assert f"<kbd>{key}</kbd>" in page
    for action in ("accept", "edit", "merge", "reject"):
        assert f'data-action="{action}"' in page
    assert page.count("data-candidate") == 2


def test_accept_as_proposed(erin_client, erin, world, verbs):
    next_url = INBOX + f"?article={world.statement.pk}"
    response = erin_client.post(reverse("editor:candidate_accept", args=[world.working_group.pk]), {"next": next_url})
    assert response["Location"] == next_url
    world.working_group.refresh_from_db()
    commitment = world.working_group.commitment
    assert world.working_group.state == Review.ACCEPTED and world.working_group.reviewer == erin
    assert commitment.quote == world.working_group.quote
    assert commitment.deadline == datetime.date(2018, 6, 30)
    assert set(commitment.parties.all()) == {world.china, world.united_states}
    assert list(commitment.topics.all()) == [world.narcotics]
    assert commitment.meeting == world.meeting and not commitment.is_published
    assert commitment.sources.get().article == world.statement
    assert verbs == ["accept_candidate"]


def test_edit_then_accept(erin_client, world, verbs):
    url = reverse("editor:candidate_edit", args=[world.hotline.pk])
    form = erin_client.get(url)
    assert form.context["form"].initial["quote"] == world.hotline.quote
    response = erin_client.post(
        url,
        {
            "title": "Share cybercrime case information through the hotline",
            "quote": world.hotline.quote,
            "meeting": world.meeting.pk,
            "parties": [world.china.pk, world.united_states.pk],
            "topics": [world.cyber.pk],
            "strength": "intent",
            "deadline_text": "",
            "publish": "on",
            "predecessor": world.commitment.reference.lower(),
        },
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get(title="Share cybercrime case information through the hotline")
    assert commitment.is_published and commitment.strength == "intent"
    assert commitment.predecessor == world.commitment
    assert set(commitment.parties.all()) == {world.china, world.united_states}
    assert verbs == ["accept_candidate"]


def test_a_proposal_without_a_meeting_is_sent_to_editing(erin_client, world):
    Article.objects.filter(pk=world.statement.pk).update(meeting=None)
    response = erin_client.post(reverse("editor:candidate_accept", args=[world.working_group.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("editor:candidate_edit", args=[world.working_group.pk]))
    assert "Choose the meeting" in erin_client.get(response["Location"]).content.decode()
    world.working_group.refresh_from_db()
    assert world.working_group.state == Review.PENDING


def test_merge_into_the_commitment_it_repeats(erin_client, world, verbs):
    url = reverse("editor:candidate_merge", args=[world.hotline.pk])
    assert erin_client.get(url).context["form"].initial["commitment"] == world.commitment.reference
    response = erin_client.post(url, {"commitment": world.commitment.reference})
    assert response.status_code == 302
    world.hotline.refresh_from_db()
    assert world.hotline.state == Review.MERGED and world.hotline.commitment == world.commitment
    source = CommitmentSource.objects.get(commitment=world.commitment, article=world.statement)
    assert source.quote == world.hotline.quote
    assert verbs == ["merge_candidate"]


def test_merge_needs_a_known_reference(erin_client, world):
    response = erin_client.post(
        reverse("editor:candidate_merge", args=[world.hotline.pk]), {"commitment": "XX-1999-01"}
    )
    assert "There is no commitment with that reference." in response.content.decode()
    world.hotline.refresh_from_db()
    assert world.hotline.state == Review.PENDING


def test_reject_with_a_reason(erin_client, world, verbs):
    response = erin_client.post(
        reverse("editor:candidate_reject", args=[world.hotline.pk]), {"reason": "A past action", "next": INBOX}
    )
    assert response["Location"] == INBOX
    world.hotline.refresh_from_db()
    assert (world.hotline.state, world.hotline.rejection_reason) == (Review.REJECTED, "A past action")
    assert verbs == ["reject_candidate"]


def test_a_rejection_needs_a_reason(erin_client, world):
    response = erin_client.post(reverse("editor:candidate_reject", args=[world.hotline.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    world.hotline.refresh_from_db()
    assert world.hotline.state == Review.PENDING


def test_a_decision_already_taken_is_not_taken_twice(erin_client, world):
    erin_client.post(reverse("editor:candidate_accept", args=[world.working_group.pk]))
    response = erin_client.post(reverse("editor:candidate_accept", args=[world.working_group.pk]), follow=True)
    assert "already accepted" in response.content.decode()
    assert Commitment.objects.filter(candidates=world.working_group).count() == 1
    response = erin_client.post(reverse("editor:candidate_reject", args=[world.working_group.pk]), {"reason": "x"})
    assert "already accepted" in response.content.decode()


def test_bulk_accept(erin_client, world, verbs):
    response = erin_client.post(
        reverse("editor:bulk_review"),
        {"candidates": [world.working_group.pk, world.hotline.pk], "action": "accept", "next": INBOX},
    )
    assert response["Location"] == INBOX
    assert not world.statement.candidates.filter(state=Review.PENDING).exists()
    assert verbs == ["accept_candidate", "accept_candidate"]


def test_bulk_reject_needs_a_reason_and_records_it(erin_client, world):
    data = {"candidates": [world.working_group.pk, world.hotline.pk], "action": "reject"}
    response = erin_client.post(reverse("editor:bulk_review"), data)
    assert "Give a reason for rejecting them." in response.content.decode()
    assert world.statement.candidates.filter(state=Review.PENDING).count() == 2
    erin_client.post(reverse("editor:bulk_review"), {**data, "reason": "Not commitments"})
    assert set(world.statement.candidates.values_list("state", "rejection_reason")) == {
        (Review.REJECTED, "Not commitments")
    }


def test_a_bulk_decision_is_all_or_nothing(erin_client, world):
    # The hotline candidate has no party the record knows after this: it cannot be accepted as is.
    world.hotline.parties.clear()
    response = erin_client.post(
        reverse("editor:bulk_review"), {"candidates": [world.working_group.pk, world.hotline.pk], "action": "accept"}
    )
    assert response.status_code == 200
    assert "Name at least one committing party." in html.unescape(response.content.decode())
    assert world.statement.candidates.filter(state=Review.PENDING).count() == 2
    assert not Commitment.objects.filter(candidates__isnull=False).exists()


def test_filters(erin_client, world, meeting):
    def shown(query):
        return erin_client.get(INBOX + query).context["paginator"].count

    assert shown("") == 2
    assert shown("?confidence=0.8") == 1
    assert shown(f"?article={world.statement.pk}") == 2
    assert shown(f"?meeting={meeting.pk}") == 2
    other = Article.objects.create(origin="paste", state="analysed", text="Nothing here.")
    assert shown(f"?article={world.statement.pk}&meeting={meeting.pk}&confidence=0.5") == 2
    assert "Nothing to review with these filters" in erin_client.get(INBOX + f"?article={other.pk}").content.decode()


def test_edit_then_accept_can_remove_a_wrongly_detected_deadline(erin_client, world):
    erin_client.post(
        reverse("editor:candidate_edit", args=[world.working_group.pk]),
        {
            "title": "Set up a working group",
            "quote": world.working_group.quote,
            "meeting": world.meeting.pk,
            "parties": [world.china.pk],
            "topics": [world.narcotics.pk],
            "strength": "firm",
            "deadline": "",
            "deadline_text": "",
            "deadline_granularity": "",
        },
    )
    commitment = Commitment.objects.get(title="Set up a working group")
    assert (commitment.deadline, commitment.deadline_text, commitment.deadline_granularity) == (None, "", "")


def test_imported_text_is_shown_as_text_never_as_markup(erin_client, world, china):
    text = 'Intro <img src=x onerror="alert(1)">. China pledged to <b>act</b> now. <script>alert(2)</script>'
    article = Article.objects.create(origin="paste", state="analysed", title="<i>Hostile</i>", text=text)
    fixtures.make_candidate(article, "China pledged to <b>act</b> now.", parties=[china], topics=[world.cyber])
    page = erin_client.get(INBOX).content.decode()
    assert "<script>alert(2)</script>" not in page and "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert '<img src=x onerror="alert(1)">' not in page
    assert "<b>act</b>" not in page and "&lt;b&gt;act&lt;/b&gt;" in page
    assert "<i>Hostile</i>" not in page
