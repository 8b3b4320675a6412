"""A body the parties set up, said in the passive with a date, is their commitment ("It was agreed
that a joint working group will be established by 2032"); without a date it is a description, and
a body named with an agent is that agent's ("will be set up by Chile")."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 5, 4)
PARTIES = ["Chile", "New Zealand"]


def run(sentence):
    return detect(sentence, doc_date=DAY, parties=PARTIES)


def test_a_body_established_by_a_date_is_a_commitment_of_the_parties():
    (found,) = run("It was agreed that a joint working group on seismic research will be established by 2032.")
    assert found.parties == PARTIES and found.deadline_text


def test_a_body_without_a_date_is_a_description():
    assert run("A joint working group on seismic research will be established.") == []


def test_a_named_agent_sets_up_the_body_alone():
    (found,) = run("A liaison office for seismic research will be set up by Chile before the end of 2031.")
    assert found.parties == ["Chile"]
