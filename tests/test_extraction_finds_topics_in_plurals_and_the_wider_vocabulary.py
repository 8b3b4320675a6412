"""Topics: a keyword of the lexicon also finds its plural ("reactor" in "small modular reactors"),
so the object is specific; the document's own topic, the fallback for a clause that names none,
reads the wider vocabulary of each topic and counts the title's words more; interoperability is
defence only when it says so; labour mobility is immigration, debt and currencies are trade."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import detect, rank_topics
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 10)


def test_a_plural_of_a_keyword_makes_the_object_specific():
    text = "The Department of Energy plans to work with the Philippines on small modular reactors."
    (found,) = detect(text, doc_date=DAY, parties=["Philippines", "United States"], site="whitehouse.gov")
    assert found.parties == ["United States"] and found.topics[0] == "energy" and found.strength == "intent"


def test_a_keyword_ending_in_s_is_not_pluralised():
    lexicon = default_lexicon()
    assert lexicon.topic_scores("reactors")
    assert "dialogue" in lexicon.topic_scores("talks")
    assert not lexicon.topic_scores("talkss")


def test_the_documents_topic_reads_the_wider_vocabulary_and_the_title():
    title = "Memorandum on Seasonal Worker Mobility"
    text = "The Participants will meet annually. Seasonal workers will get work permits within 30 days."
    context = DocumentContext.build(text, lexicon=default_lexicon(), doc_date=DAY, title=title)
    assert context.topics[0] == "immigration"


def test_interoperability_is_defence_only_when_it_says_so():
    lexicon = default_lexicon()
    assert rank_topics("promote the interoperability of AI governance frameworks", lexicon)[0] == "technology"
    assert rank_topics("improve the military interoperability of our navies", lexicon)[0] == "defense"


def test_labour_mobility_debt_and_currencies_have_their_topics():
    lexicon = default_lexicon()
    assert rank_topics("set up a Joint Working Group on labour mobility", lexicon)[0] == "immigration"
    assert rank_topics("strengthen the Common Framework for debt treatments", lexicon)[0] == "trade"
    assert rank_topics("increase the share of national currencies in mutual settlements", lexicon)[0] == "trade"
