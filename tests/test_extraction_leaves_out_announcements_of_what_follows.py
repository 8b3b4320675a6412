"""An announcement of commitments not yet named ("the Vice President will announce new commitments
to deepen the partnership") introduces the list that names them: it is not a commitment itself,
while the announced items are."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 7, 12)


def test_announcing_new_commitments_is_not_itself_a_commitment():
    text = (
        "As part of this engagement, the Vice President will announce new commitments to deepen U.S. partnership "
        "with the region and to deliver results.\n\n"
        "The United States will open an embassy in Tonga by 2032."
    )
    found = detect(text, doc_date=DAY, parties=["Tonga", "United States"], site="whitehouse.gov")
    assert [f.text for f in found] == ["The United States will open an embassy in Tonga by 2032."]


def test_announcing_a_named_fund_is_still_a_commitment():
    text = "The Vice President will announce a new fund of $20 million for fisheries enforcement in the Pacific."
    (found,) = detect(text, doc_date=DAY, parties=["Tonga", "United States"], site="whitehouse.gov")
    assert found.parties == ["United States"]
