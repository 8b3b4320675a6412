"""The dashboard: counts by status overall and per party, the compliance score per party,
recent status changes, commitments due soon and overdue, the dialogues tracked; and all of it
as of a past date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Commitment, compliance_by_party
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def board(story, make_commitment, erin, united_states):
    today = timezone.localdate()
    due = make_commitment(quote="The sides will open a liaison office.", deadline=today + datetime.timedelta(days=20))
    late = make_commitment(
        quote="The United States will send a delegation.",
        parties=[united_states],
        deadline=today - datetime.timedelta(days=3),
    )
    actions.record_assessment(
        commitment=late, status=Status.NOT_STARTED, as_of=D(2018, 1, 10), rationale="Nothing yet.", author=erin
    )
    make_commitment(quote="A draft.", publish=False, deadline=today + datetime.timedelta(days=5))
    return {"story": story.commitment, "due": due, "late": late}


def dashboard(client, **params):
    response = client.get(reverse("public:dashboard"), params)
    return response, response.content.decode()


def test_it_counts_commitments_by_status(rob_client, board):
    response, _ = dashboard(rob_client)
    counts = response.context["overall"].counts
    assert counts == {"partial": 1, "not_assessed": 1, "not_started": 1}
    assert response.context["overall"].total == 3  # the draft is not counted


def test_it_counts_by_party_with_the_compliance_score_of_compliance_by_party(rob_client, board, china, united_states):
    response, html = dashboard(rob_client)
    cards = {card.party: card for card in response.context["party_cards"]}
    # China: stalled on its own lane (story) and not assessed (due); the U.S.: partial (as overall),
    # not assessed, not started
    assert cards[china].counts == {"stalled": 1, "not_assessed": 1}
    assert cards[united_states].counts == {"partial": 1, "not_assessed": 1, "not_started": 1}
    expected = compliance_by_party(Commitment.objects.published())
    assert cards[united_states].score.mean == expected[united_states].mean == pytest.approx(-0.5)
    assert cards[china].score.percent == pytest.approx(0.0)
    assert "25%" in html and "mean -0.50 · 2 scored" in html


def test_it_lists_recent_changes_with_corrections_labelled(rob_client, board):
    response, html = dashboard(rob_client)
    recent = list(response.context["recent"])
    assert recent[0].commitment == board["story"] and recent[0].status == "partial"
    assert "Correction" in html


def test_it_lists_what_is_due_soon_and_what_is_overdue(rob_client, board):
    response, html = dashboard(rob_client)
    assert [c.pk for c in response.context["due_soon"]] == [board["due"].pk]
    assert [c.pk for c in response.context["overdue"]] == [board["late"].pk]
    assert "due in 20 days" in html and "overdue by 3 days" in html


def test_it_lists_the_dialogues_tracked(rob_client, board, dialogue):
    response, html = dashboard(rob_client)
    assert [d.pk for d in response.context["dialogues"]] == [dialogue.pk]
    assert f'href="{dialogue.get_absolute_url()}"' in html
    assert "3 commitments" in html


def test_as_of_a_past_date_it_shows_the_tracker_as_it_stood(rob_client, board):
    response, html = dashboard(rob_client, as_of="2018-06-01")
    assert response.context["overall"].counts == {"in_progress": 1, "not_assessed": 1, "not_started": 1}
    # On that date, the story's deadline (31 January 2019) was still ahead and nothing was overdue
    assert [c.pk for c in response.context["overdue"]] == []
    assert "Historical view: the tracker as it stood on 1 June 2018." in html
    recent = list(response.context["recent"])
    assert all(a.as_of <= D(2018, 6, 1) for a in recent)


def test_a_future_date_gives_a_clear_message(rob_client, board):
    response, html = dashboard(rob_client, as_of="2999-12-31")
    assert response.status_code == 400
    assert "31 December 2999 is in the future" in html


def test_an_empty_tracker_says_so(rob_client, db):
    response, html = dashboard(rob_client)
    assert response.status_code == 200
    assert "0 commitments by status" in html
    assert "No dialogue has published commitments yet." in html
