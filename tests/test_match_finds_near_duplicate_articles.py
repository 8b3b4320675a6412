"""The same story published twice, with small changes, is recognised; different stories are not."""

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.extraction.match import content_hash, hamming, is_near_duplicate, simhash

READOUT = (
    "On October 4, 2017, the United States and China held the first round of the Law Enforcement and "
    "Cybersecurity Dialogue in Washington. The dialogue was co-chaired by the Attorney General and the "
    "Secretary of Homeland Security for the United States, and by the State Councilor and Minister of "
    "Public Security for China.\n"
    "The two sides agreed to enhance cooperation on counter-narcotics, including on fentanyl and its "
    "precursors, and to exchange information on drug trafficking organisations that operate in both "
    "countries. They agreed to hold regular meetings of the working group on narcotics.\n"
    "On cybersecurity, the two sides reaffirmed the consensus reached by their presidents in 2015, agreed"
    " to maintain the hotline mechanism, and committed to respond in a timely manner to requests for "
    "assistance on cyber crimes and malicious cyber activities.\n"
    "On fugitives and illegal immigration, the two sides consented to develop a process to repatriate "
    "illegal immigrants and fugitives. Travel documents will be issued within thirty days of the "
    "completion of identity verification, and the process is to be finalized within three months.\n"
    "Both delegations expressed satisfaction with the outcome of the dialogue and agreed that the second "
    "round would be held in Beijing at a mutually convenient time. The readout was released by the "
    "Department of Justice after the meeting concluded."
)
# The other side's readout of the same meeting: another article, not a copy.
OTHER_READOUT = (
    "Attorney General and Acting Secretary of Homeland Security co-chaired the inaugural U.S.-China Law "
    "Enforcement and Cybersecurity Dialogue with Chinese State Councilor and Minister of Public Security "
    "in Washington on Wednesday.\n"
    "The United States pressed China to take further steps to stem the flow of fentanyl, and both sides "
    "committed to a joint strategy to fight illicit drug production. The U.S. side stressed that "
    "cooperation must produce concrete results.\n"
    "Participants discussed the removal of Chinese nationals with final orders of removal. The United "
    "States urged China to issue travel documents promptly. The two sides also talked about cyber-enabled"
    " theft of intellectual property and agreed to continue implementing the 2015 commitments.\n"
    "The Department of Homeland Security will host the next session. Officials described the talks as "
    "frank and productive."
)
OTHER_STORY = (
    "The European Union and Japan signed an economic partnership agreement in Tokyo on Tuesday, removing "
    "tariffs on most goods traded between them. The agreement covers nearly a third of the world economy.\n"
    "Officials said the deal would enter into force after ratification by the European Parliament and the"
    " Japanese Diet, which is expected early next year. Farmers in several member states have protested "
    "against the opening of markets to Japanese products.\n"
    "The two sides also agreed to continue negotiations on investment protection, where disagreements "
    "over the dispute settlement mechanism remain. A separate strategic partnership agreement covers "
    "cooperation on climate change, security and research."
)


def test_the_fingerprint_is_a_signed_64_bit_integer():
    for text in (READOUT, OTHER_STORY, "short", "中美执法及网络安全对话"):
        fingerprint = simhash(text)
        assert -(2**63) <= fingerprint < 2**63
    # Over a few texts, both halves of the range are used (bit 63 set means negative).
    signs = {simhash(f"story {i} of {i * 7} words about {i * i}") < 0 for i in range(40)}
    assert signs == {True, False}


def test_the_same_text_has_the_same_fingerprint_whatever_its_spacing_and_case():
    assert simhash(READOUT) == simhash("  " + READOUT.upper().replace(" ", "\n  "))


@pytest.mark.parametrize(
    "copy",
    [
        READOUT.replace("On October 4, 2017, the United States", "The United States"),
        READOUT.replace("thirty days", "30 days"),
        READOUT + "\nShare this article on social media.",
        READOUT.replace("On October 4, 2017, the", "The").replace("in Beijing at", "in Beijing in 2018 at"),
        "  " + READOUT.upper().replace(" ", "\n "),
    ],
    ids=["dateline-removed", "word-corrected", "line-appended", "two-edits", "case-and-spacing"],
)
def test_a_republished_copy_with_small_edits_is_a_near_duplicate(copy):
    assert is_near_duplicate(simhash(READOUT), simhash(copy))


@pytest.mark.parametrize("other", [OTHER_READOUT, OTHER_STORY], ids=["other-readout-of-the-meeting", "other-story"])
def test_a_different_article_is_not_a_near_duplicate(other):
    assert hamming(simhash(READOUT), simhash(other)) > 10
    assert not is_near_duplicate(simhash(READOUT), simhash(other))


def test_chinese_copies_are_near_duplicates_and_other_chinese_articles_are_not():
    article = (
        "2017年10月4日，首轮中美执法及网络安全对话在华盛顿举行。双方同意在遣返非法移民和追逃追赃方面加强合作，"
        "美方在核实身份后三十天内签发旅行证件，并在三个月内完成相关程序。双方还就禁毒、网络安全等议题交换了意见，"
        "同意继续保持热线机制，下一轮对话将在北京举行。双方同意，在打击跨国犯罪、禁毒、网络犯罪和反恐等领域开展务实合作。"
        "中方愿同美方一道，落实两国元首达成的重要共识，推动执法合作取得更多成果。美方表示，愿与中方加强沟通，"
        "妥善处理分歧，共同维护两国执法合作良好势头。"
    )
    other = (
        "国务院总理在北京会见欧盟委员会主席，双方就气候变化、贸易投资和绿色发展等议题深入交换意见，"
        "同意扩大市场开放，推动中欧投资协定早日生效，并加强在可再生能源和碳市场建设方面的合作。"
    )

    assert is_near_duplicate(simhash(article), simhash(article.replace("2017年10月4日，", "")))
    assert is_near_duplicate(simhash(article), simhash(article + "来源：新华社"))
    assert not is_near_duplicate(simhash(article), simhash(other))


def test_hamming_distance_counts_differing_bits_for_signed_values():
    assert hamming(0, 0) == 0
    assert hamming(-1, 0) == 64
    assert hamming(-(2**63), 0) == 1
    assert hamming(0b1011, 0b0001) == 2
    assert is_near_duplicate(0b1111, 0, max_distance=4)
    assert not is_near_duplicate(0b1111, 0, max_distance=3)


def test_an_empty_text_has_a_zero_fingerprint():
    assert simhash("") == 0
    assert simhash("  \n ") == 0


def test_the_content_hash_ignores_whitespace_and_case_only():
    assert content_hash("The two sides  agreed.\n") == content_hash("the TWO sides agreed.")
    assert content_hash("The two sides agreed.") != content_hash("The two sides disagreed.")
    assert content_hash("abc") == hashlib.sha256(b"abc").hexdigest()


def test_the_matching_module_runs_without_django():
    # Load match.py by its path in a fresh interpreter (not through the tracker package, whose
    # __init__ loads Celery), and check that nothing of Django came with it.
    path = Path(importlib.util.find_spec("tracker.extraction.match").origin)
    code = (
        "import importlib.util, sys;"
        f"spec = importlib.util.spec_from_file_location('match', {str(path)!r});"
        "module = sys.modules['match'] = importlib.util.module_from_spec(spec); spec.loader.exec_module(module);"
        "assert module.simhash('a b c') == module.simhash('A  b c');"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('django', 'celery', 'tracker')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
