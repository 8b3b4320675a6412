"""Follow-ups report more than meetings: a measure taken (a tariff lowered, substances placed under
control, a visa-free policy in force) keeps a pledge to take it; a figure reached (tonnes bought,
students enrolled) is progress; a call held is news of a pledge to keep talking even when the
readout gives its subject as a discussion; an act "not yet" done has not started; and a meeting to
be held on a date is a plan. Texts written for the tests."""

import pytest

from tracker.extraction import evidence_lexicon as words
from tracker.extraction.evidence import DISCUSSION, PLAN, REPORT, read_passage, status_for
from tracker.extraction.evidence_lexicon import concepts_in


@pytest.mark.parametrize(
    ("passage", "pledge"),
    [
        (
            "Canada lowered its duties on Chilean wine to 5 percent on April 1.",
            "Canada will reduce its duties on Chilean wine from 12 percent to 5 percent.",
        ),
        (
            "Peru placed two new opioids under national control in June.",
            "Peru will place two new opioids under control.",
        ),
        ("自今年1月起，中方对新西兰持普通护照人员实施单方面免签政策。", "中方决定将新西兰纳入单方面免签国家范围。"),
        ("禁毒部门宣布，两种新型阿片已正式列入管制目录。", "双方将把两种新型阿片列入管制。"),
    ],
)
def test_a_measure_taken_fulfils_a_pledge_to_take_it(passage, pledge):
    reading = read_passage(passage)
    assert reading.kind == REPORT
    assert status_for(reading, pledge) == "fulfilled"


@pytest.mark.parametrize(
    "passage",
    [
        "Purchases of Canadian lentils since January had reached 40,000 tonnes.",
        "More than 800 Korean students are studying in Chile this year.",
        "今年以来，在智利学习的韩国留学生人数超过800人。",
        "据统计，今年以来墨西哥已累计进口加拿大小麦30万吨。",
    ],
)
def test_a_figure_reached_is_progress(passage):
    reading = read_passage(passage)
    assert reading.kind == REPORT
    assert status_for(reading, "The two sides will expand purchases and exchanges.") == "in_progress"


def test_a_call_held_is_a_report_even_when_its_subject_is_a_discussion():
    assert (
        read_passage("The two presidents spoke by telephone on May 2 and discussed the fisheries accord.").kind
        == REPORT
    )
    assert read_passage("The two presidents discussed the fisheries accord.").kind == DISCUSSION
    assert "communication" in concepts_in("The two presidents spoke by telephone on May 2.")


@pytest.mark.parametrize(
    "passage",
    [
        "Peru has not yet placed the two opioids under control; officials say the rule is still under review.",
        "秘方尚未将两种新型阿片列入管制。",
        "The new consulate in Arequipa has yet to open, and officials are still looking for a building.",
    ],
)
def test_an_act_not_yet_done_has_not_started(passage):
    reading = read_passage(passage)
    assert reading.kind == REPORT
    assert status_for(reading, "Peru will place two new opioids under control.") == "not_started"


def test_a_meeting_to_be_held_on_a_date_is_a_plan_but_without_one_it_is_not():
    assert read_passage("Officials said the next summit would be held in Lima on May 4 and 5.").kind == PLAN
    assert read_passage("The next meeting of the river commission will be held in Lima.").kind != PLAN


def test_drug_scheduling_and_visa_free_entry_are_named_in_both_languages():
    assert "counternarcotics" in concepts_in("Peru will place nitazenes and xylazine under national control.")
    assert "counternarcotics" in concepts_in("尼秦类物质已列入管制。")
    assert words.MEASURE.search("实施单方面免签政策")
    assert "visas" in concepts_in("中方对智利实行免签政策。")
