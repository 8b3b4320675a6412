"""Chinese agreement beyond 同意: 就…达成一致 is agreed; 同意 + that something is important is a view;
决定 in "根据…决定自己的立场" is "determine", a position; a clause stating a precondition (前提是…) is a
condition; "可由双方团队…继续谈下去" is the parties' hedged commitment (可 + 由 + the actors), and the
"争取…" after it is its aim; 尽早 / 尽快 and 明年早些时候 are deadlines as the labelled data writes them;
enriching a partnership is vague, 将认真研究 is hedged, and what a pledge is for (用于…) belongs to it."""

import datetime

from tracker.extraction.deadlines import find_chinese_deadlines
from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def found(sentence):
    text = "中国同智利举行会谈。\n\n" + sentence
    return [(f.text, f.parties, f.strength) for f in detect(text, doc_date=DAY, parties=["Chile", "China"])]


def test_reaching_agreement_on_a_matter_is_agreed():
    sentence = "双方就开展两国公共卫生和粮食安全对话合作达成一致。"
    assert found(sentence) == [(sentence, ["Chile", "China"], "firm")]


def test_agreeing_that_something_is_important_is_a_view():
    assert found("同意中智人文交流十分重要，鼓励扩大两国各领域人员交往。") == []


def test_determining_ones_position_is_no_decision():
    assert found("中国始终根据事情本身的是非曲直决定自己的立场和态度，倡导对话协商。") == []


def test_a_precondition_is_no_commitment():
    assert found("对双方存在的具体分歧，可以进行探讨，前提是平等交流。") == []


def test_what_the_parties_teams_may_go_on_negotiating_is_hedged_with_its_aim():
    sentence = "可由双方团队在已有的共识基础上继续谈下去，争取尽早达成一致。"
    assert found(sentence) == [(sentence, ["Chile", "China"], "hedged")]


def test_as_soon_as_possible_and_early_next_year_are_written_as_the_labels_are():
    assert [d.label for d in find_chinese_deadlines("双方将尽早互派大使", DAY)] == [
        "as soon as possible (unspecified: '尽早')"
    ]
    assert [d.label for d in find_chinese_deadlines("同意明年早些时候增加航班", DAY)] == ["early 2032 ('明年早些时候')"]


def test_enriching_a_partnership_is_vague():
    assert found("双方同意不断充实中智全面战略伙伴关系内涵。") == []


def test_will_carefully_study_a_proposal_is_hedged():
    assert [strength for _t, _p, strength in found("中方将认真研究智方提出的关于扩大车厘子进口的建议。")] == ["hedged"]


def test_what_a_pledge_is_for_belongs_to_it_whatever_its_verb():
    sentence = "中方将提供10亿元人民币无偿援助，用于支持当地民生项目。"
    assert found(sentence) == [(sentence, ["China"], "firm")]
