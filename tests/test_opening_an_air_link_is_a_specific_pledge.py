"""Air links between two countries are people-to-people exchanges: a pledge to open one names a
specific object, and renewable power generation is energy rather than the trade of its investment."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import explain, rank_topics
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def test_a_decision_to_open_an_air_link_is_kept():
    sentence = "The two sides decided to open a direct air link between Accra and Oslo by 2033."
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=["Ghana", "Norway"])
    assert [verdict for _kind, _clause, verdict in explain(sentence, context)] == ["kept"]


def test_investment_in_power_generation_is_energy_first():
    text = "mobilise EUR 20 billion of public and private investment for renewable power generation"
    assert rank_topics(text, default_lexicon())[0] == "energy"
