"""Inside a quotation "we" is the speaker's side, and the attribution after the closing quote names
the speaker even when the quotation names both countries ('"We will double our investment in
Indian infrastructure," the Australian prime minister told reporters')."""

import datetime

from tracker.extraction.detect import detect


def test_the_attribution_after_the_quote_names_the_side_of_we():
    text = (
        "India and Australia held talks in New Delhi.\n\n"
        "“We will double our investment in Indian infrastructure,” the Australian prime minister told reporters."
    )
    (found,) = detect(text, doc_date=datetime.date(2031, 3, 5), parties=["Australia", "India"])
    assert found.parties == ["Australia"]
