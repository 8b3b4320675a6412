"""Chinese readouts are judged clause by clause with the cues of the Chinese labelling notes: an
agreement covers the clauses after it, willingness, hope and "should" do not commit, 中方 is China
and 双方 the document's parties; a JSON news record's content is the body."""

import datetime
import json

from tracker.extraction.detect import detect
from tracker.extraction.pipeline import extract_document

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
