"""Two pledges that each name what they are about and share none of it (counterterrorism against
wildlife, climate against counter-narcotics, Ukraine against the Korean Peninsula, students against
the two militaries) are different pledges, whatever generic words they share ('cooperation', 'a
working-group meeting in April', 'keep communication'); a word like 'Consultative' is not 'consular'."""

import pytest

from tracker.extraction import align_lexicon
from tracker.extraction.align import MIN_SCORE, Item, align, score

BOTH = ("China", "United States")

APART = [
    ("They agreed to cooperate on counterterrorism.", "双方同意在野生动植物保护方面开展合作。"),
    (
        "The two sides agreed to hold a meeting of the working group on climate in April.",
        "双方同意4月召开禁毒工作组会议。",
    ),
    ("The two sides agreed to maintain communication on Ukraine.", "双方同意就朝鲜半岛问题保持沟通。"),
    ("The two sides agreed to expand student exchanges.", "双方同意扩大两军交流。"),
    ("The two sides agreed to strengthen cooperation on public health.", "双方同意加强农业合作。"),
]


@pytest.mark.parametrize(("english", "chinese"), APART)
def test_pledges_on_different_subjects_score_below_the_threshold(english, chinese):
    value, _shared = score(Item(english, parties=BOTH), Item(chinese, parties=BOTH))
    assert value < MIN_SCORE


def test_one_sided_items_on_different_subjects_stay_one_sided():
    english = [Item("They agreed to cooperate on counterterrorism.", parties=BOTH)]
    chinese = [Item("双方同意在野生动植物保护方面开展合作。", parties=BOTH)]
    result = align(english, chinese)
    assert result.aligned == [] and result.only_a == [0] and result.only_b == [0]


def test_the_same_subject_in_other_words_still_pairs():
    value, _shared = score(
        Item("The two sides agreed to hold a meeting of the counternarcotics working group in April.", parties=BOTH),
        Item("双方同意4月召开禁毒工作组会议。", parties=BOTH),
    )
    assert value >= MIN_SCORE


def test_consultative_is_not_consular():
    keys = align_lexicon.names("talks under the Military Maritime Consultative Agreement", "en")
    assert "subject:consular" not in keys
    assert "subject:consular" in align_lexicon.names("reopen the consulate in Chengdu", "en")
