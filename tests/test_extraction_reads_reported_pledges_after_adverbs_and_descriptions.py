"""Reported pledges whose subject is a pronoun or a description: "Japan said separately that it
would ..." is Japan's pledge despite the adverb, "the President told a news conference that his
government would ..." is his country's; a workshop or mutual recognition is a specific object, and
so are "road maps"; "finding areas in which to deepen partnerships" keeps its object."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 2, 20)


def test_an_adverb_between_the_reporting_verb_and_it():
    text = "Japan said separately that it would double its official development assistance for clean energy in Africa."
    (found,) = detect(text, doc_date=DAY, parties=["Canada", "Japan"])
    assert found.parties == ["Japan"] and found.topics[0] == "energy"


def test_his_government_after_told_a_news_conference_that():
    text = (
        "Philippine President told a news conference in Hanoi that his government would also lift tariffs on "
        "Vietnamese rice imports next month."
    )
    (found,) = detect(text, doc_date=DAY, parties=["Philippines", "Vietnam"])
    assert found.parties == ["Philippines"] and found.topics[0] == "trade"


def test_a_workshop_and_mutual_recognition_are_specific_objects():
    text = (
        "Both sides will work towards mutual recognition of electronic signatures and will hold a workshop on "
        "undersea cables in Brussels in the second half of 2031."
    )
    found = detect(text, doc_date=DAY, parties=["EU", "Japan"])
    assert [f.strength for f in found] == ["intent", "firm"]
    assert all(f.topics[0] == "technology" for f in found)


def test_road_maps_and_an_infinitive_after_in_which_are_objects():
    parties = ["Colombia", "United States"]
    text = "The leaders instructed their teams to continue developing new road maps towards progress."
    assert detect(text, doc_date=DAY, parties=parties)
    text = (
        "The leaders tasked their teams with finding areas in which to deepen commercial partnerships, as well "
        "as the negotiation of a broader strategic framework agreement."
    )
    assert detect(text, doc_date=DAY, parties=parties)
