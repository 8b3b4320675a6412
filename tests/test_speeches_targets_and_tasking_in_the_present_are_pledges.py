"""Phrasings of speeches and ministerial texts that pledge: "that is why we are determined to",
"Today I commit to" (the one speaker's country), "set a target of doubling", "We task the
Working Group to develop"."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import explain
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def verdicts(sentence, parties=("Ghana", "Norway")):
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=list(parties))
    return [verdict for _kind, _clause, verdict in explain(sentence, context)]


def test_that_is_why_is_no_question_word():
    assert verdicts("That is why we are determined to protect 30 percent of Norway's waters by 2030.") == ["kept"]


def test_discussing_why_is_still_no_pledge():
    assert verdicts("They discussed why they plan to open a consulate in Kumasi.") != ["kept"]


def test_i_is_the_speaker_when_the_document_has_one_party():
    sentence = "Today I commit to doubling our funding for coastal restoration to 2 billion dollars."
    assert verdicts(sentence, parties=("Norway",)) == ["kept"]


def test_i_names_no_party_when_the_document_has_two():
    sentence = "Today I commit to doubling our funding for coastal restoration to 2 billion dollars."
    assert verdicts(sentence) == ["no-party"]


def test_setting_a_target_of_doing_is_a_pledge():
    assert verdicts("The Ministers set a target of doubling two-way trade to 75 billion dollars by 2030.") == ["kept"]


def test_tasking_a_named_working_group_in_the_present_is_a_decision():
    sentence = (
        "We task the Trade and Investment Working Group to develop a toolkit on supply chains for small businesses."
    )
    assert verdicts(sentence) == ["kept"]
