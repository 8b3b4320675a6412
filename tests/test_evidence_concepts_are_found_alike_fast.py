"""The evidence ranking finds a text's concepts the fast way (running only the patterns whose
beginnings the text has) with exactly the results of running every pattern: the same concepts,
the same text with them blanked, on follow-ups in both languages, pledges, and odd cases."""

from pathlib import Path

import pytest

from tests.texts import DIALOGUE_REPORT, FOLLOW_UP_REPORT
from tracker.extraction import evidence_anchors as anchoring
from tracker.extraction import evidence_lexicon as vocabulary
from tracker.extraction.sentences import split_sentences

HERE = Path(__file__).resolve().parent


def _texts() -> list[str]:
    documents = [DIALOGUE_REPORT, FOLLOW_UP_REPORT]
    documents += [path.read_text(encoding="utf-8") for path in sorted((HERE / "evidence_generality").glob("*.txt"))]
    texts = [document[s.start : s.end] for document in documents for s in split_sentences(document)]
    texts += documents
    texts += [
        "",
        "COUNTER-NARCOTICS and Fentanyl",
        "counternarcotics",
        "the counter narcotics",
        "They met in SAN   FRANCISCO and Bali.",
        "\u212aerry and the Cyber\u017fecurity dialogue",  # the Kelvin sign and the long s
        "İstanbul ısland",
        "中美禁毒合作工作组举行会议，双方同意加强执法合作。",
        "The U.S.-China Counternarcotics Working Group met under national control of precursors.",
    ]
    return texts


@pytest.mark.parametrize("text", _texts())
def test_the_fast_reading_finds_what_every_pattern_finds(text):
    assert anchoring.concepts_in(text) == vocabulary.concepts_in(text)
    assert anchoring.without_concepts(text) == vocabulary.without_concepts(text)


def test_some_patterns_are_skipped_for_a_text_that_cannot_match_them():
    skippable = [b for _, b, _ in anchoring._concept_beginnings() if b is not None]
    assert len(skippable) >= len(vocabulary.CONCEPTS) // 2
