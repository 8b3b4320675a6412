"""Pledge forms that reached no rule before: a reported "would" after ", adding that"; verbs that end
in -ly ("will supply") are not adverbs; a verbless list item full of names under a lead-in is an
item, not a headline; "announced a ... package/programme/fund"; "are set to sign" with a party as
subject; "will allow"; quantities in words ("one million tonnes")."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def run(text, parties=("Ghana", "Norway")):
    return detect(text, doc_date=DAY, parties=list(parties))


def test_a_would_after_adding_that_is_reported_speech():
    found = run(
        "“We have agreed to expand our defence cooperation,” Mensah said, "
        "adding that Norway would supply Ghana with patrol boats."
    )
    assert [f.parties for f in found] == [["Ghana", "Norway"], ["Norway"]]
    assert found[1].text == "adding that Norway would supply Ghana with patrol boats."


def test_a_verb_ending_in_ly_is_the_verb_of_its_modal():
    (found,) = run("Norway will apply zero tariffs to Ghanaian cocoa products from 2032.")
    assert found.parties == ["Norway"] and found.topics[0] == "trade"


def test_a_verbless_list_item_full_of_names_is_read_under_its_lead_in():
    text = (
        "The two Presidents decided to:\n\n"
        "- Convene the first Ghana-Norway Ocean Economy Dialogue in Accra in the Autumn; and\n\n"
        "- Launch a Joint Research Programme on Offshore Wind."
    )
    found = run(text)
    assert len(found) == 2 and all(f.parties == ["Ghana", "Norway"] and f.strength == "firm" for f in found)


def test_announcing_a_named_package_is_a_firm_commitment():
    (found,) = run("Norway announced a Blue Ocean investment package of NOK 2 billion for Ghana's fisheries.")
    assert found.parties == ["Norway"] and found.strength == "firm"


def test_a_party_set_to_act_has_scheduled_the_act_but_a_forecast_is_none():
    (found,) = run("Ghana and Norway are set to sign a fisheries agreement in May.")
    assert found.strength == "firm" and found.deadline_label == "May 2031"
    assert run("Ghana is set to become the largest cocoa exporter to Norway.") == []


def test_will_allow_by_a_party_is_a_pledge():
    (found,) = run("Ghana will allow Norwegian research vessels to survey its exclusive economic zone for fish stocks.")
    assert found.parties == ["Ghana"]


def test_a_quantity_in_words_makes_the_object_specific():
    (found,) = run("Norway has committed to buying one million tonnes of Ghanaian bauxite.")
    assert found.parties == ["Norway"] and found.topics[0] == "trade"


def test_a_will_lead_in_with_a_dated_list_gives_its_actor_and_date_to_the_items():
    text = (
        "Moreover, Ghana will take the following steps by March 31, 2032:\n\n"
        "- abolish the import levy on Norwegian fish;\n\n"
        "- publish all customs rules online."
    )
    found = run(text)
    assert [(f.parties, f.deadline_label, f.strength) for f in found] == [(["Ghana"], "2032-03-31", "firm")] * 2
