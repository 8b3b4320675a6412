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


def test_every_concept_of_the_shared_lexicon_is_read_by_the_evidence_lexicon_or_covered():
    # Each bilingual concept is either named by an evidence concept or taken as it is, except the
    # shared vocabulary of readouts (cooperation, follow-up), which names no subject.
    keys = {concept.key for concept in evidence_lexicon.CONCEPTS}
    for concept in bilingual.CONCEPTS:
        if concept.weight == bilingual.COMMON:
            continue
        assert concept.key in keys or concept.key in evidence_lexicon._COVERED, concept.key


def test_a_named_mechanism_only_the_shared_lexicon_holds_links_across_languages():
    import datetime

    from tracker.extraction.evidence import read_follow_up
    from tracker.extraction.lexicon import default_lexicon
    from tracker.extraction.match import CommitmentInfo

    pledge = CommitmentInfo(
        id=1,
        text="The two sides will resume the Military Maritime Consultative Agreement meetings.",
        parties=frozenset({"China", "United States"}),
        topics=frozenset(),
        made_on=datetime.date(2023, 11, 15),
        meeting="Leaders' summit Woodside",
    )
    text = "中美举行海上军事安全磋商机制会议\n\n中美海上军事安全磋商机制年度会议于4月在青岛举行。"

    cards = read_follow_up(text, [pledge], published=datetime.date(2024, 4, 5), lexicon=default_lexicon())

    assert [link.commitment_id for card in cards for link in card.links] == [1]
    assert "mmca" in evidence_lexicon.concepts_in(text)


def test_a_loose_field_of_the_shared_lexicon_counts_but_is_not_required():
    # "crime" and "health" come from the shared lexicon as fields: read in both languages ...
    assert "health" in evidence_lexicon.concepts_in("双方在公共卫生领域开展合作。")
    assert "health" in evidence_lexicon.concepts_in("The two sides will cooperate on public health.")
    # ... but a pledge naming one is not bound to it the way it is bound to a subject
    assert evidence_lexicon.CONCEPT_KIND["health"] == evidence_lexicon.FIELD


def test_chinese_names_the_two_countries_as_a_pair_but_not_central_america():
    from tracker.extraction.evidence import parties_named
    from tracker.extraction.lexicon import default_lexicon

    lexicon = default_lexicon()
    assert {"China", "United States"} <= parties_named("中美海上军事安全磋商机制会议举行。", lexicon)
    assert "United States" not in parties_named("中美洲国家领导人会议举行。", lexicon)
