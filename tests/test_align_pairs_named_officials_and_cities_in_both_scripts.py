"""A pledge pinned to a named official or city pairs with the other account's wording of it, the
name written in Latin letters on one side and in Chinese on the other."""

import pytest

from tracker.extraction.align import MIN_SCORE, Item, score

BOTH = ("China", "United States")


@pytest.mark.parametrize(
    ("english", "chinese", "key"),
    [
        (
            "They welcomed discussions during Senior Advisor Podesta's upcoming travel to China.",
            "双方同意波德斯塔近期访华。",
            "name:podesta",
        ),
        (
            "The Secretary will meet Minister Wang Xiaohong on counternarcotics.",
            "王小洪将同美方会面，商谈禁毒合作。",
            "name:wang-xiaohong",
        ),
        (
            "The two sides agreed to hold the next round of talks in Zurich.",
            "双方同意在苏黎世举行下一轮会谈。",
            "place:zurich",
        ),
        ("The two sides agreed to meet again in Tianjin.", "双方同意在天津再次会面。", "place:tianjin"),
    ],
)
def test_the_name_is_shared_across_scripts(english, chinese, key):
    value, shared = score(Item(english, parties=BOTH), Item(chinese, parties=BOTH))
    assert key in shared and value >= MIN_SCORE
