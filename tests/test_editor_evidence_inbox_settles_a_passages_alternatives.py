"""Once Erin accepts the commitment a passage bears on, none of the passage's other proposals stays
pending in the inbox: those she ticks as "also evidence for" are accepted with the same status, the
others are set aside with a reason; another passage of the same article is untouched."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tracker.commitments.models import Assessment
from tracker.ingest.models import Article, Review, Suggestion

pytestmark = pytest.mark.django_db

EVIDENCE = reverse("editor:evidence_inbox")
TEXT = (
    "Senior officials of the two sides held their regular strategic consultations in Geneva. "
    "The customs liaison office opened in Tianjin."
)


def _article(title, text):
    return Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        title=title,
        text=text,
        published_on=datetime.date(2018, 5, 2),
    )


@pytest.fixture
def passage(make_commitment):
    pledges = [
        make_commitment(quote="Senior officials will maintain communication."),
        make_commitment(quote="The teams will keep up high-level diplomacy and consultations."),
        make_commitment(quote="The two sides will hold consultations on maritime issues."),
        make_commitment(quote="The two sides will open a customs liaison office."),
    ]
    article = _article("Consultations in Geneva", TEXT)
    first_end = TEXT.index(" The customs")
    made = [
        Suggestion.objects.create(
            article=article,
            commitment=commitment,
            passage=TEXT[:first_end],
            start=0,
            end=first_end,
            score=0.8 - rank / 10,
            rank=rank,
            proposed_status="in_progress",
        )
        for rank, commitment in enumerate(pledges[:3])
    ]
    other = Suggestion.objects.create(
        article=article,
        commitment=pledges[3],
        passage=TEXT[first_end + 1 :],
        start=first_end + 1,
        end=len(TEXT),
        score=0.7,
        proposed_status="fulfilled",
    )
    return {"best": made[0], "overlapping": made[1], "unrelated": made[2], "other": other}


def _state(suggestion):
    suggestion.refresh_from_db()
    return suggestion.state, suggestion.rejection_reason


def test_the_card_offers_the_alternatives_to_accept_as_well(erin_client, passage):
    page = erin_client.get(EVIDENCE).content.decode()

    assert page.count('name="s{}-also"'.format(passage["best"].pk)) == 2
    assert "Also evidence for" in page


def test_accepting_the_best_accepts_the_ticked_alternative_and_sets_the_other_aside(erin_client, passage):
    best = passage["best"]
    response = erin_client.post(
        reverse("editor:suggestion_accept", args=[best.pk]),
        {
            f"s{best.pk}-status": "in_progress",
            f"s{best.pk}-rationale": "Regular consultations held.",
            f"s{best.pk}-also": [str(passage["overlapping"].pk)],
            "next": EVIDENCE,
        },
    )

    assert response.status_code == 302
    assert _state(best)[0] == Review.ACCEPTED
    assert _state(passage["overlapping"])[0] == Review.ACCEPTED
    assert _state(passage["unrelated"]) == (Review.REJECTED, "Another commitment was chosen for this passage.")
    assert _state(passage["other"]) == (Review.PENDING, "")
    assessed = Assessment.objects.values_list("commitment_id", "status")
    assert set(assessed) == {
        (best.commitment_id, "in_progress"),
        (passage["overlapping"].commitment_id, "in_progress"),
    }
    # The inbox now shows only the article's other passage.
    cards = erin_client.get(EVIDENCE).context["object_list"]
    assert [card.best for card in cards] == [passage["other"]]


def test_accepting_an_alternative_instead_sets_the_first_proposal_aside(erin_client, passage):
    chosen = passage["unrelated"]

    erin_client.post(reverse("editor:suggestion_accept", args=[chosen.pk]), {"next": EVIDENCE})

    assert _state(chosen)[0] == Review.ACCEPTED
    assert _state(passage["best"])[0] == Review.REJECTED
    assert _state(passage["overlapping"])[0] == Review.REJECTED
    assert not Assessment.objects.exists()


def test_rejecting_one_proposal_leaves_the_others_for_the_editor(erin_client, passage):
    best = passage["best"]

    erin_client.post(reverse("editor:suggestion_reject", args=[best.pk]), {"next": EVIDENCE})

    assert _state(best)[0] == Review.REJECTED
    assert _state(passage["overlapping"])[0] == Review.PENDING


def test_linking_a_restatement_sets_the_passages_other_restatement_proposals_aside(erin_client, make_commitment):
    earlier = [make_commitment(quote=f"The two sides will keep channel {n} open.") for n in (1, 2)]
    later = make_commitment(quote="The two sides will keep the channels open.")
    text = "The two sides reaffirmed their commitment to keep the channels open."
    article = _article("Channels", text)
    chosen, other = (
        Suggestion.objects.create(
            article=article,
            commitment=commitment,
            kind=Suggestion.Kind.RESTATEMENT,
            passage=text,
            start=0,
            end=len(text),
            score=0.6 - rank / 10,
            rank=rank,
        )
        for rank, commitment in enumerate(earlier)
    )

    erin_client.post(reverse("editor:suggestion_accept", args=[chosen.pk]), {f"s{chosen.pk}-later": later.reference})

    later.refresh_from_db()
    assert later.predecessor == earlier[0]
    assert _state(chosen)[0] == Review.ACCEPTED
    assert _state(other) == (Review.REJECTED, "Another commitment was chosen for this passage.")
