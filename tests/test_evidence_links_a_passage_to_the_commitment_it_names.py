"""A passage is linked to the tracked commitment whose distinctive anchors it names (the mechanism,
the subject, the official, the meeting where the pledge was made), weighted by their rarity among
the commitments; shared generic words ("cooperation", "dialogue") are not enough; a Chinese
passage finds an English commitment; documents about other parties, and commitments made after
the document, get nothing."""

import datetime

from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo

BOTH = frozenset({"China", "United States"})
MADE = datetime.date(2023, 11, 15)
LATER = datetime.date(2024, 8, 1)


def pledge(id, text, *, parties=BOTH, made=MADE, meeting="Leaders' summit Woodside"):
    return CommitmentInfo(
        id=id, text=text, parties=parties, topics=frozenset(), made_on=made, meeting=meeting, reference=f"T-{id}"
    )


TRACKED = [
    pledge(1, "They welcomed the establishment of a working group on counternarcotics coordination."),
    pledge(2, "Both sides are also resuming telephone conversations between theater commanders."),
    pledge(3, "The two leaders agreed to empower senior officials to maintain communication."),
    pledge(4, "The two sides agreed to deepen cooperation on climate change and clean energy."),
    pledge(5, "Both sides will expand cooperation on agriculture and trade."),
    pledge(6, "The two sides will work together on vaccine production.", made=datetime.date(2024, 9, 1)),
]


def read(text, *, published=LATER, tracked=TRACKED):
    cards = read_follow_up(text, tracked, published=published, lexicon=default_lexicon(), title="")
    return [(card.kind, card.text, [link.commitment_id for link in card.links], card.links) for card in cards]


def links_for(text, **kwargs):
    return {commitment_id for kind, _, ids, _ in read(text, **kwargs) if kind == "evidence" for commitment_id in ids}


def test_a_meeting_of_the_named_working_group_goes_to_the_working_group_pledge_only():
    text = (
        "Readout of the China-U.S. working group meeting\n\n"
        "On July 31, the United States and China held a senior official meeting of the Counternarcotics "
        "Working Group in Washington."
    )
    cards = read(text)
    assert [ids for kind, _, ids, _ in cards if kind == "evidence"] == [[1]]
    # Not also the broad pledge to keep senior officials talking: the passage is on a subject.
    assert 3 not in links_for(text)


def test_shared_generic_words_are_not_evidence():
    text = (
        "China and the United States held talks.\n\n"
        "The two sides held candid and constructive discussions and agreed to strengthen cooperation."
    )
    assert links_for(text) == set()


def test_a_plan_for_the_first_call_is_linked_and_not_started():
    text = "China and the United States met in Beijing.\n\nThey planned a theater commander call in the near future."
    [(kind, _, ids, links)] = read(text)
    assert (kind, ids, links[0].status) == ("evidence", [2], "not_started")


def test_a_passage_naming_channels_of_communication_goes_to_the_broad_pledge():
    text = (
        "China and the United States held talks in Beijing.\n\n"
        "This meeting was part of ongoing efforts to maintain channels of communication between senior officials."
    )
    assert links_for(text) == {3}


def test_a_chinese_passage_is_linked_to_an_english_commitment():
    text = "中美举行禁毒合作会谈\n\n中美禁毒工作组于7月在北京举行了第二次会议，双方执法部门联合破获多起案件。"
    [(kind, passage, ids, links)] = read(text)
    assert kind == "evidence" and ids == [1]
    assert links[0].status == "in_progress"
    assert "禁毒工作组" in passage


def test_an_english_passage_is_linked_to_a_chinese_commitment():
    tracked = [
        *TRACKED,
        pledge(7, "双方同意继续办好各领域各层级机制性对话", parties=frozenset({"China", "EU"})),
        pledge(8, "双方同意举行中欧高级别人文交流对话机制会议", parties=frozenset({"China", "EU"})),
    ]
    text = "EU-China climate dialogue\n\nOn 2 June, the EU and China chaired the Fifth EU-China Climate Dialogue."
    assert links_for(text, tracked=tracked) == {7}  # not the people-to-people dialogue


def test_a_document_about_other_parties_gets_nothing_though_it_shares_the_subject():
    text = (
        "Joint statement of Canada, Mexico and the United States\n\n"
        "Canada, Mexico and the United States held the first meeting of their counternarcotics working group "
        "on fentanyl precursors, launched in January."
    )
    assert read(text) == []


def test_commitments_made_after_the_document_are_never_linked():
    text = "China and the United States held talks.\n\nThe two sides launched joint vaccine production in a new plant."
    assert 6 not in links_for(text, published=datetime.date(2024, 8, 1))


def test_a_restated_pledge_is_a_restatement_card_without_a_status():
    text = (
        "China and the United States held talks.\n\n"
        "The two leaders reaffirmed their commitment to expand cooperation on agriculture and trade."
    )
    [(kind, _, ids, links)] = read(text)
    assert (kind, ids) == ("restatement", [5])
    assert links[0].status is None


def test_a_pledge_of_one_side_made_to_the_other_is_not_followed_up_by_a_document_about_a_third():
    us_pledge = CommitmentInfo(
        id=9,
        text="The United States will continue to take actions to prevent advanced semiconductors from being misused.",
        parties=frozenset({"United States"}),
        topics=frozenset(),
        made_on=MADE,
        meeting="Leaders' summit Woodside",
        reference="T-9",
        meeting_parties=BOTH,
    )
    third = (
        "Readout of the U.S.-Indonesia talks\n\nThe United States and Indonesia reviewed progress on semiconductors."
    )
    with_china = "Readout of the U.S.-China talks\n\nThe United States and China reviewed progress on semiconductors."

    assert links_for(third, tracked=[*TRACKED, us_pledge]) == set()
    assert links_for(with_china, tracked=[*TRACKED, us_pledge]) == {9}


def test_a_subject_named_only_as_a_limit_does_not_make_the_pledge_about_it():
    tracked = [
        *TRACKED,
        pledge(10, "The United States will restrict exports of advanced chips without unduly limiting trade."),
    ]
    text = "China and the United States held talks.\n\nThe two sides reviewed progress on trade and tariffs."
    assert 10 not in links_for(text, tracked=tracked)


def test_a_chinese_passage_on_dialogue_mechanisms_at_work_reports_on_the_english_pledge_to_keep_them():
    tracked = [
        *TRACKED,
        pledge(11, "The two sides will continue to hold high-level dialogue mechanisms in all fields."),
        pledge(12, "The two sides agreed to hold the people-to-people exchange dialogue mechanism."),
    ]
    text = "中美高级别会谈\n\n今年以来，中美双方举行了多个对话沟通机制会议。"
    cards = read(text, tracked=tracked)
    assert [(kind, ids, links[0].status) for kind, _, ids, links in cards] == [("evidence", [11], "in_progress")]


def test_the_links_hold_in_a_tracker_of_hundreds_of_commitments():
    # Given hundreds of other pledges, many on dialogues and communication between other parties
    others = [
        pledge(
            100 + i,
            f"The two sides will maintain communication and hold the annual dialogue on topic {i}.",
            parties=frozenset({"France", "Germany"}),
        )
        for i in range(300)
    ]
    text = (
        "China and the United States held talks.\n\n"
        "This meeting was part of ongoing efforts to maintain channels of communication between senior officials.\n\n"
        "They held the second meeting of the Counternarcotics Working Group."
    )
    # Then the same passages go to the same commitments as in a small tracker
    assert links_for(text, tracked=[*TRACKED, *others]) == links_for(text) == {1, 3}
