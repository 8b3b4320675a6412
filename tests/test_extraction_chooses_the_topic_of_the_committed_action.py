"""The topic of a commitment is the subject of its committed action, read with the wider vocabulary
of each topic's definition: the head of the action outweighs purposes and background named later,
a subject named before the trigger counts when the action names none, "science-based" and the like
only qualify, and a string of subjects that only qualifies generic engagement ("diplomatic,
military and commercial channels"; "consultations, including on trade, maritime and arms control
issues") is engagement with no single subject (dialogue)."""

import datetime

import pytest

from tracker.extraction.detect import detect, rank_topics
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.topics import coverage_matches

DAY = datetime.date(2031, 4, 2)


def first_topic(text):
    (found,) = detect(text, doc_date=DAY, parties=["Ghana", "Norway"])
    return found.topics[0]


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Norway will help Ghana dismantle heroin cartels operating in its ports by 2032.", "counter-narcotics"),
        ("Ghana and Norway will set up a joint centre against ransomware and phishing by 2032.", "cybersecurity"),
        ("Norway will resettle 500 refugees from Ghana's northern camps by 2032.", "immigration"),
        ("Ghana will prosecute Daesh recruiters under a new statute by 2032.", "counter-terrorism"),
        ("Norway will train Ghanaian prosecutors to pursue fraud and extortion rings by 2032.", "law-enforcement"),
        ("Ghana will lift its quotas on Norwegian seafood and soybeans by 2032.", "trade"),
        ("Norway will fund the restoration of mangroves and wetlands along the Volta by 2032.", "climate"),
        ("Ghana and Norway will build an electricity interconnector across the border by 2032.", "energy"),
        ("Norway will supply artillery and ammunition to Ghana's army by 2032.", "defense"),
        ("Ghana and Norway will open a joint laboratory for microelectronics by 2032.", "technology"),
        ("Ghana will ratify the Comprehensive Nuclear-Test-Ban Treaty by 2032.", "nonproliferation"),
        ("Norway will fund scholarships for Ghanaian universities and schools by 2032.", "people-to-people"),
        ("Ghana and Norway will convene their foreign ministers in Accra by 2032.", "dialogue"),
    ],
)
def test_a_committed_action_worded_outside_the_keyword_lists_still_finds_its_topic(sentence, topic):
    # Given a pledge whose field is named in everyday words of the topic's definition
    # When its topics are ranked
    # Then that field comes first
    assert rank_topics(sentence, default_lexicon())[0] == topic


def test_the_head_of_the_action_outweighs_its_purpose():
    # Given a pledge on drug crops whose long purpose clause names rural land and its environment
    text = (
        "Norway will support Ghana in replacing illicit crops, to restore degraded forests, protect "
        "the environment of rural communities and their biodiversity."
    )
    # Then the topic is the action's, not the purpose's
    assert rank_topics(text, default_lexicon())[0] == "counter-narcotics"


def test_a_science_based_approach_is_not_a_technology_pledge():
    # Given a drug-demand pledge that is "science-based"
    text = "We will redouble our efforts in demand reduction through science-based prevention and treatment."
    # Then "science" qualifies the approach and gives no topic of its own
    assert rank_topics(text, default_lexicon()) == ["counter-narcotics"]


def test_subjects_that_only_qualify_channels_are_general_engagement():
    # Given a call for channels qualified by four subjects
    text = (
        "The leaders called for continued use of diplomatic, military, law enforcement, commercial, "
        "and financial channels."
    )
    # Then no single subject is the topic: it is dialogue
    assert rank_topics(text, default_lexicon()) == ["dialogue"]


def test_examples_after_a_generic_action_do_not_make_it_a_subject_pledge():
    # Given follow-up consultations whose examples cover several fields
    text = (
        "Their teams will follow up with visits and consultations, including on commercial, financial, "
        "maritime, arms control and agriculture issues."
    )
    # Then the topic is dialogue, not the first example
    assert rank_topics(text, default_lexicon()) == ["dialogue"]


def test_one_subject_after_including_still_names_the_topic():
    # Given consultations with one example field only
    text = "Their teams will hold consultations, including on maritime patrols."
    # Then the subject named is the topic
    assert rank_topics(text, default_lexicon())[0] == "defense"


def test_a_subject_named_before_the_trigger_is_the_topic_of_a_generic_action():
    # Given a sentence that names its field before "Norway will" and only generic engagement after it
    text = (
        "Given the revenues Ghana draws from the export of timber, Norway will hold consultations with its "
        "partners by June 2032."
    )
    # Then the field named first is the topic
    assert first_topic(text) == "trade"


def test_the_wider_vocabulary_does_not_make_a_vague_pledge_specific():
    # Given a sentence whose only subject word comes from the wider vocabulary
    text = "Norway will do more for refugees."
    # Then the word is known to the topic chooser...
    assert [key for _start, _end, key in coverage_matches(text)] == ["immigration"]
    # ...but it does not turn a vague promise into a commitment of its own
    assert all("refugees" not in found.text for found in detect(text, doc_date=DAY, parties=["Norway"]))


def test_the_longer_phrase_of_a_later_topic_beats_a_shorter_keyword_of_an_earlier_one():
    # Given a pledge on weapons of mass destruction ("weapons" alone is a defence keyword)
    text = "Ghana and Norway will work to stop the spread of weapons of mass destruction."
    # Then the whole phrase decides: nonproliferation
    assert rank_topics(text, default_lexicon())[0] == "nonproliferation"


def test_combating_a_crime_is_not_a_military_matter():
    # Given a pledge to "combat" illegal fishing
    text = "The two sides will strengthen cooperation on combating illegal, unreported and unregulated fishing."
    # Then the verb gives no defence topic and the fishing decides
    assert rank_topics(text, default_lexicon()) == ["climate"]


def test_police_work_against_a_narrower_crime_takes_the_narrower_topic():
    # Given a pledge to prosecute, a police action, aimed at terrorist recruiters
    text = "Ghana will investigate and prosecute the recruiters of terrorist groups by 2032."
    # Then the narrower topic (counter-terrorism) comes before law enforcement
    assert rank_topics(text, default_lexicon())[:2] == ["counter-terrorism", "law-enforcement"]


def test_police_work_alone_stays_law_enforcement():
    # Given a pledge to prosecute traffickers in persons, with no narrower field
    text = "The countries will jointly investigate and prosecute human traffickers."
    # Then the topic is law enforcement
    assert rank_topics(text, default_lexicon()) == ["law-enforcement"]


def test_paying_for_something_takes_the_topic_of_what_is_paid_for():
    # Given a pledge to finance a power plant
    text = "Norway will finance a hydropower dam on the Volta by 2032."
    # Then the dam, not the financing, gives the topic
    assert rank_topics(text, default_lexicon())[0] == "energy"


def test_financing_alone_is_still_a_trade_matter():
    # Given a pledge about financing with nothing else named
    text = "Norway will expand financing for Ghana by 2032."
    # Then the topic is trade
    assert rank_topics(text, default_lexicon()) == ["trade"]
