"""A plan for a further step of a measure ("will further lower the duties from January") is a new
measure, not news of the one pledged (lower them to 5 percent on April 1); a plan for a further
meeting of a mechanism a pledge keeps going is still news of it. Texts written for the tests."""

import datetime

from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo


def pledge(number, text):
    return CommitmentInfo(
        id=number,
        text=text,
        parties=frozenset({"Canada", "Chile"}),
        topics=frozenset({"trade"}),
        made_on=datetime.date(2026, 2, 1),
        meeting="example call 2026 02 01",
        reference=f"P-{number}",
        meeting_parties=frozenset({"Canada", "Chile"}),
    )


DUTIES = pledge(1, "Canada will reduce its tariffs on Chilean wine from 12 percent to 5 percent on April 1.")
DIALOGUE = pledge(2, "Canada and Chile will continue to hold the annual Canada-Chile Trade Dialogue.")


def refs(text):
    cards = read_follow_up(text, [DUTIES, DIALOGUE], published=datetime.date(2026, 9, 1), lexicon=default_lexicon())
    return [link.commitment_id for card in cards for link in card.links]


def test_a_further_cut_planned_is_no_news_of_the_cut_pledged():
    assert refs("Canada lowered its tariffs on Chilean wine to 5 percent on April 1.")[:1] == [1]
    assert refs("Canada plans to lower its tariffs on Chilean wine on April 1.")[:1] == [1]
    assert 1 not in refs("Canada plans to further lower its tariffs on Chilean wine next year.")


def test_a_further_meeting_planned_is_still_news_of_a_dialogue_kept_going():
    assert refs("Canada and Chile plan to hold a further round of the Canada-Chile Trade Dialogue next month.")[:1] == [
        2
    ]
