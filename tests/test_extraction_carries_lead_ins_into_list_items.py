"""A lead-in carries its parties, strength and deadline into the items below it (every sentence of
an item, imperatives such as "Enhance" and "Implement" included): a subjectless
"Hereby decide to:" speaks for the signatories, each item's own verb can soften it ("Explore" is
hedged) and an item's own deadline wins; an inline "... measures: (i) ...; (ii) ..." gives one
commitment per item without the lead-in; a collective "we" of the G7 is its seven members. Preambular
"RECOGNISING ..." clauses and items that "Encourage" others are no commitments."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 3, 9)


def test_a_subjectless_decide_to_lead_in_speaks_for_the_signatories():
    # Given a joint statement whose lead-in has no subject and whose items start with a verb
    text = (
        "Joint Statement of Fiji and Tonga\n\n"
        "Hereby decide to:\n\n"
        "1. Strengthen cooperation on fisheries management and ocean monitoring;\n\n"
        "2. Explore a joint training programme for customs officers;\n\n"
        "3. Establish a working group on renewable energy by the end of 2031."
    )
    # When it is read
    found = detect(text, doc_date=DAY, parties=["Fiji", "Tonga"])
    # Then every item is a commitment of both signatories, "Explore" hedged, the third with its own date
    assert [f.parties for f in found] == [["Fiji", "Tonga"]] * 3
    assert [f.strength for f in found] == ["firm", "hedged", "firm"]
    assert found[2].deadline == datetime.date(2031, 12, 31)


def test_an_inline_list_gives_one_commitment_per_item_without_its_lead_in():
    text = (
        "G7 Leaders' Statement\n\n"
        "To this end, we are taking the following new measures: (i) we will deploy additional naval "
        "escorts in the Red Sea; (ii) we will impose sanctions on those who finance the attacks."
    )
    found = detect(text, doc_date=DAY, title="G7 Leaders' Statement")
    assert [f.text[:4] for f in found] == ["(i) ", "(ii)"]
    assert all(len(f.parties) == 7 and "Japan" in f.parties for f in found)


def test_a_lead_in_deadline_goes_to_items_that_have_none():
    text = (
        "Ghana and Norway agreed to take the following actions by the end of 2031:\n\n"
        "- expand intelligence sharing on maritime threats;\n\n"
        "- establish a joint insurance facility for fishing vessels."
    )
    found = detect(text, doc_date=DAY, parties=["Ghana", "Norway"])
    assert len(found) == 2 and {f.deadline for f in found} == {datetime.date(2031, 12, 31)}


def test_every_sentence_of_an_item_and_imperatives_that_look_like_nouns_complete_the_lead_in():
    text = (
        "Hereby decide to:\n\n"
        "1. Support a regional cybersecurity training centre in Suva. Establish a joint team to respond "
        "to cyber incidents by 2032.\n\n"
        "2. Enhance cooperation on submarine cable security.\n\n"
        "3. Implement the maritime boundary agreement."
    )
    found = detect(text, doc_date=DAY, parties=["Fiji", "Tonga"])
    assert [f.text.split()[0] for f in found] == ["Support", "Establish", "Enhance", "Implement"]


def test_preambular_clauses_and_items_that_encourage_others_are_no_commitments():
    text = (
        "REAFFIRMING their commitment to implement the Pacific Digital Strategy by 2032;\n\n"
        "Hereby decide to:\n\n"
        "1. Encourage partnerships between universities on cybersecurity research.\n\n"
        "2. Establish a joint cybersecurity response team."
    )
    found = detect(text, doc_date=DAY, parties=["Fiji", "Tonga"])
    assert [f.text for f in found] == ["Establish a joint cybersecurity response team."]
