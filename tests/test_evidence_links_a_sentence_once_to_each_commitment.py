"""Two clauses of one sentence that bear on the same commitment are one piece of news for it: the
inbox gets one link, on the clause that scores it best; a clause bearing on another commitment keeps
its own. Texts written for the tests."""

from tracker.extraction.evidence import Card, Link, one_link_per_sentence


def card(text, start, sentence_start, *links):
    return Card("evidence", text, start, start + len(text), sentence_start, 100, tuple(links))


def test_two_clauses_of_a_sentence_on_one_commitment_give_one_link():
    first = card("第三轮中智渔业对话5月7日在利马举行", 0, 0, Link(1, 0.8, "fulfilled", None))
    second = card("这是该对话中断多年后首次恢复举行。", 20, 0, Link(1, 0.5, "fulfilled", None))

    assert one_link_per_sentence([first, second]) == [first]


def test_a_clause_on_another_commitment_or_another_sentence_keeps_its_link():
    first = card("The river commission met in Lima", 0, 0, Link(1, 0.8, "in_progress", None))
    other = card(
        "and the duties on wine were lowered.", 34, 0, Link(1, 0.4, "fulfilled", None), Link(2, 0.7, "fulfilled", None)
    )
    later = card("The river commission met again in May.", 120, 120, Link(1, 0.7, "in_progress", None))

    kept = one_link_per_sentence([first, other, later])

    assert [c.text for c in kept] == [first.text, other.text, later.text]
    assert [link.commitment_id for link in kept[1].links] == [2]
