"""The status and the party follow from what the passage reports, in either language: a measure
kept in force past its date is news that it was taken (not a restatement, though said with "will
continue"); the first call since a break is the resumption done; a clause without a subject of its
own reports the conduct of its sentence's subject (中方…，采购了…)."""

import datetime

from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo

BOTH = frozenset({"China", "United States"})


def pledge(id, text, parties=BOTH):
    return CommitmentInfo(
        id=id,
        text=text,
        parties=parties,
        topics=frozenset(),
        made_on=datetime.date(2023, 11, 15),
        meeting="Leaders' summit Woodside",
        meeting_parties=BOTH,
    )


TRACKED = [
    pledge(1, "Both sides are resuming telephone conversations between theater commanders."),
    pledge(2, "The United States will continue to modify its tariff exclusions on Chinese goods.", {"United States"}),
    pledge(3, "China will purchase an additional 50 billion dollars of U.S. agricultural products.", {"China"}),
]


def links(text):
    cards = read_follow_up(text, TRACKED, published=datetime.date(2024, 10, 1), lexicon=default_lexicon())
    return [(card.kind, link.commitment_id, link.status, link.party) for card in cards for link in card.links]


def test_a_measure_kept_in_force_for_a_further_period_is_evidence_not_a_restatement():
    text = (
        "China and the United States held talks.\n\n"
        "The United States will continue to modify the tariff exclusions for an additional period."
    )
    assert links(text) == [("evidence", 2, "in_progress", "United States")]


def test_the_first_call_since_a_break_is_the_resumption_done():
    text = (
        "China and the United States held talks.\n\n"
        "The theater commanders held a video call in September, the first since 2021."
    )
    assert links(text) == [("evidence", 1, "fulfilled", None)]


def test_a_clause_reports_the_conduct_of_its_sentences_subject():
    text = "中美举行会谈\n\n中方严肃认真执行了协议，采购了美国农产品。"
    assert ("evidence", 3, "in_progress", "China") in links(text)
