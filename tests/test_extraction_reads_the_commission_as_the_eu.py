"""In an EU text, "the Commission" is the European Commission acting for the EU, not a joint
commission of both parties; where the EU is no party, a joint commission stays the parties' body."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 3, 5)


def test_the_commission_in_an_eu_dialogue_is_the_eu():
    (found,) = detect(
        "The Commission will launch a call for proposals on climate adaptation in 2032.",
        doc_date=DAY,
        parties=["EU", "Kenya"],
    )
    assert found.parties == ["EU"]


def test_a_joint_commission_of_two_countries_is_both():
    (found,) = detect(
        "The Joint Commission will launch a study on climate adaptation in 2032.",
        doc_date=DAY,
        parties=["Ghana", "Kenya"],
    )
    assert found.parties == ["Ghana", "Kenya"]
