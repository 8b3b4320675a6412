"""English follow-ups of pledges tracked in Chinese: a dialogue the pledge was to hold, held, fulfils
it; announced for next month, it has not started; postponed, it is stalled; a pledge to resume
military communication is kept by the defence chiefs' first call since the break; "the EU-China
Dialogue" is joint conduct; views exchanged on a subject are no evidence."""

import datetime

import pytest

from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo

CHINA_EU = frozenset({"China", "EU"})
CHINA_US = frozenset({"China", "United States"})


def pledge(id, text, parties):
    return CommitmentInfo(
        id=id,
        text=text,
        parties=parties,
        topics=frozenset(),
        made_on=datetime.date(2023, 12, 7),
        meeting="峰会 北京",
        meeting_parties=parties,
    )


TRACKED = [
    pledge(1, "双方同意举行中欧高级别人文交流对话机制会议", CHINA_EU),
    pledge(2, "双方将加强碳排放交易合作", CHINA_EU),
    pledge(3, "中美同意恢复两军高层沟通", CHINA_US),
    pledge(5, "双方同意年内举行中欧经贸高层对话", CHINA_EU),
]


@pytest.mark.parametrize(
    ("title", "passage", "expected"),
    [
        (
            "EU-China people-to-people dialogue",
            "The EU-China High-Level People-to-People Dialogue was held in Brussels on 3 June.",
            [(1, "fulfilled", None)],
        ),
        ("EU-China climate", "The EU and China exchanged views on carbon markets and emissions trading.", []),
        (
            "EU-China climate",
            "The EU and China held the second workshop on emissions trading systems in Beijing.",
            [(2, "in_progress", None)],
        ),
        (
            "U.S.-China defense",
            "U.S. and Chinese defense chiefs held a video call on Friday, the first since 2022.",
            [(3, "fulfilled", None)],
        ),
        (
            "EU-China trade",
            "The EU-China High-Level Economic and Trade Dialogue will take place in Beijing next month.",
            [(5, "not_started", None)],
        ),
        (
            "EU-China trade",
            "The EU and China postponed the High-Level Economic and Trade Dialogue indefinitely.",
            [(5, "stalled", None)],
        ),
    ],
)
def test_an_english_passage_reports_on_a_chinese_pledge(title, passage, expected):
    cards = read_follow_up(
        passage, TRACKED, published=datetime.date(2024, 10, 1), lexicon=default_lexicon(), title=title
    )
    found = [(link.commitment_id, link.status, link.party) for card in cards for link in card.links]
    assert found == expected
