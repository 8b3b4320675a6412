"""A Chinese leaders' readout lists its outcomes in one long agreed sentence: 愿景 (a vision) is a noun
and no willingness, 责成 (tasked) commits the principals' teams, a clause that is a whole act of dialogue
on a matter of its own is its own item, and what events "show" (表明) is a view, not a pledge."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)
SIDES = ["China", "United States"]


def test_an_agreement_that_implements_a_named_vision_carries_on_to_the_next_clauses():
    # given an agreed sentence whose second clause implements a "vision" (愿景)
    text = "双方同意继续保持沟通，责成双方工作团队落实好“海滨愿景”，在禁毒、气候变化等领域开展对话合作。"
    # when it is read
    found = detect(text, doc_date=DAY, parties=SIDES)
    # then the vision is no willingness: the clause after it is still agreed
    assert [f.text for f in found][-1] == "在禁毒、气候变化等领域开展对话合作。"
    assert all(f.strength == "firm" and f.parties == SIDES for f in found)


def test_leaders_tasking_their_teams_is_a_firm_commitment_of_both():
    # given the principals tasking their teams, with no other cue
    found = detect("两国元首责成双方团队及时跟进和落实本次会晤成果。", doc_date=DAY, parties=SIDES)
    # then it is a firm commitment of both sides
    assert [(f.text, f.strength, f.parties) for f in found] == [
        ("两国元首责成双方团队及时跟进和落实本次会晤成果。", "firm", SIDES)
    ]


def test_a_clause_of_dialogue_on_a_matter_of_its_own_is_split_from_the_field_before_it():
    # given an agreed sentence ending in an exchange item and then talks on international issues
    text = "双方同意扩大两国人文交流，就国际和地区问题加强沟通。"
    # when it is read
    found = detect(text, doc_date=DAY, parties=SIDES)
    # then the two are separate commitments with their own topics
    assert [f.text for f in found] == ["双方同意扩大两国人文交流", "就国际和地区问题加强沟通。"]
    assert [f.topics[0] for f in found] == ["people-to-people", "dialogue"]


def test_what_progress_shows_both_sides_can_do_is_a_view_not_a_pledge():
    # given a speaker's view of what recent progress shows
    text = "拜登表示，近来取得的进展表明，双方可以积极推进合作，同时负责地管理分歧。"
    # then nothing is extracted, though the viewed clause names both sides
    assert detect(text, doc_date=DAY, parties=SIDES) == []


def test_a_commitment_ending_in_a_quoted_name_keeps_its_closing_quote():
    # given an agreed clause that ends in a quoted vision, followed by another clause
    text = "双方同意继续保持沟通，责成双方工作团队落实好“海滨愿景”，在禁毒、气候变化等领域开展对话合作。"
    # then the quotation is closed in the commitment's text
    found = detect(text, doc_date=DAY, parties=SIDES)
    assert found[0].text.endswith("“海滨愿景”")
