"""A commitment to a way of acting followed by the action ("committed to a holistic approach to
address drug trafficking") is a commitment when the action has a field of its own; a named
facility ("Open a new American Corner in Davao City") is a specific object; a way of acting on
nothing in particular ("committed to a new approach to our relationship") is still not."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 20)
PARTIES = ["Colombia", "United States"]


def test_an_approach_to_act_on_a_field_is_a_commitment():
    text = (
        "The two presidents committed to a holistic approach to address the harmful impacts of drug use and drug "
        "trafficking on both our peoples."
    )
    (found,) = detect(text, doc_date=DAY, parties=PARTIES)
    assert found.parties == PARTIES and found.topics[0] == "counter-narcotics"


def test_an_approach_to_nothing_in_particular_is_not():
    assert (
        detect("The two presidents committed to a new approach to our relationship.", doc_date=DAY, parties=PARTIES)
        == []
    )


def test_a_named_facility_is_a_specific_object():
    text = "During the visit, the United States will:\n\n-   Open a new American Corner in Davao City."
    (found,) = detect(text, doc_date=DAY, parties=["Philippines", "United States"], site="whitehouse.gov")
    assert found.parties == ["United States"]
