"""Evidence suggestions: passages of newer articles that report what was done about a commitment
rank above passages that merely repeat pledges or diplomatic boilerplate."""

import time
from datetime import date

import pytest

from tracker.extraction.match import CommitmentInfo, EvidenceMatch, Passage, rank_evidence

CHINA, US, JAPAN = "China", "United States", "Japan"
BOTH = frozenset({CHINA, US})
REPATRIATION = frozenset({"repatriation"})
MADE_ON = date(2017, 10, 4)
LATER = date(2017, 12, 1)

REPATRIATION_PLEDGE = CommitmentInfo(
    id=3,
    text=(
        "China and the United States consented to develop a process to repatriate illegal immigrants "
        "and fugitives, issuing travel documents within 30 days of verification."
    ),
    parties=BOTH,
    topics=REPATRIATION,
    made_on=MADE_ON,
)


def passage(text, *, parties=BOTH, topics=REPATRIATION, published=LATER):
    return Passage(text=text, start=0, end=len(text), parties=parties, topics=topics, published=published)


def ranked(passages, commitments=(REPATRIATION_PLEDGE,), **options) -> list[EvidenceMatch]:
    # Offsets as in one article, so that ties and identities are unambiguous.
    placed = [
        Passage(p.text, i * 1000, i * 1000 + len(p.text), p.parties, p.topics, p.published)
        for i, p in enumerate(passages)
    ]
    return rank_evidence(placed, list(commitments), **options)


def test_a_report_of_a_handover_ranks_first_above_generic_cooperation_language():
    # Given the repatriation pledge, a report of suspects handed over, and passages that only
    # talk about cooperation or repeat the pledge (tagged with the same topic, the worst case)
    handover = passage("The U.S. law enforcement has handed over two criminal suspects to Chinese police.")
    generic = passage("The two sides agreed to strengthen cooperation in law enforcement and cybersecurity.")
    restated = passage(
        "Both sides agreed to repatriate illegal immigrants and fugitives and to issue travel documents "
        "within 30 days of verification."
    )
    talk = passage("The two sides held candid talks and reaffirmed their commitment to deepen cooperation.")

    # When they are ranked for the pledge, with no score floor
    matches = ranked([generic, restated, talk, handover], min_score=0, limit_per_commitment=10)

    # Then the handover comes first, is proposed as "in progress", and beats the generic one clearly
    assert matches[0].passage.text == handover.text
    assert matches[0].proposed_status == "in_progress"
    by_text = {match.passage.text: match.score for match in matches}
    assert by_text[handover.text] > 2 * by_text[generic.text]
    assert by_text[handover.text] > by_text[restated.text]


def test_pledges_and_boilerplate_are_not_suggested_at_the_default_threshold():
    matches = ranked(
        [
            passage("The two sides agreed to strengthen cooperation in law enforcement and cybersecurity."),
            passage("China and the United States will continue to repatriate illegal immigrants."),
            passage("The U.S. law enforcement has handed over two criminal suspects to Chinese police."),
        ]
    )

    assert [match.passage.text for match in matches] == [
        "The U.S. law enforcement has handed over two criminal suspects to Chinese police."
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The United States deported 40 Chinese nationals on a chartered flight in March.", "in_progress"),
        ("Beijing police said three fugitives were repatriated from Los Angeles.", "in_progress"),
        ("The repatriation process was completed in January, officials said.", "fulfilled"),
        ("Officials said the repatriation agreement has been fully implemented.", "fulfilled"),
        ("Only some of the travel documents were issued within 30 days.", "partial"),
        ("Washington suspended the repatriation flights after the dispute.", "stalled"),
        ("Talks on the repatriation process were postponed indefinitely.", "stalled"),
        ("China failed to issue travel documents for the deportees within 30 days.", "broken"),
        ("The United States said China had violated the repatriation arrangement.", "broken"),
        ("Illegal immigration from China rose sharply last year.", None),
    ],
)
def test_it_proposes_the_status_the_passage_reports(text, status):
    matches = ranked([passage(text)], min_score=0)

    assert matches[0].proposed_status == status


def test_a_future_or_negated_act_is_not_reported_as_progress():
    matches = ranked(
        [
            passage("The suspects will be handed over to Chinese police next month."),
            passage("The U.S. has not yet handed over any fugitives to China."),
        ],
        min_score=0,
    )

    assert {match.proposed_status for match in matches} == {None}


def test_passages_published_before_the_commitment_are_never_suggested():
    # Given a concrete report from the day before the pledge was made
    before = passage("The U.S. handed over two criminal suspects to Chinese police.", published=date(2017, 10, 3))
    same_day = passage("The U.S. handed over a fugitive to Chinese police.", published=MADE_ON)

    matches = ranked([before, same_day], min_score=0)

    assert [match.passage.text for match in matches] == [same_day.text]


def test_an_undated_passage_is_suggested_below_the_same_passage_dated():
    text = "The U.S. handed over two criminal suspects to Chinese police."

    undated, dated = (ranked([passage(text, published=published)])[0].score for published in (None, LATER))

    assert 0 < undated < dated


def test_passages_about_other_parties_or_other_topics_are_not_suggested():
    other_parties = passage("Japan handed over two criminal suspects to Korean police.", parties=frozenset({JAPAN}))
    other_topic = passage("The U.S. and China seized 2 tons of fentanyl.", topics=frozenset({"counter-narcotics"}))

    assert ranked([other_parties, other_topic]) == []
    assert ranked([other_parties], min_score=0) == []


def test_a_handover_filed_under_law_enforcement_still_counts_for_the_repatriation_pledge():
    # Given a topic tagger that filed the handover under "law enforcement", not "repatriation"
    handover = passage(
        "WASHINGTON, May 2 -- The U.S. law enforcement has handed over two criminal suspects to Chinese "
        "police, the Ministry of Public Security said on Thursday.",
        topics=frozenset({"law-enforcement"}),
    )
    generic = passage(
        "The two sides agreed to strengthen cooperation and to keep in close communication.",
        topics=frozenset({"law-enforcement"}),
    )

    matches = ranked([generic, handover])

    assert [match.passage.text for match in matches] == [handover.text]
    assert matches[0].proposed_status == "in_progress"


def test_a_passage_naming_one_of_the_two_parties_still_counts_but_lower():
    text = "Chinese police received two suspects handed over at Beijing airport."
    one_side = ranked([passage(text, parties=frozenset({CHINA}))])[0].score
    both_sides = ranked([passage(text)])[0].score

    assert 0 < one_side < both_sides


def test_it_keeps_the_best_few_per_commitment_in_commitment_order():
    # Given two commitments and four concrete reports about the first one
    hotline = CommitmentInfo(
        id=7,
        text="The two sides will maintain the cybersecurity hotline mechanism.",
        parties=BOTH,
        topics=frozenset({"cybersecurity"}),
        made_on=MADE_ON,
    )
    reports = [
        passage("The U.S. handed over a fugitive to China."),
        passage("Three fugitives were repatriated to China from the United States in 2018."),
        passage("The U.S. deported 12 illegal immigrants to China after verification."),
        passage("China issued travel documents to 12 immigrants within 30 days of verification."),
        passage("Officials from both countries used the hotline 14 times.", topics=frozenset({"cybersecurity"})),
    ]

    matches = ranked(reports, commitments=[REPATRIATION_PLEDGE, hotline], limit_per_commitment=2)

    assert [match.commitment_id for match in matches] == [3, 3, 7]
    assert matches[0].score >= matches[1].score
    assert matches[2].passage.text.startswith("Officials from both countries used the hotline")
    assert all(0 < match.score <= 1 for match in matches)


def test_it_is_fast_enough_to_run_per_article_against_every_open_commitment():
    commitments = [
        CommitmentInfo(i, REPATRIATION_PLEDGE.text + f" Item {i}.", BOTH, REPATRIATION, MADE_ON) for i in range(200)
    ]
    article = [
        passage(f"Sentence {i}: the U.S. handed over {i} criminal suspects to Chinese police.") for i in range(300)
    ]

    started = time.perf_counter()
    ranked(article, commitments=commitments)

    assert time.perf_counter() - started < 2
