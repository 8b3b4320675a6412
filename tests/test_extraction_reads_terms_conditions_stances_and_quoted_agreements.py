"""English sentences found while scoring batch 9 of tests/generality blind: a refrained-from measure
bound to a term is a negative pledge, an action that waits on another process or a trailing condition
is hedged, stances and calls for more cooperation are no commitments, a quoted 'we have agreed' has
both sides to it, 'agreed with X to' is an agreement, and the day a measure starts is its deadline."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import detect, explain
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)
PARTIES = ["Ghana", "Norway"]


def found(sentence, parties=PARTIES):
    return [(f.strength, f.parties) for f in detect(sentence, doc_date=DAY, parties=list(parties))]


def verdicts(sentence, parties=PARTIES):
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=list(parties))
    return [verdict for _kind, _clause, verdict in explain(sentence, context)]


def test_a_measure_refrained_from_for_a_term_is_a_negative_pledge():
    sentence = "Ghana will not impose new export restrictions on cocoa butter during the term of the partnership."
    assert found(sentence) == [("firm", ["Ghana"])]
    assert found("Under the truce, Oslo will not raise tariffs on Ghanaian steel while talks continue.") == [
        ("firm", ["Norway"])
    ]


def test_a_refusal_with_no_term_stays_a_refusal():
    assert verdicts("Norway will not impose additional tariffs on Ghanaian cocoa at this time.") == ["negated"]


def test_an_action_waiting_on_another_process_or_on_a_trailing_condition_is_hedged():
    once = (
        "The ministers agreed that, once the trade agreement review is concluded, the two countries will "
        "open negotiations on a minerals chapter."
    )
    assert found(once) == [("hedged", PARTIES)]
    trailing = (
        "Norway intends to buy 2 million tonnes of Ghanaian gas a year if the relevant projects reach a "
        "final investment decision."
    )
    assert found(trailing) == [("hedged", ["Norway"])]


def test_stances_and_reports_are_no_commitments():
    for sentence in (
        "Norway will take resolute measures to safeguard the legitimate rights and interests of Norwegian companies.",
        "Ghana will continue to support the EU and Norway in resolving trade frictions through negotiation.",
        "The two sides exchanged views on the Sahel and agreed to keep close communication.",
        "The leaders instructed their ministers to report on progress on these initiatives before the next dialogue.",
    ):
        assert found(sentence) == [], sentence


def test_support_with_a_measure_is_still_a_commitment():
    assert found("Norway will support Ghana in rebuilding its power grid with 500 million dollars.") == [
        ("firm", ["Norway"])
    ]


def test_a_call_on_both_sides_for_more_cooperation_in_fields_is_vague():
    assert found("He called on the two sides to strengthen cooperation in clean energy and critical minerals.") == []


def test_the_principles_of_a_charter_are_a_principle():
    sentence = (
        "The two sides note that the world is changing and reaffirm their commitment to the purposes and "
        "principles of the Charter of the United Nations and the African Union Charter."
    )
    assert found(sentence) == []


def test_a_verb_that_is_also_an_adjective_is_read_as_the_verb_before_an_article():
    assert found("Ghana and Norway agreed to complete the feasibility study of the Tema economic zone by 2032.") == [
        ("firm", PARTIES)
    ]


def test_a_quoted_we_have_agreed_has_both_sides_and_a_quoted_aim_is_intent():
    sentence = (
        '"We have agreed to hold the first round of negotiations in Oslo in June, and we aim to conclude '
        'the agreement by March 2032," the Ghanaian trade minister told reporters.'
    )
    assert found(sentence) == [("firm", PARTIES), ("intent", PARTIES)]


def test_agreed_with_a_counterpart_to_is_an_agreement():
    sentence = "We have also agreed with the Prime Minister to launch a programme of school exchanges for 5,000 pupils."
    assert found(sentence) == [("firm", PARTIES)]


def test_a_truce_agreed_is_a_measure():
    assert found("Ghana and Norway agreed on Friday to a six-month truce in their tariff dispute.") == [
        ("firm", PARTIES)
    ]


def test_the_day_a_pledged_measure_starts_is_its_deadline_and_until_gives_a_duration():
    starts = detect(
        "Ghana will grant Norwegian citizens visa-free entry starting from Jan. 1, 2032, the minister said.",
        doc_date=DAY,
        parties=PARTIES,
    )
    assert [f.deadline_label for f in starts] == ["2032-01-01"]
    lasts = detect(
        "Norway will extend its visa-free policy for Ghanaian citizens until the end of 2033.",
        doc_date=DAY,
        parties=PARTIES,
    )
    assert [f.deadline_label for f in lasts] == [None]


def test_a_policy_kept_under_review_is_no_action():
    assert found("What I can say is that Norway will keep its sanctions policy under review.") == []


def test_a_lead_in_that_is_only_a_subject_gives_it_to_the_items_below():
    text = (
        "The Prime Ministers of Ghana and Norway met in Accra.\n\nThe Prime Ministers also:\n\n"
        "- welcomed the conclusion of the third Strategic Dialogue;\n"
        "- agreed to hold a dialogue of foreign and defence ministers in Oslo in 2032;\n"
        "- discussed cooperation on countering extremism."
    )
    assert [(f.text, f.parties) for f in detect(text, doc_date=DAY)] == [
        ("agreed to hold a dialogue of foreign and defence ministers in Oslo in 2032", PARTIES)
    ]


def test_in_a_briefing_the_two_sides_are_the_pair_a_question_and_its_answer_name():
    text = (
        "Foreign Ministry Spokesperson's Regular Press Conference\n\n"
        "AFP: Ghana and Norway held a joint commission yesterday. Can you share details?\n\n"
        "Spokesperson: Ghana and Norway agreed to establish a joint working group on the cocoa trade.\n\n"
        "Reuters: Will the EU and Norway hold a trade dialogue soon?\n\n"
        "Spokesperson: The EU and Norway have agreed to hold a trade dialogue in Brussels in July. "
        "The two sides will also launch a dialogue on export control cooperation at the meeting."
    )
    found = detect(text, doc_date=DAY)
    assert [f.parties for f in found] == [["Ghana", "Norway"], ["EU", "Norway"], ["EU", "Norway"]]
