"""A government's own readout or fact sheet whose title names one counterpart ("Readout of the
President's Call with the Prime Minister of India", on whitehouse.gov) is between the issuer and
that counterpart, so a grouping named in passing ("before the next Quad Leaders' Summit") does not
become a party of the document."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import detect
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 1, 15)
TITLE = "Readout of the President's Call with the Prime Minister of India"
TEXT = (
    "The President spoke today with the Prime Minister of India. The leaders instructed their teams to finalize "
    "the defense industrial cooperation roadmap before the next Quad Leaders' Summit."
)


def test_the_issuer_and_the_country_of_the_title_are_the_parties():
    context = DocumentContext.build(TEXT, lexicon=default_lexicon(), doc_date=DAY, title=TITLE, site="whitehouse.gov")
    assert context.parties == ["India", "United States"]


def test_the_leaders_of_such_a_readout_are_the_two_countries_not_a_grouping_named_once():
    (found,) = detect(TEXT, doc_date=DAY, title=TITLE, site="whitehouse.gov")
    assert found.parties == ["India", "United States"]
    assert found.topics[0] == "defense"


def test_a_grouping_named_in_the_text_still_counts_without_an_issuer():
    text = "The Quad will meet in Delhi. The Quad leaders will launch a ports fund. Quad members pledged support."
    context = DocumentContext.build(text, lexicon=default_lexicon(), doc_date=DAY, title="Leaders meet")
    assert "Japan" in context.parties
