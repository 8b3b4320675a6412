"""Watching what is already agreed is no new commitment ("will continue to monitor the
implementation of the agreement"); a number of things with several modifiers is a specific object
("20 additional non-intrusive inspection units"); training, like financing, is the means and gives
way to the topic of what is trained; looted artefacts are people-to-people."""

import datetime

from tracker.extraction.detect import detect, rank_topics
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 11, 30)


def test_monitoring_the_implementation_is_not_a_commitment():
    text = "The EU will continue to monitor the implementation of the agreement on geographical indications."
    assert detect(text, doc_date=DAY, parties=["China", "EU"]) == []


def test_a_number_of_things_with_modifiers_is_a_specific_object():
    text = (
        "The United States will provide Mexico's National Guard with 20 additional non-intrusive inspection "
        "units by mid-2032."
    )
    (found,) = detect(text, doc_date=DAY, parties=["Mexico", "United States"], site="whitehouse.gov")
    assert found.parties == ["United States"]


def test_training_gives_way_to_what_is_trained():
    assert rank_topics("will support the training of Ukrainian demining teams", default_lexicon())[0] == "defense"


def test_looted_artefacts_are_people_to_people():
    assert rank_topics("hand back 26 looted artefacts by the end of the year", default_lexicon())[0] == (
        "people-to-people"
    )
