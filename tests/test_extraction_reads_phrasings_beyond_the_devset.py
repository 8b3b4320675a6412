"""General readings added from texts the rules had never seen: a new subject after ", and" starts a
clause of its own, reported speech goes on in a coordinated "would", an accepted invitation to
visit is a pledge of the guest, a restated target with its date is a commitment, a list item may
start with a capitalised verb, a joint body of the parties acts for them, and a grouping whose
leaders meet as states is written out as its members when the text says "the two sides" or "we"."""

import datetime

import pytest

from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def run(text, parties=("Chile", "Kenya"), **kwargs):
    return detect(text, doc_date=DAY, parties=list(parties), **kwargs)


def test_a_new_subject_after_a_comma_and_starts_a_commitment_of_its_own():
    # Given a joint pledge and a one-sided pledge joined by ", and"
    text = (
        "The two sides will work together to expand trade in copper, and Chile will send 40 geologists "
        "to Nairobi by 2032."
    )
    # When it is read
    found = run(text)
    # Then each clause is a commitment with its own parties, strength and deadline
    assert [(f.parties, f.strength, f.deadline_label) for f in found] == [
        (["Chile", "Kenya"], "intent", None),
        (["Chile"], "firm", "2032"),
    ]
    assert found[1].text == "Chile will send 40 geologists to Nairobi by 2032."


def test_a_compound_name_with_a_party_in_it_is_not_a_new_subject():
    # Given a hope whose second half names a forum called after both parties
    text = (
        "Ruto spoke of the summit, expressing the hope that talks will resume soon, and the Chile-Kenya "
        "mining forum will be held successfully."
    )
    # Then nothing in it is a commitment
    assert run(text) == []


def test_a_coordinated_would_continues_the_reported_speech():
    # Given a reported pledge followed by "and would"
    text = "Ruto said Kenya aims to double tea exports by 2035 and would create a national export credit agency."
    # When it is read
    found = run(text)
    # Then the second clause is Kenya's firm pledge, the first Kenya's aim
    assert [(f.parties, f.strength) for f in found] == [(["Kenya"], "intent"), (["Kenya"], "firm")]
    assert found[1].text.startswith("would create a national export credit agency")


def test_an_accepted_invitation_to_visit_is_a_pledge_of_the_guest():
    # Given a guest who accepts an invitation and is not introduced with a country
    text = "President Boric accepted an invitation from President Ruto to visit Nairobi early next year."
    # When it is read
    found = run(text)
    # Then the guest's side (the party other than the host's) commits, firmly, to the visit
    assert [(f.parties, f.strength, f.topics[0]) for f in found] == [(["Chile"], "firm", "dialogue")]
    assert found[0].deadline_label == "early 2032 ('early next year')"


def test_an_invitation_without_acceptance_is_not_a_pledge():
    assert run("President Ruto invited President Boric to visit Nairobi next year.") == []


def test_a_restated_target_with_its_date_is_a_commitment_and_an_assessment_is_not():
    # Given a target restated with its date, and a hub "on track to become" something
    pledge = "The Ministry of Energy is well on its way to connecting 200,000 homes to solar power by 2033."
    assessment = "The new innovation hub is on track to become a regional center for space research by 2033."
    # Then only the target is a commitment
    found = run(pledge, parties=["Kenya"], site="www.energy.go.ke")
    assert [(f.parties, f.strength, f.deadline_label) for f in found] == [(["Kenya"], "firm", "2033")]
    assert run(assessment, parties=["Kenya"], site="www.energy.go.ke") == []


def test_a_list_item_may_start_with_a_capitalised_verb_but_not_with_a_noun():
    # Given a lead-in with a deadline and items that are imperatives or noun phrases
    text = (
        "The two governments commit to the following actions no later than 30 June 2032:\n\n"
        "- Establish a joint unit to investigate wildlife trafficking.\n\n"
        "- Purchases of mining equipment worth $40 million.\n\n"
        "- Conduct joint customs inspections at Mombasa port."
    )
    # When it is read
    found = run(text)
    # Then the two imperative items carry the lead-in's deadline and actors; the noun phrase is left out
    assert [f.text[:9] for f in found] == ["Establish", "Conduct j"]
    assert {(tuple(f.parties), f.deadline_label) for f in found} == {(("Chile", "Kenya"), "2032-06-30")}


def test_a_joint_body_of_the_parties_acts_for_them():
    found = run("The Joint Trade Committee will meet every six months to review tariff barriers.")
    assert [f.parties for f in found] == [["Chile", "Kenya"]]


def test_a_titled_name_with_lower_case_particles_is_a_person():
    # Given two leaders, one of them with "von der" in the name
    found = run("President von der Leyen and President Ruto agreed to relaunch negotiations on a trade agreement.")
    # Then the pair is both parties
    assert [f.parties for f in found] == [["Chile", "Kenya"]]


def test_an_asean_summit_writes_the_two_sides_as_members_but_named_asean_as_itself():
    parties = ["ASEAN", "Japan"]
    collective = detect(
        "The two sides agreed to launch a working group on maritime security.", doc_date=DAY, parties=parties
    )
    named = detect("ASEAN and Japan will establish a maritime cooperation dialogue.", doc_date=DAY, parties=parties)
    assert "Thailand" in collective[0].parties and "ASEAN" not in collective[0].parties
    assert named[0].parties == ["ASEAN", "Japan"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year, Chile and Kenya signed an agreement to finance a geothermal plant.",
        "Kenya welcomed Chile's plan to open a lithium refinery in 2032.",
        "Chile said the partnership will create more opportunities for both peoples.",
    ],
)
def test_past_signings_someone_elses_plan_and_effects_are_not_commitments(sentence):
    assert run(sentence) == []


def test_a_trailing_effect_participle_is_not_part_of_the_span():
    # Given a pledge followed by the reporter's assessment of its effect
    text = (
        "Kenya announced on Monday it will start exporting geothermal power to Uganda next month, "
        "giving Kenyan exporters relief after two years of falling tea prices and a weaker shilling."
    )
    found = run(text)
    assert [f.text for f in found] == [
        "Kenya announced on Monday it will start exporting geothermal power to Uganda next month"
    ]


def test_quantities_in_words_and_deals_make_an_object_specific():
    found = run("Boric said Chile would provide Kenya with five additional mobile laboratories.")
    found += run("Ruto said the two teams will work round the clock to deliver the deal.")
    assert [f.parties for f in found] == [["Chile"], ["Chile", "Kenya"]]


def test_as_soon_as_a_condition_is_met_is_not_a_deadline():
    assert find_deadlines("will extradite him as soon as the courts rule", DAY) == []
    assert [d.label for d in find_deadlines("will meet as soon as possible", DAY)] == ["as soon as possible"]
