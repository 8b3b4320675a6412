"""Chinese follow-ups run several reports into one sentence and list many fields at once; an analyst
still reads each clause for what it reports and which pledge it names:

- a comma-chained sentence (流水句) is cut into the clauses that report something, a preposed time
  ("自…以来", "过去两年") staying with the clause after it;
- a list of many fields with results ("在外交、经贸、…等领域取得积极成果") is news of no pledge in particular,
  unless the passage also ties it to the pledge (the meeting where it was made);
- a broad pledge to keep up diplomacy "including consultations on arms control, maritime …" is not
  reported on by a passage on another subject that happens to name one of its examples;
- a channel reported kept up ("保持经常性战略沟通", "maintained regular communication") is news of the
  pledges to keep communicating, in either language."""

import datetime

from tracker.extraction.evidence import read_follow_up, units_of
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo

BOTH = frozenset({"China", "United States"})
MADE = datetime.date(2023, 11, 15)
LATER = datetime.date(2024, 11, 20)


def pledge(id, text, meeting="Leaders' summit San Francisco"):
    return CommitmentInfo(
        id=id, text=text, parties=BOTH, topics=frozenset(), made_on=MADE, meeting=meeting, reference=f"T-{id}"
    )


TRACKED = [
    pledge(1, "They welcomed the establishment of a working group on counternarcotics coordination."),
    pledge(2, "The two sides are resuming military-to-military communication at all levels."),
    pledge(
        3,
        "Their teams will continue high-level diplomacy and interactions, including working-level "
        "consultations on arms control, maritime issues and agriculture.",
    ),
    pledge(4, "The two leaders agreed to empower senior officials to maintain communication."),
    pledge(5, "The two sides will deepen cooperation on climate change."),
    pledge(6, "The two sides will expand cooperation on vaccine production."),
]
HEAD = "中美元首会晤在北京举行\n\n"


def links(text):
    cards = read_follow_up(HEAD + text, TRACKED, published=LATER, lexicon=default_lexicon(), title="")
    return [(card.text, sorted(link.commitment_id for link in card.links)) for card in cards if card.kind == "evidence"]


def test_a_comma_chained_sentence_is_read_clause_by_clause():
    sentence = "双方同意继续沟通，共同推动两国合作重回正轨，恢复了禁毒工作组会议，在疫苗生产方面取得了积极成果。"

    texts = [unit.text for unit in units_of(sentence)]

    assert "恢复了禁毒工作组会议" in texts
    assert "在疫苗生产方面取得了积极成果。" in texts
    found = dict(links(sentence))
    assert found["恢复了禁毒工作组会议"] == [1]
    assert found["在疫苗生产方面取得了积极成果。"] == [6]


def test_a_preposed_time_stays_with_its_clause():
    sentence = "自旧金山会晤以来，双方在禁毒领域取得了实实在在的成果。"

    assert [unit.text for unit in units_of(sentence)] == [sentence]


def test_a_long_list_of_fields_is_news_of_no_pledge_in_particular():
    text = "过去两年，双方在外交、经贸、金融、军队、禁毒、农业、气候变化、人文等领域取得了积极成果。"

    assert links(text) == []


def test_a_list_tied_to_the_meeting_where_the_pledges_were_made_is_news_of_them():
    text = "特别是旧金山会晤以来，双方在军事、禁毒、执法、气候变化、人文交流等方面取得实实在在的成果。"

    [(_, ids)] = links(text)
    assert {1, 2, 5} <= set(ids)


def test_a_short_list_is_read_field_by_field():
    text = "双方在禁毒、气候变化领域取得了积极进展。"

    [(_, ids)] = links(text)
    assert set(ids) == {1, 5}


def test_a_broad_pledge_is_not_news_of_another_subject_that_names_one_of_its_examples():
    text = "双方就人工智能治理进行了建设性对话，确认应维持由人类控制核武器使用的决定。"

    assert all(3 not in ids for _, ids in links(text))


def test_english_passage_on_an_example_of_the_broad_pledge_still_counts():
    cards = read_follow_up(
        "China and the United States met in Beijing.\n\n"
        "Their teams held working-level consultations on maritime issues and arms control in Beijing.",
        TRACKED,
        published=LATER,
        lexicon=default_lexicon(),
        title="",
    )
    assert any(3 in [link.commitment_id for link in card.links] for card in cards)


def test_a_channel_kept_up_is_news_of_the_pledges_to_keep_communicating_in_either_language():
    chinese = "过去一年，双方外交团队保持经常性战略沟通，为增进相互了解发挥了作用。"
    english = (
        "China and the United States met in Beijing.\n\n"
        "Over the past year the senior officials of both sides maintained regular strategic communication."
    )

    [(_, in_chinese)] = links(chinese)
    assert 4 in in_chinese
    cards = read_follow_up(english, TRACKED, published=LATER, lexicon=default_lexicon(), title="")
    assert any(4 in [link.commitment_id for link in card.links] for card in cards)


def test_a_channel_only_promised_is_no_report():
    assert links("双方愿继续保持沟通联系。") == []
