"""A follow-up passage is read for what it does: reports an act or a result, gives a plan,
restates a pledge or only discusses a subject; and the status it implies depends on the act and on
the kind of pledge (a launch fulfils a pledge to launch; a meeting of a standing mechanism is
progress; a first call only planned has not started)."""

import pytest

from tracker.extraction.evidence import (
    DISCUSSION,
    OTHER,
    PLAN,
    REPORT,
    RESTATEMENT,
    acting_party,
    makes_new_pledge,
    read_passage,
    status_for,
)


@pytest.mark.parametrize(
    ("passage", "kind"),
    [
        ("On May 3 the two governments held the third meeting of the Fisheries Working Group in Lisbon.", REPORT),
        ("Officials reviewed progress on the grain purchases, including recent deliveries.", REPORT),
        ("The ministers planned to hold the first coast guard call in the coming weeks.", PLAN),
        ("The President reaffirmed the United States' commitment to the river compact.", RESTATEMENT),
        ("They discussed next steps to reduce the flow of counterfeit medicines.", DISCUSSION),
        ("They noted the importance of the fisheries channel over the past year.", DISCUSSION),
        ("The weather in the capital was mild.", OTHER),
        ("中美渔业工作组举行了第三次会议。", REPORT),
        ("双方积极评价近期渔业合作取得的重要进展。", REPORT),
        ("双方重申将继续落实两国元首达成的共识。", RESTATEMENT),
        ("双方就渔业合作交换意见。", DISCUSSION),
        ("两国海警计划于近期举行首次通话。", PLAN),
        # An act to come is no report.
        ("The next meeting of the Fisheries Working Group will be held in Lisbon.", OTHER),
        ("双方同意举行第二轮渔业对话。", OTHER),
        ("双方同意近期举行两国海警通话。", PLAN),  # an undertaking with a time: a plan
        ("双方就近期通话进行了沟通。", REPORT),  # 近期 alone is "recent"
        # A Chinese reporting verb introduces what was done; it is no discussion.
        ("习近平指出，中美渔业工作组举行了第三次会议。", REPORT),
    ],
)
def test_it_reads_what_the_passage_does(passage, kind):
    assert read_passage(passage).kind == kind


def test_an_appraisal_of_progress_made_is_a_report_but_an_appraisal_of_a_channel_is_not():
    assert read_passage("双方积极评价近期渔业合作取得的重要进展。").kind == REPORT
    assert read_passage("双方积极评价渔业对话机制的重要作用。").kind == DISCUSSION


@pytest.mark.parametrize(
    ("passage", "pledge", "status"),
    [
        # A one-off act done fulfils a pledge to do it once.
        (
            "Launched in March, the Fisheries Working Group coordinates patrols.",
            "They agreed to establish a fisheries working group.",
            "fulfilled",
        ),
        (
            "The two navies resumed their staff talks in June.",
            "Both sides are resuming staff talks between their navies.",
            "fulfilled",
        ),
        # A meeting of a standing mechanism is progress.
        (
            "The Fisheries Working Group held its fourth meeting in Lisbon.",
            "They agreed to establish a fisheries working group.",
            "in_progress",
        ),
        # A plan: not started for a one-off pledge, progress for a pledge that runs on.
        (
            "They planned to hold a coast guard call in the near future.",
            "Both sides are resuming calls between their coast guards.",
            "not_started",
        ),
        (
            "They welcomed planning for a ministerial visit in the coming weeks.",
            "The leaders agreed to maintain communication between ministers.",
            "in_progress",
        ),
        ("The grain purchases were suspended in May.", "China will purchase more grain.", "stalled"),
        ("China refused to purchase the grain it had promised.", "China will purchase more grain.", "broken"),
        (
            "Only some of the grain was delivered by June.",
            "China will purchase and take delivery of more grain.",
            "partial",
        ),
    ],
)
def test_the_status_follows_from_the_act_and_the_kind_of_pledge(passage, pledge, status):
    assert status_for(read_passage(passage), pledge) == status


def named(text, *parties):
    return sorted((text.index(alias), party) for alias, party in parties)


def test_the_party_is_set_only_when_the_passage_reports_one_side_alone():
    text = "China purchased 12 million tons of grain."
    assert acting_party(text, named(text, ("China", "China"))) == "China"
    text = "Both sides exchanged lists of fugitives with China."
    assert acting_party(text, named(text, ("China", "China"))) is None
    text = "China and the United States held talks."
    assert acting_party(text, named(text, ("China", "China"), ("United States", "United States"))) is None
    # The subject named first acts on the other.
    text = "The United States handed over two suspects to China in March."
    assert acting_party(text, named(text, ("China", "China"), ("United States", "United States"))) == "United States"
    text = "中方已向美方移交两名犯罪嫌疑人。"
    assert acting_party(text, named(text, ("中方", "China"), ("美方", "United States"))) == "China"
    text = "中方与美方举行了会谈。"
    assert acting_party(text, named(text, ("中方", "China"), ("美方", "United States"))) is None


def test_a_report_of_an_act_done_makes_no_new_pledge_but_a_plan_does():
    assert not makes_new_pledge("The United States handed over two suspects to China.")
    assert makes_new_pledge("Both sides welcomed planning for a leader-level call in the coming weeks.")
    assert makes_new_pledge("双方同意继续保持沟通。")
