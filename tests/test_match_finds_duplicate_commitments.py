"""A proposed commitment that repeats one already tracked (from the other side's readout, say) is
linked to it: same parties, a topic in common and similar wording."""

from datetime import date

import pytest

from tracker.extraction.match import CandidateInfo, CommitmentInfo, find_duplicate_commitment, text_similarity

BOTH = frozenset({"China", "United States"})
REPATRIATION = frozenset({"repatriation"})
CYBER = frozenset({"cybersecurity"})

TRACKED = [
    CommitmentInfo(
        id=11,
        text="Both sides will continue to use the hotline mechanism on cybersecurity.",
        parties=BOTH,
        topics=CYBER,
        made_on=date(2017, 10, 4),
    ),
    CommitmentInfo(
        id=12,
        text=(
            "China and the United States consented to develop a process to repatriate illegal immigrants and "
            "fugitives, issuing travel documents within 30 days of verification."
        ),
        parties=BOTH,
        topics=REPATRIATION,
        made_on=date(2017, 10, 4),
    ),
    CommitmentInfo(
        id=13,
        text="The two sides agreed to finalize the repatriation process within three months.",
        parties=BOTH,
        topics=REPATRIATION,
        made_on=date(2017, 10, 4),
    ),
]


def test_it_links_the_other_sides_wording_of_a_tracked_commitment():
    # Given the U.S. readout's version of the pledge tracked from the Chinese readout
    candidate = CandidateInfo(
        text=(
            "The United States and China agreed to repatriate illegal immigrants, with travel documents "
            "issued within 30 days of verification."
        ),
        parties=BOTH,
        topics=REPATRIATION,
    )

    # When duplicates are looked for, then it is linked to that commitment, not to its neighbour
    match = find_duplicate_commitment(candidate, TRACKED)

    assert match is not None
    commitment_id, score = match
    assert commitment_id == 12
    assert 0.45 <= score <= 1


def test_it_links_a_paraphrase_of_the_hotline_pledge():
    candidate = CandidateInfo(
        text="The United States and China will maintain the cybersecurity hotline mechanism.",
        parties=BOTH,
        topics=CYBER,
    )

    assert find_duplicate_commitment(candidate, TRACKED)[0] == 11


def test_a_different_pledge_on_the_same_topic_is_not_a_duplicate():
    candidate = CandidateInfo(
        text="The two sides will exchange liaison officers at their embassies to handle removal cases.",
        parties=BOTH,
        topics=REPATRIATION,
    )

    assert find_duplicate_commitment(candidate, TRACKED) is None


def test_the_same_words_from_other_parties_are_not_a_duplicate():
    candidate = CandidateInfo(text=TRACKED[1].text, parties=frozenset({"United States"}), topics=REPATRIATION)

    assert find_duplicate_commitment(candidate, TRACKED) is None


def test_the_same_words_on_a_disjoint_topic_are_not_a_duplicate():
    candidate = CandidateInfo(text=TRACKED[1].text, parties=BOTH, topics=frozenset({"counter-narcotics"}))

    assert find_duplicate_commitment(candidate, TRACKED) is None


def test_an_untagged_candidate_is_matched_on_its_words():
    candidate = CandidateInfo(text=TRACKED[1].text, parties=BOTH, topics=frozenset())

    assert find_duplicate_commitment(candidate, TRACKED) == (12, 1.0)


def test_the_threshold_can_be_raised():
    candidate = CandidateInfo(
        text="The United States and China will maintain the cybersecurity hotline mechanism.",
        parties=BOTH,
        topics=CYBER,
    )

    assert find_duplicate_commitment(candidate, TRACKED, threshold=0.95) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The sides will repatriate fugitives.", "Both countries repatriated a fugitive."),
        ("Hotline mechanism", "Counter-narcotics cooperation on fentanyl"),
        ("", "Anything at all"),
    ],
)
def test_text_similarity_is_symmetric_and_between_zero_and_one(a, b):
    assert text_similarity(a, b) == text_similarity(b, a)
    assert 0 <= text_similarity(a, b) <= 1


def test_text_similarity_sees_inflections_and_ignores_boilerplate():
    same = text_similarity("The sides agreed to repatriate fugitives.", "Fugitives were repatriated.")
    boilerplate = text_similarity(
        "The two sides agreed to strengthen cooperation on fentanyl.",
        "The two sides agreed to strengthen cooperation on the hotline.",
    )

    assert text_similarity(TRACKED[0].text, TRACKED[0].text) == 1.0
    assert same > 0.6
    assert boilerplate < 0.35
