"""A sentence holding one deadline and a second action coordinated by "and to" / "and will" is two
commitments, the deadline going to the action that holds it; each piece gets the topic of what it
says. A first action with no subject of its own ("broaden their dialogue") is not split off."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 12, 5)


def run(text, parties=("India", "Russia")):
    return detect(text, doc_date=DAY, parties=list(parties))


def test_the_deadline_goes_to_the_second_action_that_holds_it():
    found = run(
        "The Sides agreed to increase the share of national currencies in mutual settlements and to complete "
        "the negotiations on a bilateral investment treaty in 2032."
    )
    assert [(f.text.split()[0], f.deadline_label) for f in found] == [("The", None), ("and", "2032")]
    assert [f.topics[0] for f in found] == ["trade", "trade"]


def test_an_action_after_the_deadline_is_one_of_its_own_without_it():
    found = run(
        "We ask Finance Ministers to deliver an ambitious programme for Ukraine by the end of March 2032 and to "
        "continue working together with the IMF for budget support to Ukraine.",
        parties=("Canada", "Japan"),
    )
    assert len(found) == 2
    assert found[0].deadline == datetime.date(2032, 3, 31)
    assert found[1].deadline is None and found[1].text.startswith("and to continue")


def test_each_piece_takes_the_topic_of_what_it_says():
    found = run(
        "The two sides agreed to hold the next meeting of the High-Level Coordination Committee in Brasilia in "
        "the first half of 2032, and to jointly launch a satellite for monitoring the Amazon rainforest.",
        parties=("Brazil", "China"),
    )
    assert [f.topics[0] for f in found] == ["dialogue", "technology"]


def test_a_first_action_without_a_subject_of_its_own_is_not_split_off():
    found = run("The two leaders committed to broaden their dialogue and to conclude a defence pact by 2033.")
    assert len(found) == 1
