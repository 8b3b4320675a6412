"""Dialogue pages: the list of dialogues, and each dialogue's meetings in order with their
commitments grouped by topic, a scorecard per party, its state, and the readouts and statements
the commitments come from; as of any date too."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Dialogue, Meeting, Topic

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def second_round(dialogue, china, united_states, make_commitment):
    meeting = Meeting.objects.create(
        dialogue=dialogue,
        title="Second round",
        slug="test-led-2019",
        date=D(2019, 3, 5),
        place="Beijing",
        co_chairs="Guo Shengkun (China)\nJeff Sessions (United States)",
    )
    meeting.parties.set([china, united_states])
    cyber = Topic.objects.get(key="cybersecurity")
    make_commitment(quote="The sides will use the hotline.", meeting=meeting, topics=[cyber], title="Use the hotline")
    return meeting


def detail(client, dialogue, **params):
    return client.get(reverse("public:dialogue_detail", args=[dialogue.slug]), params)


def test_the_list_shows_dialogues_with_published_commitments_and_their_state(rob_client, story, dialogue):
    Dialogue.objects.create(name="Only drafts", slug="drafts", reference_prefix="DR")
    dialogue.state = Dialogue.State.SUSPENDED
    dialogue.state_note = "Not met since 2017."
    dialogue.save()
    response = rob_client.get(reverse("public:dialogue_list"))
    html = response.content.decode()
    assert [d.slug for d in response.context["dialogues"]] == [dialogue.slug]
    assert "Suspended" in html and "Not met since 2017." in html
    assert "Only drafts" not in html


def test_meetings_are_in_order_with_commitments_grouped_by_topic(rob_client, story, second_round, dialogue, topic):
    response = detail(rob_client, dialogue)
    meetings = response.context["meetings"]
    assert [m.slug for m in meetings] == ["test-led-2017", "test-led-2019"]
    first_groups = {t.name: [c.title for c in rows] for t, rows in meetings[0].topic_groups}
    assert first_groups == {topic.name: ["Repatriate fugitives within 30 days"]}
    second_groups = {t.name: [c.title for c in rows] for t, rows in meetings[1].topic_groups}
    assert second_groups == {"Cybersecurity": ["Use the hotline"]}
    html = response.content.decode()
    assert html.index('id="meeting-test-led-2017"') < html.index('id="meeting-test-led-2019"')
    assert "Co-chairs: Guo Shengkun (China); Jeff Sessions (United States)" in html


def test_the_scorecard_counts_each_party_and_scores_it(rob_client, story, second_round, dialogue, china):
    response = detail(rob_client, dialogue)
    cards = {card.party: card for card in response.context["party_cards"]}
    assert cards[china].counts == {"stalled": 1, "not_assessed": 1}
    assert cards[china].score.mean == pytest.approx(-1.0)
    assert response.context["overall"].counts == {"partial": 1, "not_assessed": 1}


def test_the_sources_of_the_commitments_are_listed(rob_client, story, dialogue, china):
    actions.add_source(commitment=story.commitment, url="https://www.mps.example.cn/readout", issuing_party=china)
    html = detail(rob_client, dialogue).content.decode()
    assert "Readouts and statements" in html
    assert 'href="https://www.example.gov/readout-2017"' in html
    assert 'href="https://www.mps.example.cn/readout"' in html and "issued by China" in html


def test_as_of_a_date_later_meetings_and_commitments_are_hidden(rob_client, story, second_round, dialogue):
    response = detail(rob_client, dialogue, as_of="2018-06-01")
    assert [m.slug for m in response.context["meetings"]] == ["test-led-2017"]
    assert response.context["overall"].counts == {"in_progress": 1}
    assert "Historical view" in response.content.decode()


def test_a_dialogue_without_published_commitments_is_not_found(rob_client, make_commitment, dialogue):
    make_commitment(publish=False)
    assert detail(rob_client, dialogue).status_code == 404
