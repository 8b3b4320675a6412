"""A pledge is hedged when its action is optional or conditional wherever the condition stands in
its clause ("subject to parliamentary approval, will ..."), when what is announced is only a
readiness ("is prepared to request"), or when the action is only explored ("will work with X to
explore ..."), even under an intent verb."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 6, 16)


def run(sentence):
    return detect(sentence, doc_date=DAY, parties=["Japan", "Philippines"])


def test_a_condition_before_the_modal_hedges_the_pledge():
    (found,) = run("Japan, subject to parliamentary approval, will open a consulate in Davao.")
    assert found.strength == "hedged"


def test_an_announced_readiness_is_hedged():
    (found,) = run("Japan will announce that it is prepared to request $60 million per year for coastal radars.")
    assert found.strength == "hedged"


def test_working_with_a_partner_to_explore_is_hedged_not_intent():
    (found,) = run("Japan will work with the Philippines to explore expanding port access for patrol vessels.")
    assert found.strength == "hedged"


def test_a_plain_pledge_stays_firm():
    (found,) = run("Japan will open a consulate in Davao in 2032.")
    assert found.strength == "firm"
