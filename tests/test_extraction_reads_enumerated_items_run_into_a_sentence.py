"""An enumerated list run into one sentence ("we decide to: a) establish X; b) promote Y.") is a
lead-in and its items: each item is a commitment of the lead-in's parties with the lead-in's
strength, softened by its own hedge ("subject to congressional notification"); a bold title over an
item ("**Modernize the alliance.**") is the item's title, not an action."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 12, 14)
G20 = "G20 Leaders' Declaration"


def test_items_after_a_colon_are_commitments_of_the_lead_in():
    text = (
        "We, the Leaders of the G20, met in Miami.\n\n"
        "4. Recognizing the rapid progress of artificial intelligence, we decide to: a) establish a G20 AI Safety "
        "Network of national institutes; b) promote the interoperability of AI governance frameworks."
    )
    found = detect(text, doc_date=DAY, title=G20)
    assert [f.text for f in found] == [
        "establish a G20 AI Safety Network of national institutes;",
        "promote the interoperability of AI governance frameworks.",
    ]
    assert all(len(f.parties) == 21 and f.strength == "firm" for f in found)
    assert [f.topics[0] for f in found] == ["technology", "technology"]


def test_roman_and_bracketed_markers_are_items_too():
    text = "The two sides decided to: (i) set up a working group on export controls; (ii) resume the energy dialogue."
    found = detect(text, doc_date=DAY, parties=["China", "EU"])
    assert [f.text for f in found] == ["set up a working group on export controls;", "resume the energy dialogue."]


def test_a_colon_without_two_items_is_no_list():
    text = "Japan will do one thing: a) build a port in Manila by 2032."
    found = detect(text, doc_date=DAY, parties=["Japan", "Philippines"])
    assert len(found) <= 1


def test_a_bold_item_title_is_not_a_commitment_and_a_hedge_in_the_item_softens_it():
    text = (
        "During the visit, the United States will:\n\n"
        "-   **Modernize the alliance.** Provide $500 million in Foreign Military Financing to the Armed Forces of "
        "the Philippines over five years, subject to congressional notification.\n"
        "-   **Expand connectivity.** Launch a Luzon Economic Corridor investment partnership with Japan by the end "
        "of 2031."
    )
    found = detect(text, doc_date=DAY, parties=["Philippines", "United States"], site="whitehouse.gov")
    assert [f.text.split()[0] for f in found] == ["Provide", "Launch"]
    assert [f.strength for f in found] == ["hedged", "firm"]
    assert all(f.parties == ["United States"] for f in found)
