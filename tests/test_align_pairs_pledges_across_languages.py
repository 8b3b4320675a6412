"""The alignment core pairs an English and a Chinese account's pledges on what they name (not on
shared words), tells which side is firmer and by which cue words, leaves one-sided pledges alone,
normalises numbers, and gives same-language pairs a word-level difference."""

import datetime

from tracker.extraction import bilingual
from tracker.extraction.align import Item, align, omitted_topics, word_diff

BOTH = ("China", "United States")


def item(text, strength="firm", parties=BOTH, **fields):
    return Item(text=text, strength=strength, parties=parties, **fields)


def test_pledges_in_two_languages_are_paired_on_what_they_name():
    english = [
        item("The two sides agreed to set up a working group on counter-narcotics cooperation."),
        item("They committed to work towards more passenger flights next year.", strength="intent"),
        item("The United States will continue to support its allies in the Indo-Pacific.", parties=("United States",)),
    ]
    chinese = [
        item("双方同意进一步增加两国航班。"),
        item("双方同意成立禁毒合作工作组。"),
        item("双方同意建立人工智能政府间对话。"),
    ]
    result = align(english, chinese)
    assert [(p.a, p.b, p.relation) for p in result.aligned] == [(0, 1, "same"), (1, 0, "b_stronger")]
    assert result.only_a == [2] and result.only_b == [2]
    flights = result.aligned[1]
    assert "work towards" in flights.cues_a and flights.cues_b == ["同意"]
    assert "flights" in flights.shared
    assert flights.diff == []  # two languages: no word difference


def test_a_bundled_sentence_pairs_with_each_listed_item():
    english = [
        item("The two sides agreed to resume military communication, including calls between theater commanders.")
    ]
    chinese = [item("双方同意恢复两军高层沟通。"), item("双方同意开展两军战区领导通话。")]
    assert [(p.a, p.b) for p in align(english, chinese).aligned] == [(0, 0), (0, 1)]


def test_a_lead_in_to_a_list_is_not_paired():
    english = [item("The two leaders agreed to resume military communication.")]
    chinese = [item("两国元首同意推动和加强两军各领域对话合作，包括"), item("恢复两军高层沟通")]
    result = align(english, chinese)
    assert [(p.a, p.b) for p in result.aligned] == [(0, 1)]
    assert result.only_b == [0]


def test_unrelated_pledges_stay_one_sided():
    result = align([item("The two sides will cooperate on climate change.")], [item("双方同意扩大教育交流。")])
    assert result.aligned == [] and result.only_a == [0] and result.only_b == [0]


def test_numbers_and_years_are_normalised_across_languages():
    assert bilingual.numbers_in("在三十天内", "zh") == {30}
    assert bilingual.numbers_in("within thirty days", "en") == {30}
    assert bilingual.numbers_in("二〇二四年", "zh") == {2024} and bilingual.zh_numeral("十二") == 12
    english = item("The two sides will hold 12 rounds of consultations.", deadline=datetime.date(2025, 12, 31))
    chinese = item("双方将举行十二轮磋商。", deadline=datetime.date(2025, 12, 31))
    other = item("双方将举行三轮磋商。", deadline=datetime.date(2026, 12, 31))
    result = align([english], [other, chinese])
    assert [(p.a, p.b) for p in result.aligned] == [(0, 1)]


def test_same_language_pairs_get_a_word_level_difference():
    a = item("The two sides will set up a hotline before June.")
    b = item("The two sides may set up a hotline before June.", strength="hedged")
    result = align([a], [b])
    assert [(p.relation) for p in result.aligned] == ["a_stronger"]
    assert ("delete", "will") in result.aligned[0].diff and ("insert", "may") in result.aligned[0].diff
    assert word_diff("a b c", "a c") == [("equal", "a"), ("delete", "b"), ("equal", "c")]


def test_subjects_one_account_raises_and_the_other_omits():
    only_a, only_b = omitted_topics(
        "The President raised human rights and the Korean peninsula.", "主席强调台湾问题。双方讨论了朝鲜半岛局势。"
    )
    assert only_a == ["human rights"] and only_b == ["Taiwan"]
