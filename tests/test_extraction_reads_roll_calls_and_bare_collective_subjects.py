"""Who acts when a statement names its participants by office: a roll call ("the Prime Ministers of
Denmark, Finland and India met", "Trade ministers of Japan, South Korea and China agreed") names
the parties, in the opening for the whole document and before a verb for its clause; a bare plural
office opening a sentence ("Ministers resolved to", "Leaders instructed their teams") is all the
document's parties, as "the ministers" is."""

import datetime

from tracker.extraction.context import COLLECTIVE, DocumentContext, roll_call
from tracker.extraction.detect import detect
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 6, 2)
NORDIC = ["Denmark", "Finland", "Iceland", "India", "Norway", "Sweden"]


def test_an_opening_roll_call_names_the_documents_parties():
    # Given a summit statement whose title names only one country and whose opening lists six
    title = "Joint Statement of the India-Nordic Summit"
    text = (
        "The Prime Ministers of Denmark, Finland, Iceland, India, Norway and Sweden met in Oslo on 2 June 2031.\n\n"
        "They committed to take measures to accelerate green hydrogen production."
    )
    # When it is read
    context = DocumentContext.build(text, lexicon=default_lexicon(), doc_date=DAY, title=title)
    (found,) = detect(text, doc_date=DAY, title=title)
    # Then the six are the document's parties and "they" is the six
    assert context.parties == NORDIC
    assert found.parties == NORDIC


def test_a_roll_call_before_the_verb_is_the_clauses_parties():
    text = (
        "SEOUL, Sept 5 (Reuters) - Trade ministers of Japan, South Korea and China agreed on Thursday to "
        "resume negotiations on a trilateral free trade agreement."
    )
    (found,) = detect(text, doc_date=DAY, title="Ministers agree to resume talks")
    assert found.parties == ["China", "Japan", "South Korea"]


def test_a_roll_call_needs_two_parties_in_an_unbroken_list():
    lexicon = default_lexicon()
    assert roll_call("the Prime Ministers of Denmark and India met", lexicon)[0] == ["Denmark", "India"]
    assert roll_call("the Prime Minister of India met", lexicon) is None
    assert roll_call("the Ministers of Denmark met experts from India", lexicon) is None


def test_a_bare_plural_office_opening_the_subject_is_collective():
    for subject in ("Ministers ", "Leaders ", "Finance Ministers and Central Bank Governors ", "Trade Ministers "):
        assert COLLECTIVE.search(subject), subject
    # ... but not an office in the middle of a clause, nor a single office-holder
    assert not COLLECTIVE.search("In Paris, Ministers")
    assert not COLLECTIVE.search("Minister ")


def test_ministers_resolved_to_is_all_the_parties_with_intent():
    title = "Joint Statement of the Quad Foreign Ministers"
    text = "Ministers resolved to expand the Quad Maritime Surveillance Initiative to the Indian Ocean."
    (found,) = detect(text, doc_date=DAY, title=title)
    assert found.parties == ["Australia", "India", "Japan", "United States"]
    assert found.strength == "intent"


def test_leaders_instructing_their_teams_is_a_decision_of_all_the_parties():
    title = "Joint press communiqué following the EU-China Summit"
    text = "Leaders instructed their teams to step up work on a joint roadmap for climate finance ahead of COP32."
    (found,) = detect(text, doc_date=DAY, title=title)
    assert found.parties == ["China", "EU"]
    assert found.topics[0] == "climate"


def test_a_roll_call_goes_on_past_another_office_holder():
    title = "Joint Communiqué of the EU-Central Asia Ministerial Meeting"
    text = (
        "The Foreign Ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan and the High "
        "Representative of the European Union met in Tashkent.\n\n"
        "The participants agreed to develop a joint roadmap on critical raw materials."
    )
    (found,) = detect(text, doc_date=DAY, title=title)
    assert found.parties == ["EU", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
