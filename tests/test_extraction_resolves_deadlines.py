"""Given a clause and the document's date, deadlines are found as phrases first and then
resolved: relative phrases against the date, periods to their last day; percentages, durations,
start dates and past dates are never deadlines."""

import datetime

import pytest

from tracker.extraction.deadlines import find_deadlines

DAY = datetime.date(2031, 3, 10)  # a Monday


def only(text, day=DAY):
    found = find_deadlines(text, day)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date", "granularity", "label"),
    [
        ("will finish within 90 days", datetime.date(2031, 6, 8), "day", "2031-06-08 (within 90 days)"),
        (
            "will meet by the end of next year",
            datetime.date(2032, 12, 31),
            "year",
            "2032-12-31 (by the end of next year)",
        ),
        ("will halve emissions by 2040", datetime.date(2040, 12, 31), "year", "2040"),
        ("will sign it by June 30, 2031", datetime.date(2031, 6, 30), "day", "2031-06-30"),
        (
            "will resume flights early next year",
            datetime.date(2032, 4, 30),
            "quarter",
            "early 2032 ('early next year')",
        ),
        ("will hold a webinar in mid-November", datetime.date(2031, 11, 20), "month", "mid-November 2031"),
        ("will start next Saturday", datetime.date(2031, 3, 15), "day", "2031-03-15"),
        (
            "will finish it in the first half of 2032",
            datetime.date(2032, 6, 30),
            "half",
            "2032-06-30 (in the first half of 2032)",
        ),
    ],
)
def test_a_deadline_phrase_is_resolved_against_the_document_date(text, date, granularity, label):
    deadline = only(text)
    assert (deadline.date, deadline.granularity, deadline.label) == (date, granularity, label)
    assert text[deadline.start : deadline.end] == deadline.text


def test_an_exact_day_is_exact_and_a_period_is_not():
    assert only("by June 30, 2031").exact is True
    assert only("by the end of 2031").exact is False


def test_vague_phrases_are_kept_as_phrases():
    weeks = only("will call in the coming weeks")
    assert weeks.granularity == "vague" and weeks.label == "April 2031 ('in the coming weeks')"
    near = only("will meet in the near future")
    assert near.date is None and near.label == "in the near future"


def test_a_deadline_tied_to_an_event_is_not_resolved():
    deadline = only("will issue documents within 30 days of verification")
    assert deadline.date is None and deadline.granularity == "vague"


@pytest.mark.parametrize(
    "text",
    [
        "will cut tariffs by 19 percent",
        "for an additional period of 90 days",
        "starting on August 12, 2031",
        "set forth in Executive Order 14001 of April 2, 2031",
        "the agreement signed on May 5, 1999",
        "the summit held on February 7, 2031",
        "the economy grew by 4.4 percent in 2030",
        "will meet at least once a year",
        "will implement the consensus reached by the two presidents in 2031",
        "will honour the agreement their ministers signed last week in Geneva in March 2031",
    ],
)
def test_percentages_durations_start_dates_and_past_dates_are_not_deadlines(text):
    assert find_deadlines(text, DAY) == []


def test_without_a_document_date_relative_phrases_stay_unresolved():
    deadline = only("will meet by the end of next year", None)
    assert deadline.date is None and deadline.granularity == "vague"


def test_a_deadline_introduced_by_by_still_counts_after_an_earlier_event():
    deadline = only("will implement the plan adopted last year by the end of 2031")
    assert deadline.date == datetime.date(2031, 12, 31)
