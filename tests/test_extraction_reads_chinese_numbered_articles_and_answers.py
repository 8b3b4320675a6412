"""Chinese declarations numbered by article (第一条　…) and spokesperson answers: an article marker is
not part of the actor, so 各方 in an article is the attendance list; found while scoring batch 8 of
tests/unseen_chinese_statements blind."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)
BOTH = ["Chile", "China"]


def found(body, parties=("China", "Chile")):
    text = "中国和智利举行会谈。\n\n" + body
    return [(f.text, f.strength, f.parties) for f in detect(text, doc_date=DAY, parties=list(parties))]


def test_an_article_marker_does_not_hide_the_collective_actor_of_its_article():
    body = (
        "会议通过联合声明，要点如下：\n\n第一条　各方重申致力于维护地区和平。\n\n第二条　各方同意年内启动自贸协定谈判。"
    )
    assert found(body) == [("各方同意年内启动自贸协定谈判。", "firm", BOTH)]


def test_a_topic_word_across_a_word_boundary_gives_way_to_the_longer_word_written():
    (commitment,) = detect("各方同意建立中国—太平洋岛国防灾减灾合作中心。", doc_date=DAY, parties=["China", "Fiji"])
    assert commitment.topics == ["climate"]


def test_a_joint_operation_against_drugs_is_a_concrete_counter_narcotics_action():
    assert found("双方商定于年底前在边境地区开展联合扫毒行动。") == [
        ("双方商定于年底前在边境地区开展联合扫毒行动。", "firm", BOTH)
    ]


def test_in_a_spokesperson_s_answers_both_sides_are_the_pair_the_question_is_about():
    text = (
        "问：中国和老挝禁毒部门日前举行会晤，能否介绍有关情况？\n\n答：双方商定年内开展联合扫毒行动。\n\n"
        "问：美方宣布加征关税，中方如何回应？\n\n答：中方坚决反对。"
    )
    (commitment,) = detect(text, doc_date=DAY)
    assert commitment.parties == ["China", "Laos"]


def test_defending_rights_and_interests_is_a_position_not_a_pledge():
    assert found("我们将采取必要措施，坚决维护中国企业的正当权益。") == []


def test_an_agreement_in_principle_is_hedged():
    text = "双方原则上同意扩大智利农产品对华出口。"
    assert found(text) == [(text, "hedged", BOTH)]


def test_will_not_take_a_measure_is_a_firm_negative_pledge_and_an_unchanged_stance_is_not():
    assert found("中方不会对智利钢铁产品采取新的贸易限制措施。") == [
        ("中方不会对智利钢铁产品采取新的贸易限制措施。", "firm", ["China"])
    ]
    assert found("中方对智政策不会改变。") == []
