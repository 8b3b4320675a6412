"""Given a report of a dialogue round, detect finds its pledges with parties, topic, deadline and
strength, and leaves out the past hand-over, the hope and the page's trailing headlines."""

import datetime

from tracker.extraction.document import extract_document

REPORT = """\
WASHINGTON, June 4 -- China and the United States pledged at their first law enforcement dialogue \
to strengthen cooperation in counter-narcotics, cybersecurity and the repatriation of fugitives.

The two sides agreed to open a hotline for urgent cyber incidents.

China and the United States will complete the repatriation of verified illegal migrants within 30 days.

Last month the U.S. side handed over two suspects to Chinese police.

China hopes that the U.S. side will return more fugitives.

今日要闻：夏粮收购工作有序开展
今日要闻：城市公园迎来游园高峰
今日要闻：青少年科技节在京开幕
"""

DAY = datetime.date(2031, 6, 4)


def detected():
    return extract_document(REPORT, kind="text", doc_date=DAY).commitments


def find(commitments, words):
    matches = [c for c in commitments if words in c.text]
    assert matches, f"{words!r} not detected in {[c.text for c in commitments]}"
    return matches[0]


def test_the_three_pledges_are_detected_and_nothing_else():
    # Given the report, when it is extracted, then exactly the three pledges are candidates
    texts = [c.text for c in detected()]
    assert len(texts) == 3, texts
    assert not any("handed over" in t for t in texts)
    assert not any("hopes" in t for t in texts)


def test_the_two_sides_are_the_documents_parties():
    hotline = find(detected(), "hotline")
    assert hotline.parties == ["China", "United States"]
    assert hotline.topics[0] == "cybersecurity"
    assert hotline.strength == "firm"


def test_a_relative_deadline_is_resolved_against_the_document_date():
    repatriation = find(detected(), "within 30 days")
    assert repatriation.deadline == DAY + datetime.timedelta(days=30)
    assert repatriation.deadline_text == "within 30 days"
    assert repatriation.deadline_exact is False
    assert repatriation.topics[0] in {"immigration", "repatriation/fugitives"}


def test_spans_are_offsets_into_the_clean_text():
    result = extract_document(REPORT, kind="text", doc_date=DAY)
    for commitment in result.commitments:
        assert result.document.text[commitment.start : commitment.end] == commitment.text
        assert commitment.sentence_start <= commitment.start < commitment.end <= commitment.sentence_end
        assert 0 < commitment.confidence <= 1


def test_the_dateline_is_not_part_of_the_pledge():
    pledge = find(detected(), "pledged")
    assert pledge.text.startswith("China and the United States pledged")
    assert pledge.deadline is None  # "at their first ... dialogue" is when it was said
