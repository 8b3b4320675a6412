"""What else ties a passage to a pledge, beyond the words they share: the meeting where the pledge
was made when the passage names it ("progress since the San Francisco meeting" is news of the
pledges made there, not of an older pledge on the same subject made elsewhere); the document's
title (a passage of the readout of a working group is about that working group); and not a web
address, markup or the number in a name ("COVID-19")."""

import datetime

from tracker.extraction import evidence_anchors as anchoring
from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo

BOTH = frozenset({"China", "United States"})
LATER = datetime.date(2024, 11, 20)


def pledge(id, text, *, made, meeting):
    return CommitmentInfo(
        id=id, text=text, parties=BOTH, topics=frozenset(), made_on=made, meeting=meeting, reference=f"T-{id}"
    )


OLD = pledge(
    1,
    "The two sides intend to enhance cooperation on narcotics control.",
    made=datetime.date(2017, 10, 6),
    meeting="Law enforcement dialogue Washington",
)
SAN_FRANCISCO = pledge(
    2,
    "They welcomed the resumption of bilateral cooperation to combat illicit drugs, including fentanyl.",
    made=datetime.date(2023, 11, 15),
    meeting="Leaders' summit Woodside",
)
BROAD = pledge(
    3,
    "The two leaders agreed to empower senior officials to maintain communication.",
    made=datetime.date(2022, 11, 14),
    meeting="Leaders' meeting Bali",
)


def linked(text, tracked, title=""):
    cards = read_follow_up(text, tracked, published=LATER, lexicon=default_lexicon(), title=title)
    return {link.commitment_id for card in cards if card.kind == "evidence" for link in card.links}


def test_a_passage_naming_the_meeting_reports_on_that_meetings_pledges_only():
    text = "中美元首会晤在利马举行\n\n两国元首回顾了旧金山会晤以来禁毒领域合作取得的积极进展。"

    assert linked(text, [OLD, SAN_FRANCISCO]) == {2}
    # Without the meeting named, both pledges on the subject are candidates.
    unnamed = "中美元首会晤在利马举行\n\n两国元首回顾了禁毒领域合作取得的积极进展。"
    assert linked(unnamed, [OLD, SAN_FRANCISCO]) == {1, 2}


def test_the_broad_pledges_to_keep_talking_run_on_from_one_meeting_to_the_next():
    text = (
        "China and the United States met in Beijing.\n\n"
        "This meeting was part of ongoing efforts to maintain channels of communication between senior "
        "officials, as discussed at the Woodside summit."
    )
    assert 3 in linked(text, [OLD, SAN_FRANCISCO, BROAD])


def test_the_documents_title_names_what_its_passages_are_about():
    working_group = pledge(
        4,
        "They welcomed the establishment of a working group for law enforcement coordination on counternarcotics.",
        made=datetime.date(2023, 11, 15),
        meeting="Leaders' summit Woodside",
    )
    tracked = [OLD, working_group]
    text = (
        "Readout of the China-U.S. Counternarcotics Working Group meeting\n\n"
        "Officials of China and the United States reviewed progress in bilateral counternarcotics efforts, "
        "including recent arrests."
    )
    cards = read_follow_up(text, tracked, published=LATER, lexicon=default_lexicon(), title="")
    [card] = [card for card in cards if card.kind == "evidence"]
    assert card.links[0].commitment_id == 4


def test_addresses_markup_and_numbers_in_names_are_not_anchors():
    found = anchoring.anchors(
        'The government <a href="https://www.example.com/covid-19-drugs">said</a> it will supply drugs for COVID-19.'
    )
    assert not any(anchor.startswith(("word:http", "word:www", "word:href", "word:com")) for anchor in found)
    assert "number:19" not in found
    assert "number:30" in anchoring.anchors("The two sides will return fugitives within 30 days.")
