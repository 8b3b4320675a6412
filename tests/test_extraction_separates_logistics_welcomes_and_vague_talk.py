"""Future talk that the labelling rules do not count: who hosts or where and when the next meeting is
held (logistics), another party's plan that is welcomed or noted, the day's signing that is welcomed,
solidarity ("stand with"), a field named only in a clause of time or a relative clause, generic means
("through existing mechanisms") and a commitment to a principle ("committed to free trade"). Hosting
a project or leading a mission is an action, not logistics."""

import datetime

import pytest

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def run(text, parties=("Ghana", "Norway")):
    return detect(text, doc_date=DAY, parties=list(parties))


@pytest.mark.parametrize(
    "text",
    [
        "Norway will host the next round of the energy dialogue in Bergen in 2032.",
        "Ghana and Norway will hold the next meeting of their joint commission in Accra in May.",
        "Norway welcomed Ghana's intention to join the global methane pledge.",
        "The presidents welcomed the signing of commercial deals worth $800 million during the visit.",
        "Norway will continue to stand with Ghana as it confronts terrorism in the north.",
        "Norway will keep working with Ghana, including through existing regional mechanisms.",
        "Ghana will build a modern regional order in which the ports are its center.",
        "Norway remains committed to free trade and open markets.",
    ],
)
def test_logistics_welcomed_plans_and_vague_talk_are_not_commitments(text):
    assert run(text) == []


def test_agreeing_to_hold_the_next_round_by_a_date_is_a_decision():
    (found,) = run("The two sides agreed to hold the next round of fisheries talks by the end of June.")
    assert found.parties == ["Ghana", "Norway"] and found.deadline_label == "2031-06-30 (by the end of June)"


def test_hosting_a_project_or_leading_a_mission_is_an_action():
    found = run(
        "Ghana will host Norwegian-funded pilot projects for solar irrigation. "
        "Norway will continue to lead the international maritime mission in the Gulf of Guinea."
    )
    assert [f.parties for f in found] == [["Ghana"], ["Norway"]]


def test_a_welcomed_future_signing_is_still_a_commitment():
    (found,) = run("The two leaders welcomed the upcoming signing of a double taxation agreement.")
    assert found.parties == ["Ghana", "Norway"]
