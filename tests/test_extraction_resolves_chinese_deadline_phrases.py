"""Each Chinese deadline phrase is one named rule (deadlines._ZH_RULES), resolved against the
document's date: a year end, a half, a quarter, a month with or without its year, this or next
month, a period counted from the date (years, months, weeks, days), 到 + a year, a year alone, the
years of a five-year plan and mid-century. A period already over is no deadline, and a number
before 年内 that is a year is read as that year; a phrase inside a title 《…》 is none."""

import datetime

import pytest

from tracker.extraction.deadlines import find_chinese_deadlines

DAY = datetime.date(2031, 7, 10)


def labels(text, day=DAY):
    return [d.label for d in find_chinese_deadlines(text, day)]


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("双方将于年底前完成谈判", "2031-12-31 (年底前)"),
        ("2032年底前建成", "2032-12-31 (2032年底前)"),
        ("今年底前签署", "2031-12-31 (今年底前)"),
        ("六个月内提交方案", "2032-01-10 (六个月内)"),
        ("两周内举行磋商", "2031-07-24 (两周内)"),
        ("30天内作出答复", "2031-08-09 (30天内)"),
        ("未来五年进口原油", "2036-07-10 (未来五年)"),
        ("2035年前实现碳达峰", "2035"),
        ("到2035年建成", "2035"),
        ("明年举行第二轮对话", "2032 (明年)"),
        ("今年内启动", "2031 (今年内)"),
        ("下半年举办论坛", "2031-12-31 (下半年)"),
        ("2033年上半年前完成", "2033-06-30 (2033年上半年前)"),
        ("今年第三季度前批准", "2031-09-30 (今年第三季度前)"),
        ("9月底前提交", "September 2031"),
        ("2032年3月底前完成", "March 2032"),
        ("本月底前公布", "2031-07-31 (本月底前)"),
        ("下个月在北京召开", "2031-08-31 (下个月)"),
        ("明年年初启动", "early 2032 ('明年年初')"),
        ("“十六五”期间完成", "2031-2035 ('“十六五”期间')"),
        ("到本世纪中叶建成", "2050 ('到本世纪中叶')"),
        ("2033年举办“人文交流年”活动", "2033"),
    ],
)
def test_each_chinese_deadline_phrase_resolves_against_the_document_date(phrase, label):
    assert labels(phrase) == [label]


def test_an_exact_day_is_an_iso_date():
    assert labels("自2031年9月1日起实施") == ["2031-09-01"]
    assert labels("明年3月1日起生效") == ["2032-03-01"]


def test_a_period_already_over_is_no_deadline():
    assert labels("第一季度完成") == []
    assert labels("2030年底前完成") == []
    assert labels("3月8日") == []


def test_a_month_already_past_this_year_is_next_years():
    assert labels("3月底前完成") == ["March 2032"]


def test_a_year_written_before_nian_nei_is_that_year_not_a_count_of_years():
    assert labels("2031年内完成") == ["2031"]


def test_a_start_a_range_an_era_and_a_since_are_not_deadlines():
    assert labels("2032年起实施") == []
    assert labels("2032年以来") == []
    assert labels("2032—2034年合作规划") == []
    assert labels("彻底解决分歧") == []


def test_a_period_inside_a_document_title_is_not_a_deadline():
    assert labels("落实《中智合作未来十年展望》") == []
