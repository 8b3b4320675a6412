"""Batch 8's general causes: "Korea" alone is South Korea ("North Korea" stays North Korea); "agreed
that the next dialogue will be held in Washington" is a decision even without a date the deadline
reader takes; electrolysers are energy, so a proposal about them names a specific object."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import explain
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def verdicts(sentence, parties):
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=list(parties))
    return [verdict for _kind, _clause, verdict in explain(sentence, context)]


def test_korea_alone_is_south_korea():
    parties = [m.party for m in default_lexicon().mentions("Korea will lift its restrictions.")]
    assert parties == ["South Korea"]


def test_north_korea_is_not_south_korea():
    assert [m.party for m in default_lexicon().mentions("North Korea fired two missiles.")] == ["North Korea"]


def test_a_bare_korea_pledge_has_a_party():
    assert verdicts("Korea will lift its restrictions on Canadian beef within 90 days.", ["Canada", "South Korea"]) == [
        "kept"
    ]


def test_agreed_that_an_event_will_be_held_is_a_decision():
    sentence = "Both sides agreed that the next Trade Dialogue will be held in Oslo."
    assert verdicts(sentence, ["Ghana", "Norway"]) == ["kept"]


def test_a_bare_passive_event_without_a_date_is_still_no_pledge():
    assert verdicts("The plant would be launched soon.", ["Ghana", "Norway"]) != ["kept"]


def test_a_proposal_on_electrolysers_is_specific():
    sentence = "The Commission will put forward a proposal to halve permitting times for electrolysers."
    assert verdicts(sentence, ["EU"]) == ["kept"]
