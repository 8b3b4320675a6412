"""Chinese readouts are judged clause by clause with the cues of the Chinese labelling notes: an
agreement covers the clauses after it, willingness, hope and "should" do not commit, 中方 is China
and 双方 the document's parties; a JSON news record's content is the body."""

import datetime
import json

from tracker.extraction.deadlines import find_chinese_deadlines
from tracker.extraction.detect import detect
from tracker.extraction.document import extract_document

DAY = datetime.date(2031, 4, 2)


def test_an_agreement_covers_the_following_clause_and_splits_by_topic():
    text = "两国元首同意继续保持高层沟通，加强禁毒执法合作。中方愿同美方一道管控分歧。双方应当增进互信。"
    found = detect(text, doc_date=DAY, parties=["China", "United States"])
    assert [f.text for f in found] == ["两国元首同意继续保持高层沟通", "加强禁毒执法合作。"]
    assert [f.topics[0] for f in found] == ["dialogue", "counter-narcotics"]
    assert all(f.parties == ["China", "United States"] and f.strength == "firm" for f in found)


def test_a_unilateral_pledge_names_its_side():
    found = detect("会谈中，中方将向对方提供1亿美元援助，用于清洁能源项目。", doc_date=DAY, parties=["China", "Kenya"])
    assert [f.parties for f in found] == [["China"]]


def test_willingness_hope_and_past_acts_give_nothing():
    text = "中方愿同各方加强合作。希望美方尽快取消关税。双方签署了多项合作文件。"
    assert detect(text, doc_date=DAY, parties=["China", "United States"]) == []


def test_a_json_news_record_is_read_for_its_content():
    record = {"id": "1", "date": "2031-04-02", "title": "示例新闻", "content": "中欧双方同意举行新一轮经贸磋商。"}
    result = extract_document(json.dumps(record, ensure_ascii=False), kind="text")
    assert result.document.title == "示例新闻" and result.document.date == DAY
    assert [(c.text, c.parties) for c in result.commitments] == [("中欧双方同意举行新一轮经贸磋商。", ["China", "EU"])]


def test_chinese_deadlines_are_read_and_resolved_against_the_document_date():
    # Given Chinese deadline phrases in a text of 1 March 2031
    day = datetime.date(2031, 3, 1)
    # When they are looked for, then each resolves as the English labels do
    assert [d.label for d in find_chinese_deadlines("双方同意2035年前建成跨境铁路。", day)] == ["2035"]
    assert [d.label for d in find_chinese_deadlines("中方将于年底前完成可行性研究。", day)] == ["2031-12-31 (年底前)"]
    assert [d.label for d in find_chinese_deadlines("双方将在明年举行第二轮对话。", day)] == ["2032 (明年)"]
    assert [d.date for d in find_chinese_deadlines("三个月内完成。", day)] == [datetime.date(2031, 6, 1)]
    assert [d.label for d in find_chinese_deadlines("2031年6月30日前签署协议。", day)] == ["2031-06-30"]
    # and a date already past is not a deadline
    assert find_chinese_deadlines("双方2030年底前完成。", day) == []


def test_a_chinese_commitment_carries_its_deadline_fronted_or_inside():
    text = "中国和越南举行会谈。\n\n年底前，双方将完成铁路项目的可行性研究。"
    found = detect(text, doc_date=datetime.date(2031, 3, 1), parties=["China", "Vietnam"])
    assert [f.deadline_label for f in found] == ["2031-12-31 (年底前)"]


def test_a_compound_naming_both_sides_beats_a_dateline_and_one_side_s_mentions():
    text = "新华社北京3月14日电 中美双方同意在年底前建立禁毒联合工作组。\n\n美方表示愿意继续对话。"
    result = extract_document(text, kind="text")
    assert [c.parties for c in result.commitments] == [["China", "United States"]]
