"""Two pledges that share only a broad topic (both 'dialogue') or a kind of act are not the same
pledge: neither as a one-to-one pair nor as an item an umbrella pledge ('at all levels') lists."""

from tracker.extraction.align import Item, align, score

BOTH = ("China", "United States")


def test_a_shared_topic_alone_scores_nothing():
    a = Item(
        "The two sides agreed to maintain regular communication at all levels.", parties=BOTH, topics=("dialogue",)
    )
    b = Item("双方还同意探讨在发展中国家债务处理问题上加强协调。", "hedged", parties=BOTH, topics=("dialogue",))
    value, shared = score(a, b)
    assert value == 0.0
    assert shared == ["topic:dialogue"]


def test_an_umbrella_pledge_does_not_take_an_item_on_its_topic_alone():
    english = [
        Item(
            "The two sides agreed to maintain regular communication at all levels.", parties=BOTH, topics=("dialogue",)
        )
    ]
    chinese = [Item("双方还同意探讨在发展中国家债务处理问题上加强协调。", "hedged", parties=BOTH, topics=("dialogue",))]
    result = align(english, chinese)
    assert result.aligned == []
    assert result.only_a == [0] and result.only_b == [0]


def test_the_same_subject_under_the_same_topic_still_pairs():
    english = [
        Item(
            "The two sides agreed to maintain regular communication at all levels.", parties=BOTH, topics=("dialogue",)
        )
    ]
    chinese = [Item("继续保持各层级沟通。", parties=BOTH, topics=("dialogue",))]
    assert [(p.a, p.b) for p in align(english, chinese).aligned] == [(0, 0)]
