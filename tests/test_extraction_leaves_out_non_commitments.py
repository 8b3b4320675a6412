"""Sentences that sound like pledges but are not commitments under the labelling rules are left
out: past acts, discussion, needs, hopes and willingness, should/must, principles, vague
aspirations, calls on others, welcomed plans of others, predictions, ongoing work, logistics."""

import datetime

import pytest

from tracker.extraction.detect import detect

PARTIES = ["India", "Japan"]
DAY = datetime.date(2030, 5, 20)


def candidates(sentence):
    return detect(sentence, doc_date=DAY, parties=PARTIES)


@pytest.mark.parametrize(
    ("why", "sentence"),
    [
        ("past", "The two sides signed a memorandum on railway cooperation in 2028."),
        ("past", "India and Japan agreed to a framework for negotiating a trade agreement."),
        ("past", "Japan has handed over two suspects to Indian police."),
        ("discussed", "The two sides discussed next steps to reduce the flow of illicit drugs."),
        ("emphasized", "The leaders underscored the importance of cooperation on cybersecurity."),
        ("need", "Both sides agreed on the need to conclude an agreement on maritime security."),
        ("priority", "India said it remains a priority to resolve the cases of detained fishermen."),
        ("willingness", "Japan is ready to work with India to expand trade in critical minerals."),
        ("hope", "India hopes that Japan will increase investment in its semiconductor industry."),
        ("normative", "The two countries should strengthen cooperation on counter-terrorism."),
        ("normative", "The leaders said both sides must maintain open lines of communication."),
        ("principle", "The leaders reaffirmed their commitment to the rule of law and freedom of navigation."),
        ("vague", "We pledge to strengthen our partnership for the challenges of our time."),
        ("vague", "The two sides will continue to deepen their friendship."),
        ("third-party", "India called on all countries to refrain from unilateral actions."),
        ("third-party", "The leaders urged the two parties to the conflict to agree to a ceasefire."),
        ("welcomed", "Japan welcomed India's decision to join the maritime initiative."),
        ("prediction", "The new corridor will help boost trade between the two countries."),
        ("prediction", "The agreement is expected to increase bilateral investment."),
        ("ongoing", "We are working to strengthen cooperation on energy security."),
        ("logistics", "The Indian prime minister will attend the summit in Tokyo."),
        ("conditional", "If the talks succeed, Japan will lift tariffs on Indian steel."),
    ],
)
def test_a_sentence_that_is_not_a_commitment_gives_no_candidate(why, sentence):
    # Given a sentence of a kind the rules exclude, when detected, then nothing is proposed
    assert candidates(sentence) == [], why


def test_a_negative_pledge_is_a_commitment():
    found = candidates("The two governments agreed that neither side would knowingly support cyber theft.")
    assert len(found) == 1 and found[0].parties == PARTIES and found[0].topics[0] == "cybersecurity"


def test_boilerplate_link_lists_and_headlines_give_nothing():
    text = (
        "Related reading India Will Expand Imports From Japan Japan Pledges More Aid To Indian Ports "
        "Most Read Japan to boost tourism ties with India"
    )
    assert candidates(text) == []
