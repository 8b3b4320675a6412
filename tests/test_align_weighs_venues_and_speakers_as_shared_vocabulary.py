"""A meeting's venue and the leaders who speak are named throughout both accounts of it: the alignment
weighs them as the vocabulary every readout shares, so two follow-up pledges that name different
venues still pair, and "the two leaders" alone pairs nothing."""

from tracker.extraction import bilingual
from tracker.extraction.align import Item, align

BOTH = ("China", "United States")


def test_follow_up_pledges_naming_different_venues_are_paired():
    # given an English follow-up of this meeting and a Chinese one that also cites the last meeting
    english = [
        Item(
            "The leaders agreed that their teams will follow up on their discussions at Woodside and in Lima.",
            parties=BOTH,
        )
    ]
    chinese = [Item("两国元首责成双方团队在落实好巴厘岛会晤共识基础上，及时跟进本次会晤成果。", parties=BOTH)]
    # when they are aligned
    result = align(english, chinese)
    # then the two are one pledge despite the venue only one names
    assert [(p.a, p.b) for p in result.aligned] == [(0, 0)]
    assert bilingual.weight("bali") == bilingual.COMMON


def test_the_speaking_leaders_are_not_a_concept_of_the_pledge():
    # given sentences whose only common ground is that the leaders speak
    assert "high-level" not in bilingual.concepts_in("The two leaders agreed to expand student exchanges.")
    assert "high-level" not in bilingual.concepts_in("两国元首同意扩大旅游合作。")
    # while high-level contact itself is still named in both languages
    assert "high-level" in bilingual.concepts_in("resume high-level communication")
    assert "high-level" in bilingual.concepts_in("恢复两军高层沟通")
