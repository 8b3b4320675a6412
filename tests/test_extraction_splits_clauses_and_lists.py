"""One commitment per sentence or list item, split into clauses only where the parts differ in
parties, topic or deadline or where only part commits; a list lead-in passes its deadline and
actors to its items and is not a candidate itself."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2030, 8, 11)
PARTIES = ["China", "United States"]


def run(text):
    return detect(text, doc_date=DAY, parties=PARTIES)


def test_the_committing_clause_after_a_discussion_is_the_span():
    found = run("The two leaders discussed the importance of trade and tasked their teams to hold talks on tariffs.")
    assert [f.text for f in found] == ["tasked their teams to hold talks on tariffs."]
    assert found[0].parties == PARTIES


def test_two_clauses_with_different_topics_and_strengths_are_two_commitments():
    found = run(
        "The two sides expressed their intention to enhance cooperation on narcotics control "
        "and gave a nod to continue implementing their consensus on cybersecurity."
    )
    assert [(f.topics[0], f.strength) for f in found] == [("counter-narcotics", "intent"), ("cybersecurity", "firm")]
    assert found[1].text.startswith("gave a nod to continue")


def test_semicolon_clauses_about_one_thing_stay_one_commitment():
    found = run("Our experts will continue to meet regularly; our ministers will meet at least once a year.")
    assert len(found) == 1 and found[0].deadline is None  # a frequency is not a deadline


def test_one_promise_with_two_deadlines_is_split_at_the_second():
    found = run("China will keep its promise of halving coal use by 2035 and reaching net zero by 2055.")
    assert [f.deadline_label for f in found] == ["2035", "2055"]
    assert found[1].text == "and reaching net zero by 2055."
    assert all(f.parties == ["China"] for f in found)


def test_a_lead_in_gives_its_deadline_to_each_item_and_is_not_a_candidate():
    text = (
        "The two sides agree to complete the following steps by August 12, 2030:\n\n"
        "1. The United States will suspend its new tariff on steel for a further 90 days.\n\n"
        "2. China will suspend its countermeasures on agricultural goods."
    )
    found = run(text)
    assert [f.parties for f in found] == [["United States"], ["China"]]
    assert [f.deadline for f in found] == [datetime.date(2030, 8, 12)] * 2
    assert all(f.deadline_exact for f in found)
    assert not any(f.text.endswith(":") for f in found)


def test_items_without_a_verb_of_their_own_take_the_lead_ins_actors():
    text = (
        "The two sides agreed on the following measures:\n\n"
        "- establish a working group on fentanyl precursors;\n\n"
        "- exchange liaison officers on cybercrime cases."
    )
    found = run(text)
    assert [f.topics[0] for f in found] == ["counter-narcotics", "cybersecurity"]
    assert all(f.parties == PARTIES and f.strength == "firm" for f in found)


def test_a_long_purpose_clause_is_not_part_of_the_span():
    found = run(
        "The United States will continue to support Ukraine's defense against aggression, to ensure that "
        "Ukraine emerges from the war as a democratic, independent and sovereign nation able to defend itself."
    )
    assert found[0].text == "The United States will continue to support Ukraine's defense against aggression"
