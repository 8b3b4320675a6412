"""The parties of a commitment are its actors: named countries, demonyms and capitals, "the two
sides" and "we" written out as the meeting's parties (inferred from the text when not given),
the speaker's side for "we" in a quotation, one side alone for a unilateral pledge."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2030, 9, 1)


def test_the_two_sides_are_the_parties_inferred_from_the_text():
    text = (
        "Chinese and Indian officials met in New Delhi on Monday. China and India are neighbours.\n\n"
        "The two sides agreed to resume direct flights between Beijing and New Delhi."
    )
    found = detect(text, doc_date=DAY)
    assert [f.parties for f in found] == [["China", "India"]]


def test_we_in_a_quad_statement_is_every_member():
    found = detect("We will establish a working group on critical technologies.", doc_date=DAY, parties=["Quad"])
    assert found[0].parties == ["Australia", "India", "Japan", "United States"]


def test_a_unilateral_pledge_in_a_bilateral_text_has_one_party():
    found = detect(
        "Chile will remove its duties on U.S. machinery.",
        doc_date=DAY,
        parties=["Chile", "United States"],
    )
    assert found[0].parties == ["Chile"]


def test_an_official_is_resolved_through_the_country_named_with_him():
    text = (
        "Chinese Foreign Minister Zhao Ming met his Brazilian counterpart in Brasilia.\n\n"
        "Zhao said China will import more Brazilian soybeans next year."
    )
    found = detect(text, doc_date=DAY)
    assert found[0].parties == ["China"] and found[0].deadline_label == "2031 (next year)"


def test_we_inside_a_quotation_is_the_speakers_country():
    text = (
        '"India will licence the drug to its neighbours. We will also be supplying it to badly affected '
        'nations," the Indian foreign ministry spokesperson said.'
    )
    found = detect(text, doc_date=DAY, parties=["India", "United States"])
    assert [f.parties for f in found] == [["India"], ["India"]]


def test_the_leaders_agreed_that_one_country_would_act_is_that_country_only():
    found = detect(
        # (who hosts the next round would be logistics, so the action here is a grant)
        "The two leaders agreed that the United States would fund a training course on port security.",
        doc_date=DAY,
        parties=["China", "United States"],
    )
    assert found[0].parties == ["United States"]


def test_a_government_body_on_the_governments_own_site_is_that_government():
    found = detect(
        "The Department of Energy will provide $5 million for grid storage research.",
        doc_date=DAY,
        parties=["Vietnam", "United States"],
        site="www.whitehouse.gov",
    )
    assert found[0].parties == ["United States"]
