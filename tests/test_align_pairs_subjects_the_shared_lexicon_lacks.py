"""Pledges on subjects the shared bilingual lexicon lacks, or has in one language only (cybercrime,
consular talks, counterterrorism as one word, illegal fishing, tourists, a named programme or joint
commission), pair across languages; two different such subjects do not."""

import pytest

from tracker.extraction.align import MIN_SCORE, Item, align, score

BOTH = ("China", "United States")

PAIRS = [
    ("The two sides agreed to jointly combat cybercrime.", "双方同意共同打击网络犯罪。"),
    ("The two sides agreed to resume the bilateral consular dialogue.", "双方同意恢复中美领事磋商。"),
    ("They agreed to cooperate on counterterrorism.", "双方同意开展反恐合作。"),
    ("The two sides agreed to combat illegal fishing.", "双方同意打击非法捕捞。"),
    ("They agreed to facilitate the travel of tourists.", "双方同意为游客往来提供便利。"),
    ("They agreed to resume the Fulbright program in China.", "双方同意恢复富布赖特项目。"),
    (
        "They agreed to hold a meeting of the Joint Commission on Commerce and Trade.",
        "双方同意召开中美商贸联委会会议。",
    ),
]


@pytest.mark.parametrize(("english", "chinese"), PAIRS)
def test_the_two_wordings_of_one_subject_pair(english, chinese):
    value, shared = score(Item(english, parties=BOTH), Item(chinese, parties=BOTH))
    assert value >= MIN_SCORE
    assert any(key.startswith("subject:") for key in shared)


def test_two_accounts_pair_each_subject_with_its_own():
    english = [
        Item("The two sides agreed to jointly combat cybercrime.", parties=BOTH),
        Item("They agreed to combat illegal fishing.", parties=BOTH),
    ]
    chinese = [Item("双方同意打击非法捕捞。", parties=BOTH), Item("双方同意共同打击网络犯罪。", parties=BOTH)]
    result = align(english, chinese)
    assert [(p.a, p.b) for p in result.aligned] == [(0, 1), (1, 0)]
    assert "cybercrime" in result.aligned[0].shared
