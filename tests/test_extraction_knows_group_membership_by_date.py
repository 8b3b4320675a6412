"""Groupings have members by date: a collective subject is written out as the members on the
document's date (BRICS grew in 2024, the United Kingdom left the EU in 2020, Timor-Leste joined
ASEAN in 2025), and "we" in a G7 leaders' statement is the seven members, in a G20 declaration its
members of the day (the EU and, from September 2023, the African Union included)."""

import datetime

from tracker.extraction.detect import detect
from tracker.extraction.lexicon import default_lexicon


def test_members_are_those_of_the_date():
    lexicon = default_lexicon()
    assert "Egypt" not in lexicon.members("BRICS", datetime.date(2023, 8, 22))
    assert "Egypt" in lexicon.members("BRICS", datetime.date(2024, 10, 22))
    assert "United Kingdom" in lexicon.members("EU", datetime.date(2015, 6, 1))
    assert "United Kingdom" not in lexicon.members("EU", datetime.date(2021, 6, 1))
    assert "Timor-Leste" not in lexicon.members("ASEAN", datetime.date(2025, 5, 26))
    assert "Timor-Leste" in lexicon.members("ASEAN", datetime.date(2025, 10, 26))


def test_we_in_a_g7_statement_are_its_seven_members():
    title = "G7 Leaders' Statement on Ocean Shipping"
    text = f"{title}\n\nWe, the Leaders of the G7, will establish a maritime security working group by 2032."
    (found,) = detect(text, doc_date=datetime.date(2031, 3, 9), title=title)
    assert found.parties == sorted(default_lexicon().members("G7"))
    assert len(found.parties) == 7


def test_we_in_a_g20_declaration_are_its_members_of_the_day_the_african_union_included_from_2023():
    title = "G20 Leaders' Declaration"
    text = f"{title}\n\nWe, the Leaders of the G20, will launch a global alliance against hunger in 2025."
    (found,) = detect(text, doc_date=datetime.date(2024, 11, 19), title=title)
    assert len(found.parties) == 21 and "African Union" in found.parties and "EU" in found.parties
    assert "African Union" not in default_lexicon().members("G20", datetime.date(2022, 11, 16))
