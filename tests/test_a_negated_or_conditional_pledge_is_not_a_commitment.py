"""A pledge negated ("will not impose") is a refusal, and a reported "would" bound to a condition
that follows ("would expand ... if Congress approves") is a hypothesis: neither is a commitment."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import explain
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def verdicts(sentence, parties=("Ghana", "Norway")):
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=list(parties))
    return [verdict for _kind, _clause, verdict in explain(sentence, context)]


def test_will_not_is_a_refusal():
    assert verdicts("Norway will not impose additional tariffs on Ghanaian cocoa at this time.") == ["negated"]


def test_will_never_is_a_refusal():
    assert verdicts("Norway will never recognize the annexation of the islands.") == ["negated"]


def test_will_not_only_is_no_negation():
    assert "negated" not in verdicts("Norway will not only provide Ghana with two patrol boats but also train crews.")


def test_a_reported_would_with_a_condition_after_it_is_a_hypothesis():
    sentence = (
        "The minister noted that Norway would expand its support for Ghana's port security "
        "if parliament approves new funding."
    )
    assert verdicts(sentence) == ["conditional-would"]


def test_a_reported_would_without_a_condition_is_kept():
    assert verdicts("The minister said that Norway would provide Ghana with two patrol boats.") == ["kept"]
