"""Chinese outcome lists: a lead-in (双方一致同意：, 我们一致同意做好以下工作：, ——我们一致同意，)
carries its agreement and its actors into each item (一是…, （一）, 第一，, items joined by ；); one
party's proposals (王毅建议，一是…) commit only where an item names a concrete joint action;
exhortation lists (一要…二要…) commit nothing; datelines are not part of any commitment."""

import datetime

from tracker.extraction.detect import detect
from tracker.extraction.zh_segment import AGREED, PROPOSED, units

DAY = datetime.date(2031, 4, 2)


def found(body):
    text = "中国和智利举行会谈。\n\n" + body
    return [(f.text, f.strength, f.parties) for f in detect(text, doc_date=DAY, parties=["China", "Chile"])]


BOTH = ["Chile", "China"]


def test_item_paragraphs_under_an_agreed_lead_in_are_each_a_commitment():
    body = (
        "双方一致同意做好以下三方面工作：\n\n一是加强禁毒执法合作。\n\n二是尽快启动自贸协定谈判。\n\n三是扩大人文交流。"
    )
    assert found(body) == [
        ("加强禁毒执法合作。", "firm", BOTH),
        ("尽快启动自贸协定谈判。", "firm", BOTH),
        ("扩大人文交流。", "firm", BOTH),
    ]


def test_items_inside_one_sentence_are_split_at_their_markers():
    body = "两国领导人一致同意：第一，加强防务对话；第二，深化气候合作。"
    assert [text for text, _s, _p in found(body)] == ["加强防务对话", "深化气候合作。"]
    (lead_units) = units("双方同意：一是建立海关合作机制；二是扩大留学生交流。")
    assert [u.lead.kind for u in lead_units] == [AGREED, AGREED]


def test_a_numbered_item_with_its_own_actor_is_that_actor_s():
    body = "双方商定以下事项：\n\n（一）中方将派遣医疗队。\n\n（二）智方将简化签证手续。"
    assert found(body) == [("中方将派遣医疗队。", "firm", ["China"]), ("智方将简化签证手续。", "firm", ["Chile"])]


def test_a_paragraph_opening_with_an_agreement_carries_it_to_sentences_without_an_actor():
    body = "——我们一致同意，加强禁毒合作。扩大人文交流。双方要增进互信。"
    assert [text for text, _s, _p in found(body)] == ["加强禁毒合作。", "扩大人文交流。"]


def test_one_party_s_proposals_commit_only_a_concrete_joint_action_as_intent():
    body = "王毅提出三点建议：一是加强战略沟通；二是尽早完成自贸协定谈判；三是扩大人文交流。"
    assert found(body) == [("尽早完成自贸协定谈判", "intent", BOTH)]
    assert units("王毅建议，一是加强战略沟通；二是尽早完成自贸协定谈判。")[0].lead.kind == PROPOSED


def test_a_proposal_for_a_group_names_the_group_and_exploring_is_hedged():
    text = "金砖国家领导人会晤举行。\n\n中方建议，金砖国家拓宽教育合作，探索建立数字教育合作机制，同时加强文化交流。"
    (one,) = detect(text, doc_date=datetime.date(2023, 8, 24))
    assert (one.text, one.strength) == ("探索建立数字教育合作机制", "hedged")
    assert one.parties == ["Brazil", "China", "India", "Russia", "South Africa"]


def test_exhortation_lists_commit_nothing():
    assert found("双方一要加强沟通，二要深化合作，三要管控分歧。") == []
    assert found("习近平强调，双方要做到以下几点：\n\n一是加强沟通。\n\n二是尽快启动自贸协定谈判。") == []
    assert found("习近平指出，今年要坚持几条原则。一是双方将尽快启动自贸协定谈判。二是扩大人文交流。") == []
    # but a sentence with an actor of its own after the list is read on its own
    after = "习近平指出，今年要坚持几条原则。一是扩大人文交流。中方将设立中智科创中心。"
    assert [text for text, _s, _p in found(after)] == ["中方将设立中智科创中心。"]


def test_clauses_joined_by_semicolons_split_where_topic_or_deadline_changes():
    body = "双方同意加强禁毒合作；扩大人文交流；年底前举行战略对话。"
    assert [text for text, _s, _p in found(body)] == ["双方同意加强禁毒合作", "扩大人文交流", "年底前举行战略对话。"]


def test_a_dateline_and_html_markup_are_left_out_of_the_commitment():
    text = "<p><strong>新华社圣地亚哥4月1日电</strong> 中智双方商定明年上半年举行经贸联委会。</p>"
    (one,) = detect(text, doc_date=DAY)
    assert one.text == "中智双方商定明年上半年举行经贸联委会。"


def test_an_enumeration_comma_cuts_between_verb_phrases_but_not_between_fields():
    body = "双方同意加强禁毒合作、扩大人文交流、年内举行战略对话。"
    assert [text for text, _s, _p in found(body)] == ["双方同意加强禁毒合作", "扩大人文交流", "年内举行战略对话。"]
    assert [text for text, _s, _p in found("双方同意深化教育、文化、旅游等人文交流合作。")] == [
        "双方同意深化教育、文化、旅游等人文交流合作。"
    ]


def test_items_after_an_agreed_colon_are_split_at_semicolons_without_markers():
    body = "两国元首同意加强各领域对话合作，包括：成立海洋事务磋商机制；建立禁毒合作工作组；扩大青年交流。"
    assert found(body) == [
        ("成立海洋事务磋商机制", "firm", BOTH),
        ("建立禁毒合作工作组", "firm", BOTH),
        ("扩大青年交流。", "firm", BOTH),
    ]


def test_an_em_dash_item_opening_with_an_agreement_carries_it_without_a_comma():
    body = "——双方同意加强禁毒合作。扩大青年交流。双方要增进互信。"
    assert [text for text, _s, _p in found(body)] == ["双方同意加强禁毒合作。", "扩大青年交流。"]
    # while an ordinary paragraph's next sentence without a cue is not carried
    assert [text for text, _s, _p in found("双方同意加强禁毒合作。扩大青年交流。")] == ["双方同意加强禁毒合作。"]


def test_a_later_sentence_with_its_own_actor_is_no_item_of_the_agreement_before_it():
    body = "双方同意：一是建立海关合作机制；二是扩大留学生交流。李强表示，中方高度重视中智经贸合作。"
    assert [text for text, _s, _p in found(body)] == ["建立海关合作机制", "扩大留学生交流。"]
