"""A Chinese follow-up passage is read by its verbs: an act done, a plan, a restatement, a discussion."""

from tracker.extraction import evidence


def test_a_chinese_act_reported_without_aspect_marker_is_a_report():
    # Given a passage reporting a handover with the bare verb 移交 (no 了)
    reading = evidence.read_passage("中方向美方移交一批犯罪嫌疑人。")
    # Then it is a report of an act
    assert reading.kind == evidence.REPORT


def test_a_chinese_signing_is_a_creation():
    # Given a passage saying the two sides signed an agreement
    reading = evidence.read_passage("双方签署航空运输协定。")
    # Then it reports a creation
    assert reading.kind == evidence.REPORT
    assert reading.creation


def test_a_chinese_purchase_is_a_report():
    reading = evidence.read_passage("中方企业本月采购大豆三百万吨。")
    assert reading.kind == evidence.REPORT


def test_a_chinese_act_after_a_plan_marker_is_not_done():
    # Given the same verb after 将 (will)
    reading = evidence.read_passage("双方将于明年签署航空运输协定。")
    # Then it is a plan, not a report
    assert reading.kind == evidence.PLAN


def test_a_chinese_resumption_agreed_is_not_reported_as_done():
    reading = evidence.read_passage("双方同意恢复两军沟通。")
    assert not reading.creation


def test_a_chinese_restatement_is_lineage():
    reading = evidence.read_passage("双方再次确认继续推进气候合作。")
    assert reading.kind == evidence.RESTATEMENT


def test_a_chinese_exchange_of_views_is_discussion():
    reading = evidence.read_passage("双方就禁毒合作交换了意见。")
    assert reading.kind == evidence.DISCUSSION


def test_a_chinese_suspension_is_reported_as_stalled():
    reading = evidence.read_passage("美方宣布暂停禁毒工作组会议。")
    assert reading.kind == evidence.REPORT
    assert reading.stalled


def test_a_bare_chinese_verb_in_a_relative_clause_is_not_an_act():
    # Given a restatement of "the consensus the leaders reached" (达成的共识)
    reading = evidence.read_passage("双方重申将继续落实两国领导人达成的共识。")
    # Then the relative clause does not make it a report
    assert reading.kind == evidence.RESTATEMENT


def test_a_chinese_plan_marker_before_an_act_verb_is_a_plan():
    # Given 拟 (intends to) right before convening a meeting
    reading = evidence.read_passage("禁毒工作组拟召开第二次会议。")
    # Then it is a plan, not a report
    assert reading.kind == evidence.PLAN
