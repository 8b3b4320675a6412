"""Evidence reading and readout alignment share one lexicon of Chinese concept names."""

from tracker.extraction import bilingual, evidence_lexicon


def test_a_chinese_term_of_the_shared_lexicon_names_the_evidence_concept():
    # Given a Chinese passage naming counter-narcotics with a term only the shared lexicon holds (前体)
    passage = "双方就前体化学品管控开展了联合行动。"
    # Then both the alignment lexicon and the evidence lexicon read the concept in it
    assert "narcotics" in bilingual.concepts_in(passage)
    assert "counternarcotics" in evidence_lexicon.concepts_in(passage)


def test_the_chinese_names_of_a_meeting_place_come_from_the_shared_lexicon():
    # Given the shared lexicon's Chinese names of San Francisco
    shared = bilingual.chinese_terms("san-francisco")
    # Then a passage naming it in Chinese is read as the Woodside meeting place
    assert shared
    assert all("woodside" in evidence_lexicon.concepts_in(f"落实{term}会晤共识。") for term in shared)


def test_an_evidence_concept_keeps_terms_the_shared_lexicon_lacks():
    # Given a term the evidence lexicon adds to the shared one (列管, scheduling a substance)
    # Then it still names the concept
    assert "列管" not in bilingual.chinese_terms("narcotics", "fentanyl")
    assert "counternarcotics" in evidence_lexicon.concepts_in("中方宣布对一类物质实施列管。")
