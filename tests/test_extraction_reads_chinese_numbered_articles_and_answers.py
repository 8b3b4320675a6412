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
