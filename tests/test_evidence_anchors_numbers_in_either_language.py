"""A count named in an English pledge and in a Chinese passage is one shared anchor."""

from tracker.extraction import evidence_anchors


def test_a_chinese_numeral_and_english_digits_give_the_same_anchor():
    # Given an English pledge and a Chinese passage naming twelve rounds
    english = evidence_anchors.anchors("The sides will hold 12 rounds of talks on flights.")
    chinese = evidence_anchors.anchors("双方已举行十二轮航班磋商。")
    # Then both carry the number twelve as an anchor
    assert "number:12" in english
    assert "number:12" in chinese


def test_an_english_number_word_is_normalised():
    assert "number:3" in evidence_anchors.anchors("China returned three fugitives.")


def test_a_year_is_not_counted_as_a_number():
    # Given a passage naming a year and a month
    found = evidence_anchors.anchors("双方于2024年11月举行会晤。")
    # Then the year is a date anchor, not a count
    assert "number:2024" not in found
    assert "date:2024-11" in found
