"""A committing clause that names no topic takes it from the nearest evidence: the rest of its
sentence (without the clauses split off it for topics of their own), then its paragraph, then the
heading it stands under, and only then the document's main topic. Common words of the fixed topics
(corridors and raw materials for trade, fellowships for exchanges, drones for defence, ...) count."""

import datetime

import pytest

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def run(text, parties=("Ghana", "Norway")):
    return detect(text, doc_date=DAY, parties=list(parties))


def test_a_clause_without_a_topic_takes_the_one_of_its_paragraph():
    # Given a paragraph about fisheries whose second sentence names no field
    text = (
        "Illegal fishing in the Gulf of Guinea is costing coastal states dearly. "
        "Norway will provide Ghana with two additional patrol boats next year.\n\n"
        "Norway will also fund a new office in Tema, the two sides said."
    )
    found = run(text)
    # Then the second pledge of the paragraph keeps its own topic, the first one the paragraph's
    assert [f.topics[0] for f in found] == ["defense", "defense"]


def test_a_clause_split_off_for_its_own_topic_is_no_evidence_for_its_sibling():
    # Given one sentence with a clause about an office and a clause about extraditions
    text = (
        "Trade between the two countries has doubled, and cocoa exports and salmon imports are growing.\n\n"
        "Ghana will open a liaison office in Oslo, and Norway will extradite fugitives wanted in Accra."
    )
    found = run(text)
    # Then the office clause does not borrow the extradition topic of its sibling: with nothing in its
    # sentence, paragraph or heading, it takes the document's main topic
    assert [f.topics[0] for f in found] == ["trade", "repatriation/fugitives"]


def test_the_heading_gives_the_topic_when_sentence_and_paragraph_name_none():
    text = (
        "**Energy Cooperation**\n\n"
        "Norway will second two experts to the Volta River Authority by June 2032.\n\n"
        "**Defense and Security**\n\n"
        "Ghana will establish a joint liaison office in Accra in 2032."
    )
    found = run(text)
    assert [f.topics[0] for f in found] == ["energy", "defense"]


def test_a_bold_run_in_label_is_the_heading_of_its_paragraph():
    text = "**Maritime Security.** The Leaders decided to set up a joint coordination centre in Takoradi."
    (found,) = run(text)
    assert found.topics[0] == "defense"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ghana and Norway will develop a transport corridor to the port of Takoradi.", "trade"),
        ("Norway will support raw materials value chains in Ghana.", "trade"),
        ("Norway will double the number of fellowships for young Ghanaian researchers.", "people-to-people"),
        ("Norway will deliver six surveillance drones to Ghana.", "defense"),
        ("Norway will support a pilot programme on drought resilience in northern Ghana.", "climate"),
    ],
)
def test_common_words_of_the_fixed_topics_count(text, topic):
    (found,) = run(text)
    assert found.topics[0] == topic
