"""How far a Chinese commitment reaches inside its sentence: a principle or position clause carried
by the same 将 stays inside when a committing clause follows it and is left out at the end; 将坚持 a
policy is "will" but 将坚持 a principle is a position; upholding an order and steering a direction
are principles; a role to play is vague; a later clause setting the target of the action before it
(完成 / 达到 / a quantity, 力争…) stays with it and keeps its strength; 责成…研究 is hedged; the short
heading of a numbered item is not judged; a specific topic wins over law-enforcement; a new action
without the deadline of the one before is a commitment of its own; the next round of a series of
talks is logistics; taking part in global governance is vague; the occasion said before a commitment
(以…为契机) belongs to it; an aim with its own deadline (力争2035年内签署) stays with the commitment."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def found(sentence):
    text = "中国同智利举行会谈。\n\n" + sentence
    return [(f.text, f.strength) for f in detect(text, doc_date=DAY, parties=["Chile", "China"])]


def test_a_principle_between_two_committing_clauses_stays_inside_the_commitment():
    sentence = "双方将坚持双向开放，反对“脱钩断链”，为对方企业提供公平的营商环境，坚持通过对话协商妥善解决分歧。"
    assert found(sentence) == [("双方将坚持双向开放，反对“脱钩断链”，为对方企业提供公平的营商环境", "firm")]


def test_a_principle_after_the_last_committing_clause_is_left_out():
    sentence = "双方同意加强战略沟通和协作，维护以联合国为核心的国际体系，推动全球治理体系朝着更加公正合理的方向发展。"
    assert found(sentence) == [("双方同意加强战略沟通和协作", "firm")]


def test_will_adhere_to_a_principle_is_a_position():
    assert found("智方将继续坚持一个中国政策。") == []


def test_reaffirmed_commitment_to_uphold_a_system_is_a_principle():
    assert found("双方重申致力于维护以规则为基础的多边贸易体制。") == []


def test_a_constructive_role_to_play_is_vague():
    assert found("中方将继续为危机政治解决发挥建设性作用。") == []


def test_the_target_of_the_action_before_it_stays_with_it():
    sentence = "双方同意加快推进铜矿产业园建设，年底前新引进20家企业入园。"
    assert found(sentence) == [(sentence, "firm")]


def test_an_aim_after_a_commitment_is_its_measure_not_a_weaker_pledge():
    sentence = "双方将扩大农产品贸易，力争2035年双边农产品贸易额达到200亿美元。"
    assert found(sentence) == [(sentence, "firm")]


def test_a_task_to_study_is_hedged():
    assert found("两国总理责成两国外交部门研究简化签证手续的可行性。") == [
        ("两国总理责成两国外交部门研究简化签证手续的可行性。", "hedged")
    ]


def test_the_short_heading_of_a_numbered_item_is_not_judged():
    text = (
        "中国同智利举行会谈。\n\n我们一致同意做好以下工作：\n\n三是促进人文交流。深化教育、旅游等领域交流合作，"
        "开展新一轮青年交流项目。"
    )
    result = [f.text for f in detect(text, doc_date=DAY, parties=["Chile", "China"])]
    assert result == ["深化教育、旅游等领域交流合作，开展新一轮青年交流项目。"]


def test_a_specific_crime_is_the_topic_before_law_enforcement_in_general():
    (one,) = detect("双方同意恢复两国执法部门禁毒合作工作组会议。", doc_date=DAY, parties=["Chile", "China"])
    assert one.topics[0] == "counter-narcotics"


def test_a_new_action_without_the_deadline_before_it_is_a_commitment_of_its_own():
    sentence = "双方同意2032年底前完成铜矿铁路一期工程建设，加快推进二期工程前期工作。"
    assert [text for text, _strength in found(sentence)] == [
        "双方同意2032年底前完成铜矿铁路一期工程建设",
        "加快推进二期工程前期工作。",
    ]


def test_the_next_round_of_a_series_of_talks_is_logistics():
    assert found("双方商定下一轮战略对话明年在圣地亚哥举行。") == []


def test_taking_part_in_global_governance_is_vague():
    assert found("中方将继续积极参与全球气候治理。") == []


def test_the_occasion_said_before_a_commitment_belongs_to_it():
    sentence = "双方同意以建交六十周年为契机，办好“中智文化年”系列活动。"
    assert found(sentence) == [(sentence, "firm")]


def test_an_aim_with_a_deadline_of_its_own_stays_with_the_commitment():
    sentence = "双方同意尽快完成自由贸易协定谈判，力争2035年内签署协定。"
    assert found(sentence) == [(sentence, "firm")]


def test_an_undated_item_after_a_dated_aim_is_a_commitment_of_its_own():
    sentence = "两国元首同意，加快推进跨境铁路建设，力争2033年建成通车；扩大双边贸易规模，推动贸易额早日突破500亿美元。"
    assert [text for text, _strength in found(sentence)] == [
        "加快推进跨境铁路建设，力争2033年建成通车",
        "扩大双边贸易规模，推动贸易额早日突破500亿美元。",
    ]


def test_a_short_first_sentence_with_a_concrete_action_is_an_item_not_a_heading():
    text = (
        "中国同智利举行会谈。\n\n我们一致同意做好以下工作：\n\n一是建立铜矿合作联合工作组。工作组由两国外交部门牵头。"
    )
    result = [f.text for f in detect(text, doc_date=DAY, parties=["Chile", "China"])]
    assert result[:1] == ["建立铜矿合作联合工作组。"]
