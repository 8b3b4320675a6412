"""A common word of the topic vocabulary inside a name ("the Pacific Alliance") is no topic; a
warning of disruptions is not of disasters; a government site
under gov.uk or gov.au speaks for the United Kingdom or Australia (not the African Union, "AU")."""

import datetime

from tracker.extraction.context import issuer_for
from tracker.extraction.detect import detect, rank_topics
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.topics import coverage_matches

DAY = datetime.date(2031, 8, 2)


def test_a_vocabulary_word_inside_a_name_is_no_topic():
    assert not coverage_matches("the Pacific Alliance fund")
    assert coverage_matches("a military alliance")


def test_a_grouping_named_alliance_keeps_the_topic_of_its_action():
    title = "Declaration of the Pacific Alliance"
    text = (
        "The Presidents of Chile, Colombia, Mexico and Peru, meeting in Lima, declare:\n\n"
        "We agree to establish a Pacific Alliance fund for climate resilience, with an initial capital of 100 "
        "million dollars."
    )
    (found,) = detect(text, doc_date=DAY, title=title)
    assert found.parties == ["Chile", "Colombia", "Mexico", "Peru"]
    assert found.topics[0] == "climate"


def test_an_early_warning_of_supply_disruptions_is_trade():
    topics = rank_topics("launch a trilateral early warning system on supply chain disruptions", default_lexicon())
    assert topics[0] == "trade"


def test_government_sites_by_country_code():
    lexicon = default_lexicon()
    assert issuer_for("www.gov.uk", lexicon) == "United Kingdom"
    assert issuer_for("pm.gov.au", lexicon) == "Australia"
    assert issuer_for("www.gob.mx", lexicon) == "Mexico"
    assert issuer_for("example.com", lexicon) is None


def test_a_uk_call_readout_is_between_the_uk_and_the_country_of_its_title():
    title = "PM call with President of Kenya: 9 June 2031"
    text = (
        "The Prime Minister spoke to the President of Kenya this afternoon. The leaders discussed the situation in "
        "Sudan.\n\nThe leaders agreed to launch negotiations on a new green investment partnership before the end "
        "of the year."
    )
    (found,) = detect(text, doc_date=DAY, title=title, site="www.gov.uk")
    assert found.parties == ["Kenya", "United Kingdom"]
