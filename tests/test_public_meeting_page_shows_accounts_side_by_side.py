"""The public meeting page puts the two accounts side by side: confirmed pairs (with the cue words
of the firmer side), what only one side reports, subjects one side omits, a summary; proposals
stay hidden; as_of, the citation, the CSV/JSON export and the API agree."""

import datetime
import json

import pytest
from django.urls import reverse

from tests import test_readout_fixtures as rx
from tracker.commitments.models import Alignment
from tracker.ingest import decisions
from tracker.ingest.alignments import confirm_alignment

pytestmark = pytest.mark.django_db

summit, accounts, pair, reviewed = rx.summit, rx.accounts, rx.pair, rx.reviewed


def test_the_page_shows_both_accounts_pairs_and_one_sided_pledges(client, reviewed):
    response = client.get(reverse("public:meeting_detail", args=[reviewed.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    comparison = response.context["comparison"]
    assert [r.relation for r in comparison.both] == ["same", "b_stronger"]
    assert "两军高层沟通" in html and "military communication" in html
    assert "<q>work towards</q>" in html and "<q>同意</q>" in html  # the cue words of the flights pair
    assert [r.quote_b for r in comparison.only_b] == ["双方同意建立人工智能政府间对话。"]
    # The counter-narcotics pair is only proposed: neither side's sentence is public yet.
    assert "禁毒" not in html and "fentanyl trafficking." not in html.split("Subjects one side")[0]
    assert comparison.summary == "The United States' account records 2 outcomes, China's 3; 2 appear in both."
    assert "Taiwan" in comparison.topics_only_b and "human rights" in comparison.topics_only_a
    assert "as_of=" in response.context["citation"].permalink


def test_an_earlier_date_hides_what_was_confirmed_later(client, reviewed):
    response = client.get(reverse("public:meeting_detail", args=[reviewed.slug]), {"as_of": "2025-05-01"})
    assert response.status_code == 200
    comparison = response.context["comparison"]
    # Nothing was confirmed or accepted before June: no pair, and neither readout a source yet.
    assert comparison.both == [] and comparison.only_a == [] and comparison.only_b == []
    today = client.get(reverse("public:meeting_detail", args=[reviewed.slug])).context["comparison"]
    assert len(today.both) == 2


def test_the_exports_and_the_api_carry_the_same_rows(client, reviewed):
    data = json.loads(client.get(reverse("public:meeting_export", args=[reviewed.slug, "json"])).content)
    assert [(r["in"], r["relation"]) for r in data["rows"]] == [
        ("both", "same"),
        ("both", "b_stronger"),
        ("only_b", None),
    ]
    csv_text = client.get(reverse("public:meeting_export", args=[reviewed.slug, "csv"])).content.decode()
    assert csv_text.splitlines()[0].startswith("reference,in,relation,quote_a,quote_b")
    assert len(csv_text.strip().splitlines()) == 4
    api = client.get(reverse("public:api:meeting-comparison", args=[reviewed.slug])).json()
    assert api["rows"] == data["rows"] and api["summary"] == data["summary"]


def test_a_meeting_without_published_commitments_is_not_found(client, summit):
    assert client.get(reverse("public:meeting_detail", args=[summit.slug])).status_code == 404


def test_accounts_in_one_language_show_the_word_level_difference(client, run, erin, china, united_states):
    from tracker.commitments.models import Meeting
    from tracker.ingest import pipeline

    meeting = Meeting.objects.create(title="Hotline talks", slug="hotline-talks", date=datetime.date(2025, 4, 2))
    meeting.parties.set([china, united_states])
    run(
        pipeline.import_article,
        text="Hotline talks\n\nThe two sides agreed to set up a cyber hotline before June.\n",
        meeting=meeting,
        kind="readout",
        issuing_party=united_states,
    )
    run(
        pipeline.import_article,
        text="Hotline talks held\n\nThe two sides agreed to establish a cyber hotline before June.\n",
        meeting=meeting,
        kind="readout",
        issuing_party=china,
    )
    alignment = Alignment.objects.get(meeting=meeting)
    confirm_alignment(alignment=alignment, reviewer=erin, publish=True)
    html = client.get(reverse("public:meeting_detail", args=[meeting.slug])).content.decode()
    assert "<del>set up</del>" in html and "<ins>establish</ins>" in html


def test_a_pledge_merged_by_hand_from_both_accounts_is_in_both(client, reviewed, erin):
    narcotics = pair("narcotics", "禁毒")
    commitment = decisions.accept_candidate(candidate=narcotics.candidate_a, reviewer=erin, publish=True)
    decisions.merge_candidate(candidate=narcotics.candidate_b, commitment=commitment, reviewer=erin)
    comparison = client.get(reverse("public:meeting_detail", args=[reviewed.slug])).context["comparison"]
    merged = [row for row in comparison.both if row.commitment == commitment]
    assert [(row.relation, row.relation_label) for row in merged] == [("", "In both accounts")]
    assert "禁毒" in merged[0].quote_b
    assert commitment not in [row.commitment for row in comparison.only_a + comparison.only_b]
