"""A Markdown link or bold run inside a pledge is read for its words: "reaffirmed their commitment
to the [Green Alliance](https://...)" names an instrument, as the plain text would."""

import datetime

from tracker.extraction.detect import detect


def test_a_linked_instrument_counts_as_the_object_of_a_reaffirmed_commitment():
    text = "The EU and Norway reaffirmed their commitment to the [Green Alliance](https://example.org/green-alliance)."
    (found,) = detect(text, doc_date=datetime.date(2031, 3, 3), parties=["EU", "Norway"])
    assert found.parties == ["EU", "Norway"]
    assert "[Green Alliance](https://example.org/green-alliance)" in found.text
