"""Erin reviews evidence the pipeline found in new articles: accepted as evidence (with an
assessment, or without), or rejected."""

from __future__ import annotations

import datetime
import html

from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Assessment, Evidence
from tracker.commitments.status import Status
from tracker.ingest.models import Review

world = fixtures.world

EVIDENCE = reverse("editor:evidence_inbox")


def accept_url(w):
    return reverse("editor:suggestion_accept", args=[w.suggestion.pk])


def test_each_passage_is_shown_next_to_the_commitment_it_bears_on(erin_client, world):
    page = html.unescape(erin_client.get(EVIDENCE).content.decode())
    assert f'<mark class="quote">{world.suggestion.passage}</mark>' in page
    assert "The transfer followed months of identity checks." in page  # the context
    assert world.commitment.reference in page and world.commitment.quote in page
    assert "suggests" in page and "In progress" in page
    # The accept form proposes the suggested status, side and the article's date.
    form = erin_client.get(EVIDENCE).context["object_list"][0].best.accept_form
    assert form.initial["status"] == Status.IN_PROGRESS
    assert form.initial["party"] == world.united_states.pk
    assert form.initial["as_of"] == datetime.date(2018, 3, 5)


def test_accept_as_evidence_only(erin_client, erin, world):
    prefix = f"s{world.suggestion.pk}"
    response = erin_client.post(accept_url(world), {f"{prefix}-status": "", "next": EVIDENCE})
    assert response["Location"] == EVIDENCE
    world.suggestion.refresh_from_db()
    evidence = Evidence.objects.get(article=world.news)
    assert world.suggestion.state == Review.ACCEPTED and world.suggestion.evidence == evidence
    assert evidence.passage == world.suggestion.passage and evidence.created_by == erin
    assert Assessment.objects.count() == 1  # only the world's own


def test_accept_with_an_assessment(erin_client, erin, world):
    prefix = f"s{world.suggestion.pk}"
    response = erin_client.post(
        accept_url(world),
        {
            f"{prefix}-status": Status.IN_PROGRESS,
            f"{prefix}-party": "",
            f"{prefix}-as_of": "2018-03-05",
            f"{prefix}-rationale": "The U.S. handed over two suspects.",
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.latest("recorded_at")
    assert (assessment.status, assessment.party, assessment.as_of) == (
        Status.IN_PROGRESS,
        None,
        datetime.date(2018, 3, 5),
    )
    assert assessment.author == erin
    assert list(assessment.evidence.all()) == [Evidence.objects.get(article=world.news)]
    world.commitment.refresh_from_db()
    assert world.commitment.current_status == Status.IN_PROGRESS


def test_an_assessment_for_one_side(erin_client, world):
    prefix = f"s{world.suggestion.pk}"
    erin_client.post(
        accept_url(world),
        {
            f"{prefix}-status": Status.IN_PROGRESS,
            f"{prefix}-party": world.united_states.pk,
            f"{prefix}-as_of": "2018-03-05",
            f"{prefix}-rationale": "Handed over two suspects.",
        },
    )
    assert Assessment.objects.latest("recorded_at").party == world.united_states


def test_a_status_needs_a_rationale(erin_client, world):
    prefix = f"s{world.suggestion.pk}"
    response = erin_client.post(accept_url(world), {f"{prefix}-status": Status.FULFILLED, f"{prefix}-rationale": ""})
    assert response.status_code == 200
    assert "Say why" in response.content.decode()
    world.suggestion.refresh_from_db()
    assert world.suggestion.state == Review.PENDING
    assert not Evidence.objects.filter(article=world.news).exists()


def test_a_date_before_the_commitment_is_refused_by_the_record(erin_client, world):
    prefix = f"s{world.suggestion.pk}"
    response = erin_client.post(
        accept_url(world),
        {f"{prefix}-status": Status.FULFILLED, f"{prefix}-as_of": "2016-01-01", f"{prefix}-rationale": "Done."},
    )
    assert "the date cannot be earlier" in response.content.decode()
    world.suggestion.refresh_from_db()
    assert world.suggestion.state == Review.PENDING
    assert not Evidence.objects.filter(article=world.news).exists()


def test_reject(erin_client, world):
    response = erin_client.post(
        reverse("editor:suggestion_reject", args=[world.suggestion.pk]), {"reason": "About another case"}
    )
    assert response["Location"] == EVIDENCE
    world.suggestion.refresh_from_db()
    assert (world.suggestion.state, world.suggestion.rejection_reason) == (Review.REJECTED, "About another case")
    assert "No evidence suggestions" in erin_client.get(EVIDENCE).content.decode()


def test_a_one_party_commitment_is_assessed_for_its_party_without_asking(erin_client, world):
    # Given a commitment made by the United States alone
    world.commitment.parties.set([world.united_states])
    prefix = f"s{world.suggestion.pk}"
    form = erin_client.get(EVIDENCE).context["object_list"][0].best.accept_form
    # Then the accept form does not ask "whole commitment or party"
    assert "party" not in form.fields
    # When Erin accepts the passage with a status
    erin_client.post(
        accept_url(world),
        {
            f"{prefix}-status": Status.IN_PROGRESS,
            f"{prefix}-as_of": "2018-03-05",
            f"{prefix}-rationale": "Handed over two suspects.",
        },
    )
    # Then the assessment is the party's, which is the commitment's headline
    assessment = Assessment.objects.latest("recorded_at")
    assert assessment.party == world.united_states
    world.commitment.refresh_from_db()
    assert world.commitment.current_status == Status.IN_PROGRESS
