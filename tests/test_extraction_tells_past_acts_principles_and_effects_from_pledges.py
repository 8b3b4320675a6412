"""What a party did, what it believes and what a thing will cause are not pledges; the rules keep
them apart from what a party will do: ", and we will provide" starts a new clause after a past act;
"committed to diplomacy" is a principle but "committed to completion of the port project" an action; a
party that "will help" acts, a port that "will help" is an assessment; a bold run-in title before
a sentence is a heading, not a pledge; "the Norwegian Ocean Strategy will align" names a thing of the
country, not the country acting."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 3, 9)
PARTIES = ["Ghana", "Norway"]


def run(text):
    return detect(text, doc_date=DAY, parties=PARTIES)


def test_a_past_act_joined_to_a_pledge_by_and_we_is_left_out_of_its_span():
    (found,) = run(
        "Over the past year, we provided 2 billion dollars in assistance to flood victims, "
        "and we will provide an additional 500 million dollars in 2032."
    )
    assert found.text == "we will provide an additional 500 million dollars in 2032."


def test_commitment_to_a_noun_of_principle_is_no_pledge_but_to_a_named_action_is():
    assert run("The two sides committed to diplomacy.") == []
    (found,) = run("The two sides committed to completion of the Tema port expansion project.")
    assert found.parties == PARTIES


def test_a_party_that_will_help_acts_but_a_thing_that_will_help_is_an_effect():
    (found,) = run("We will continue to help maintain Ghana's power grid and energy supply.")
    assert found.parties == PARTIES
    assert run("The new port will help maintain Ghana's energy supply.") == []


def test_a_bold_run_in_title_is_a_heading_and_its_sentence_the_pledge():
    text = (
        "Norway will:\n\n"
        "- **Open an Embassy in Accra:** Norway will open an embassy in Accra in 2032.\n\n"
        "- **Fund Ocean Research:** Emerging challenges require cooperation across borders."
    )
    found = run(text)
    assert [f.text for f in found] == ["Norway will open an embassy in Accra in 2032."]


def test_a_thing_of_a_country_is_no_actor():
    assert run("The Norwegian Ocean Strategy for West Africa will align with the regional fisheries plan.") == []
    (found,) = run("Norway will align its fisheries plan with the regional fisheries plan.")
    assert found.parties == ["Norway"]


def test_a_past_act_joined_by_and_will_without_a_comma_is_left_out_too():
    (found,) = run("The Norwegian coast guard completed a joint patrol in May and will conduct two patrols in 2032.")
    assert found.text == "will conduct two patrols in 2032."
    assert found.parties == ["Norway"]
