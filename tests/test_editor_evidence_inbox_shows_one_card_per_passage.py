"""Erin's evidence inbox respects her time: one card per passage with the best commitment first and
the alternatives folded under it, the proposed status and party preselected; a whole article can
be marked "not evidence" at once; a restatement is accepted as lineage (the later commitment gets
the earlier one as predecessor) and never changes a status."""

from __future__ import annotations

import datetime
import html

import pytest
from django.urls import reverse

from tracker.commitments.models import Assessment
from tracker.ingest.models import Article, Review, Suggestion

pytestmark = pytest.mark.django_db

EVIDENCE = reverse("editor:evidence_inbox")
TEXT = (
    "China and the United States held the second meeting of the Counternarcotics Working Group. "
    "The two sides reaffirmed their commitment to repatriate fugitives."
)


@pytest.fixture
def inbox(make_commitment, china, united_states):
    working_group = make_commitment(quote="They agreed to establish a working group on counternarcotics.")
    talks = make_commitment(quote="Senior officials will maintain communication.")
    repatriation = make_commitment(quote="The two sides will repatriate fugitives within 30 days.")
    article = Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        title="Working group meets",
        text=TEXT,
        published_on=datetime.date(2018, 5, 2),
    )
    meeting_end = TEXT.index(" The two")
    best, alternative = (
        Suggestion.objects.create(
            article=article,
            commitment=commitment,
            passage=TEXT[:meeting_end],
            start=0,
            end=meeting_end,
            score=score,
            rank=rank,
            proposed_status="in_progress",
            party=china if rank == 0 else None,
        )
        for commitment, score, rank in ((working_group, 0.7, 0), (talks, 0.4, 1))
    )
    restated = Suggestion.objects.create(
        article=article,
        commitment=repatriation,
        kind=Suggestion.Kind.RESTATEMENT,
        passage=TEXT[meeting_end + 1 :],
        start=meeting_end + 1,
        end=len(TEXT),
        score=0.6,
    )
    return {
        "article": article,
        "best": best,
        "alternative": alternative,
        "restated": restated,
        "repatriation": repatriation,
        "later": make_commitment(quote="The two sides will repatriate fugitives within 20 days."),
    }


def test_a_passage_for_two_commitments_is_one_card_with_the_alternative_folded(erin_client, inbox):
    response = erin_client.get(EVIDENCE)
    cards = response.context["object_list"]

    assert [card.best for card in cards] == [inbox["best"], inbox["restated"]]
    assert cards[0].alternatives == [inbox["alternative"]]
    page = html.unescape(response.content.decode())
    assert page.count('<details class="alternatives">') == 1
    assert "1 other commitment this passage may bear on" in page
    assert "Restated at a later round" in page
    # The proposed status and party are preselected.
    form = cards[0].best.accept_form
    assert form.initial["status"] == "in_progress" and form.initial["party"] == inbox["best"].party_id
    assert "Counternarcotics Working Group" in form.initial["rationale"]


def test_nothing_in_an_article_is_evidence_in_one_click(erin_client, erin, inbox):
    url = reverse("editor:article_not_evidence", args=[inbox["article"].pk])

    response = erin_client.post(url, {"next": EVIDENCE})

    assert response.status_code == 302
    assert not Suggestion.objects.pending().exists()
    assert set(Suggestion.objects.values_list("state", "reviewer", "rejection_reason")) == {
        (Review.REJECTED, erin.pk, "Not evidence")
    }
    assert "No evidence suggestions" in erin_client.get(EVIDENCE).content.decode()


def test_accepting_a_restatement_links_the_rounds_and_records_no_status(erin_client, inbox):
    restated = inbox["restated"]
    url = reverse("editor:suggestion_accept", args=[restated.pk])

    response = erin_client.post(url, {f"s{restated.pk}-later": inbox["later"].reference, "next": EVIDENCE})

    assert response.status_code == 302
    inbox["later"].refresh_from_db()
    assert inbox["later"].predecessor == inbox["repatriation"]
    restated.refresh_from_db()
    assert restated.state == Review.ACCEPTED and restated.restated_by == inbox["later"]
    assert not Assessment.objects.exists()
    inbox["repatriation"].refresh_from_db()
    assert inbox["repatriation"].current_status == "not_assessed"


def test_a_restatement_with_no_later_commitment_is_refused_with_a_reason(erin_client, inbox):
    restated = inbox["restated"]
    url = reverse("editor:suggestion_accept", args=[restated.pk])

    response = erin_client.post(url, {"next": EVIDENCE})

    assert response.status_code == 200  # the form again, with the reason
    assert "accept the passage" in html.unescape(response.content.decode())
    restated.refresh_from_db()
    assert restated.state == Review.PENDING


def test_evidence_for_draft_commitments_is_proposed_when_erin_asks(erin_client, make_commitment):
    draft = make_commitment(quote="The two sides will open a joint liaison office for customs fraud.", publish=False)
    article = Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        title="Liaison office opens",
        text="China and the United States opened the joint liaison office for customs fraud in Shanghai.",
        published_on=datetime.date(2018, 5, 2),
    )
    page = erin_client.get(reverse("editor:article_detail", args=[article.pk])).content.decode()
    assert "Look for evidence for draft commitments too" in page

    response = erin_client.post(reverse("editor:article_suggest_evidence", args=[article.pk]))

    assert response.status_code == 302
    [suggestion] = Suggestion.objects.filter(article=article)
    assert suggestion.commitment == draft and suggestion.proposed_status == "fulfilled"
