"""The bilingual lexicon names the same mechanisms and fields in both languages: policy coordination,
government-to-government channels, science, development finance, clean energy, disaster relief and
transnational crime, so pledges about them pair across an English and a Chinese account."""

import pytest

from tracker.extraction import bilingual
from tracker.extraction.align import Item, align

BOTH = ("China", "United States")


@pytest.mark.parametrize(
    ("english", "chinese", "key"),
    [
        ("strengthen macroeconomic policy coordination", "加强宏观经济政策协调", "coordination"),
        ("an intergovernmental dialogue", "政府间对话", "government"),
        ("joint scientific research", "科技合作", "science"),
        ("debt relief for developing countries", "发展中国家债务问题", "development"),
        ("renewable power", "可再生能源", "green"),
        ("disaster relief", "救灾合作", "disaster"),
        ("combat money laundering", "打击洗钱", "crime"),
        ("multilateral issues", "多边问题", "international"),
    ],
)
def test_a_concept_is_found_in_both_languages(english, chinese, key):
    assert key in bilingual.concepts_in(english, "en")
    assert key in bilingual.concepts_in(chinese, "zh")


def test_pledges_that_share_only_a_newly_named_field_are_paired():
    # given two accounts whose only common ground is disaster relief and the crime they fight
    english = [
        Item("The two sides agreed to cooperate on disaster relief.", parties=BOTH),
        Item("They agreed to work together against money laundering.", parties=BOTH),
    ]
    chinese = [Item("双方同意打击洗钱犯罪。", parties=BOTH), Item("双方同意开展救灾合作。", parties=BOTH)]
    # then each pairs with its counterpart
    assert [(p.a, p.b) for p in align(english, chinese).aligned] == [(0, 1), (1, 0)]
