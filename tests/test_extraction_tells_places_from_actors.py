"""A country named as a place is not the actor: a capital in a fronted phrase ("the conference
held in Paris, we reaffirm our commitment ...") does not own "our commitment", and a name
coordinated with a place after a preposition ("U.S. troops in Afghanistan and Iraq will be
reduced") is a place too."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 11, 17)


def test_a_capital_in_a_fronted_phrase_does_not_own_our_commitment():
    title = "G7 Leaders' Statement"
    text = (
        "We, the Leaders of the G7, met today.\n\n"
        "Building on the results achieved during the international conference held in Paris on 13 December, we "
        "also reaffirm our commitment to provide additional assistance to Ukraine's energy sector."
    )
    found = detect(text, doc_date=DAY, title=title)
    assert len(found) == 1 and len(found[0].parties) == 7


def test_a_name_coordinated_with_a_place_is_a_place():
    text = "The Pentagon confirmed that U.S. troops in Afghanistan and Iraq will be reduced to 2,500 by January 15."
    (found,) = detect(text, doc_date=DAY, parties=["United States"], site="xinhuanet.com")
    assert found.parties == ["United States"]
