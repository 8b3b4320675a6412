"""Commitment verbs beyond will/agree: leaders who instruct, task or ask their own teams and envoys
(asking them "to explore" is hedged), "resolved to" (intent) with a collective subject such as "the
three NSAs", "recommitted to", efforts "committed toward" an action, "affirmed to" + a verb, "intent
to", "are taking additional measures" and "are exploring the launch of" (hedged)."""

import datetime

import pytest

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 6, 16)
PARTIES = ["Japan", "Philippines", "United States"]


def run(sentence, parties=PARTIES):
    return detect(sentence, doc_date=DAY, parties=list(parties))


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("The leaders instructed their teams to conclude a maritime security agreement.", "firm"),
        ("The leaders tasked their teams with negotiating a strategic framework agreement.", "firm"),
        ("We ask Finance Ministers to deliver a budget support programme by March 2032.", "firm"),
        ("The three NSAs resolved to deepen trilateral cooperation on disaster relief.", "intent"),
        ("The leaders recommitted to supporting the coast guard training programme.", "firm"),
        ("The three leaders affirmed to strengthen cooperation on maritime security.", "firm"),
        ("The three governments announced their intent to open a joint cyber centre.", "intent"),
        ("We are taking additional measures in relation to the financial sector.", "firm"),
        ("The three countries are exploring the launch of a joint satellite programme.", "hedged"),
    ],
)
def test_the_verb_makes_a_commitment_of_all_parties(sentence, strength):
    (found,) = run(sentence)
    assert found.parties == PARTIES
    assert found.strength == strength


def test_asking_ones_own_envoys_to_explore_is_hedged_and_keeps_the_action_in_the_span():
    (found,) = run(
        "They asked their respective climate envoys, Taro Sato and Maria Cruz, to explore new "
        "opportunities in the climate and clean energy sphere to drive economic growth and development.",
        parties=["Japan", "Philippines"],
    )
    assert found.strength == "hedged"
    assert "to explore new opportunities" in found.text


def test_efforts_committed_toward_an_action_are_a_pledge():
    (found,) = run(
        "The leaders committed their full efforts toward guiding the parties to a ceasefire agreement.",
        parties=["Japan", "Philippines"],
    )
    assert found.parties == ["Japan", "Philippines"]


def test_asking_another_country_is_not_tasking():
    assert run("The leaders asked China to release the detained fishermen.") == []
