"""A pledge that says it covers more than it names ("keep communicating on these and other issues")
is aligned with each item of the other account that names all it names; a pledge as general but
without such words stays one-sided."""

from tracker.extraction.align import Item, align

BOTH = ("China", "United States")
CHINESE = [
    Item("双方同意两国外交团队保持沟通。", parties=BOTH),
    Item("双方同意两国财金团队就宏观经济政策保持沟通。", parties=BOTH),
    Item("双方同意成立禁毒合作工作组。", parties=BOTH),
]


def test_an_umbrella_pledge_pairs_with_each_communication_item_it_covers():
    # given an English umbrella over the officials' communication, and Chinese items listing channels
    english = [
        Item("The leaders agreed that officials will maintain communication on these and other issues.", parties=BOTH)
    ]
    # when aligned
    result = align(english, CHINESE)
    # then the umbrella pairs with each channel item, not with the unrelated working group
    assert [(p.a, p.b) for p in result.aligned] == [(0, 0), (0, 1)]
    assert result.only_b == [2]


def test_a_general_pledge_without_umbrella_words_pairs_with_one_item_at_most():
    english = [Item("The leaders agreed that officials will maintain communication.", parties=BOTH)]
    result = align(english, CHINESE)
    assert len(result.aligned) <= 1 and 2 in result.only_b
