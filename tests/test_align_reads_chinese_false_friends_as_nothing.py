"""Chinese words that contain a concept's word but mean something else (核心 'core' is not 核
'nuclear', 两国关系健康发展 'healthy development' is not health, 冠军 'champion' is not 军) neither
count as a shared subject nor make a topic 'raised by both sides'."""

from tracker.extraction.align import Item, features, omitted_topics
from tracker.extraction.align_lexicon import mask_false_friends

BOTH = ("China", "United States")


def test_core_interests_and_healthy_development_name_no_subject():
    keys = features(Item("双方同意推动两国关系稳定、健康、可持续发展，尊重彼此核心利益。", parties=BOTH))
    assert "nuclear" not in keys and "health" not in keys


def test_the_real_words_still_count():
    keys = features(Item("双方同意加强公共卫生合作，并就核武器问题保持沟通。", parties=BOTH))
    assert {"nuclear", "health"} <= keys


def test_a_topic_one_side_names_only_through_a_false_friend_is_raised_by_the_other_only():
    english = "The President raised nuclear risks and global health security."
    chinese = "习近平指出，台湾问题是中国核心利益中的核心。双方同意推动中美关系健康发展。"
    raised_by_us, _raised_by_china = omitted_topics(english, chinese)
    assert "nuclear weapons" in raised_by_us and "public health" in raised_by_us


def test_masking_keeps_the_length_of_the_text():
    text = "尊重彼此核心利益，推动关系健康发展。"
    assert len(mask_false_friends(text)) == len(text) and "核" not in mask_false_friends(text)
