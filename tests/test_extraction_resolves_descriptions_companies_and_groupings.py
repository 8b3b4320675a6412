"""Who commits, beyond names: "the government", "the kingdom" or "his government" stand for the
country last named as an actor before them; a company called after its country ("Norwegian Air",
"Ghanaian cocoa exporters") is not that country; "the interlocutors" are the parties; an official
introduced as "the President of the European Commission, Anna Berg" speaks for the EU; groupings
that are no organisation stand for their members; an agreement that "commits" a party binds that
party; a capital kept out of the aliases for being ambiguous is its country where that country is a
party of the document."""

import datetime

from tracker.extraction.detect import detect
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def run(text, parties=("Ghana", "Norway"), **kwargs):
    return detect(text, doc_date=DAY, parties=list(parties), **kwargs)


def test_the_government_is_the_country_of_the_speaker_who_reports_it():
    (found,) = run(
        "Norwegian Trade Minister Kari Dahl said the government would guarantee $300 million in export credits."
    )
    assert found.parties == ["Norway"]


def test_his_government_is_the_country_of_the_speaker():
    (found,) = run("Ghanaian President Kwame Mensah said his government would cut import duties on Norwegian fish.")
    assert found.parties == ["Ghana"]


def test_the_kingdom_is_the_country_named_as_actor_just_before_not_an_object():
    text = (
        "Norway's energy minister said the country would open a hydrogen tender to Ghanaian partners.\n\n"
        "The kingdom also intends to purchase 40 tonnes of cocoa butter for its strategic reserve."
    )
    found = run(text)
    assert [f.parties for f in found] == [["Norway"], ["Norway"]]


def test_a_company_named_after_its_country_is_not_the_country():
    text = (
        "Norwegian Air plans to add three weekly flights to Accra. "
        "Ghana's state cocoa company will sell 20,000 tonnes to Norway. "
        "Norwegian companies will invest $2 billion in Ghanaian ports."
    )
    assert run(text) == []


def test_the_interlocutors_are_the_parties():
    (found,) = run("The interlocutors agreed to set up a working group on maritime security.")
    assert found.parties == ["Ghana", "Norway"]


def test_an_official_introduced_by_title_of_party_and_name_speaks_for_that_party():
    text = (
        "The President of the European Commission, Anna Berg, met the President of Ghana.\n\n"
        "President Berg announced a Global Gateway investment package of EUR 900 million for Ghana's ports."
    )
    (found,) = run(text, parties=("EU", "Ghana"))
    assert found.parties == ["EU"] and found.strength == "firm"


def test_groupings_that_are_no_organisation_stand_for_their_members():
    lexicon = default_lexicon()
    assert lexicon.expand(["Central Asia"]) == ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
    assert "United States" in lexicon.expand(["C5+1"])
    assert len(lexicon.expand(["RCEP"])) == 15
    (found,) = detect(
        "The EU and the five Central Asian countries will work together to build a transport corridor.",
        doc_date=DAY,
        parties=["EU", "Central Asia"],
    )
    assert found.parties == ["EU", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]


def test_an_agreement_that_commits_a_party_binds_that_party():
    (found,) = run("The memorandum commits Ghana to lowering tariffs on Norwegian salmon to zero by 2033.")
    assert found.parties == ["Ghana"] and found.deadline_label == "2033"


def test_an_ambiguous_capital_is_its_country_when_that_country_is_a_party():
    text = "Officials said Santiago would open a trade office in Lima."
    assert [f.parties for f in detect(text, doc_date=DAY, parties=["Chile", "Peru"])] == [["Chile"]]
    assert detect(text, doc_date=DAY, parties=["Ghana", "Norway"]) == []


def test_a_description_of_the_country_is_the_one_country_named_just_before_and_ambiguous_with_two():
    pledge = "The West African nation will export 5,000 tonnes of cocoa butter to Norway."
    one = "Ghanaian President Kwame Mensah arrived in Oslo on Monday.\n\n" + pledge
    two = "Ghana and Norway signed six agreements on Monday.\n\n" + pledge
    assert [f.parties for f in run(one)] == [["Ghana"]]
    assert run(two) == []
