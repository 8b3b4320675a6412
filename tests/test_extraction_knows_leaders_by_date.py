"""A readout names its own leader without the country ("President Biden met President Xi Jinping of
the People's Republic of China"): a small table of leaders by date makes the leader's country a
party of the document and the actor of what the leader pledges; out of office, the name says nothing."""

import datetime

from tracker.extraction.detect import detect
from tracker.extraction.leaders import leaders_on

TITLE = "Readout of President Biden's Meeting with President Xi Jinping of the People's Republic of China"
TEXT = (
    f"{TITLE}\n\n"
    "The two leaders agreed to resume military-to-military communication at the senior level.\n\n"
    "President Biden committed to hosting a dialogue on artificial intelligence risks in 2024."
)


def test_a_leader_in_office_stands_for_the_country():
    assert leaders_on(datetime.date(2023, 11, 15))["Biden"] == "United States"
    assert "Biden" not in leaders_on(datetime.date(2031, 11, 15))
    assert leaders_on(None) == {}


def test_the_leaders_country_is_a_party_of_the_readout_and_the_actor_of_the_leaders_pledge():
    joint, own = detect(TEXT, doc_date=datetime.date(2023, 11, 15), title=TITLE)
    assert joint.parties == ["China", "United States"]
    assert own.parties == ["United States"]
