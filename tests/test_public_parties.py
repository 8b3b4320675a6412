"""Party pages: what a party committed to, its own status on each commitment (its lane, or the
overall one where it was not assessed separately), its counts and compliance score."""

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db


def test_a_party_page_lists_its_commitments_with_its_own_status(
    rob_client, story, make_commitment, china, united_states
):
    make_commitment(quote="The United States will train officers.", parties=[united_states], title="Train officers")
    response = rob_client.get(reverse("public:party_detail", args=[china.code]))
    rows = response.context["rows"]
    assert [r.title for r in rows] == ["Repatriate fugitives within 30 days"]
    assert (rows[0].party_status, rows[0].party_status_inherited) == ("stalled", False)
    assert response.context["card"].score.mean == pytest.approx(-1.0)
    html = response.content.decode()
    assert "Train officers" not in html
    assert "Compliance score <strong>0%</strong>" in html


def test_a_party_that_was_not_assessed_separately_follows_the_whole(rob_client, story, united_states):
    response = rob_client.get(reverse("public:party_detail", args=[united_states.code]))
    row = response.context["rows"][0]
    assert (row.party_status, row.party_status_inherited) == ("partial", True)
    assert "as overall" in response.content.decode()


def test_a_party_without_commitments_has_a_page_that_says_so(rob_client, story):
    response = rob_client.get(reverse("public:party_detail", args=["fr"]))
    assert response.status_code == 200
    assert "has no published commitments" in response.content.decode()


def test_an_unknown_party_is_not_found(rob_client, db):
    assert rob_client.get("/parties/atlantis/").status_code == 404


def test_the_party_index_scores_every_committing_party(rob_client, story, china, united_states):
    response = rob_client.get(reverse("public:party_list"))
    assert [card.party for card in response.context["party_cards"]] == [china, united_states]


def test_as_of_a_date_the_party_record_is_that_of_the_date(rob_client, story, china):
    response = rob_client.get(reverse("public:party_detail", args=[china.code]), {"as_of": "2018-06-01"})
    row = response.context["rows"][0]
    assert (row.party_status, row.party_status_inherited) == ("in_progress", True)
