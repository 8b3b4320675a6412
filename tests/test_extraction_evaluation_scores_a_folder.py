"""Given a folder of labelled documents, the evaluation pairs predictions with gold commitments by
word overlap and reports pooled and per-document precision, recall and F1 and the accuracy of
parties, topic, deadline and strength, listing misses and false alarms when asked."""

import io
import json

from django.core.management import call_command

from tracker.extraction.evaluate import evaluate_folder, format_report, score_document, token_set
from tracker.extraction.lexicon import default_lexicon

DOCUMENT = """\
The two sides agreed to open a hotline for urgent cybercrime cases.

Japan will provide patrol boats to the Philippines by the end of 2031.

The two sides discussed regional security.
"""

GOLD = {
    "title": "Example readout",
    "commitments": [
        {
            "text": "The two sides agreed to open a hotline for urgent cybercrime cases.",
            "parties": ["Japan", "Philippines"],
            "topic": "cybersecurity",
            "deadline": None,
            "strength": "firm",
        },
        {
            "text": "Japan will provide patrol boats to the Philippines by the end of 2031.",
            "parties": ["Japan"],
            "topic": "defense",
            "deadline": "2031-12-31",
            "strength": "firm",
        },
        {
            "text": "The Philippines will host the next meeting in Manila.",
            "parties": ["Philippines"],
            "topic": "dialogue",
            "deadline": None,
            "strength": "firm",
        },
    ],
}


def folder(tmp_path):
    (tmp_path / "readout-2031-01-05.txt").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "readout-2031-01-05.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_a_labelled_folder_is_scored_pooled_and_per_document(tmp_path):
    report = evaluate_folder(folder(tmp_path))
    (document,) = report.documents
    assert (document.tp, document.fp, document.fn) == (2, 0, 1)
    precision, recall, _f1 = report.pooled
    assert precision == 1.0 and round(recall, 3) == 0.667
    assert report.accuracy("strength") == 1.0
    assert report.accuracy("deadline") == 0.0  # the prediction writes the period end with its phrase
    lines = list(format_report(report, verbose=True))
    assert any(line.startswith("    missed: The Philippines will host") for line in lines)
    assert lines[-3].startswith("pooled: precision 1.000 recall 0.667")


def test_markup_and_quotes_do_not_stop_a_match():
    assert token_set('the <a href="x">two</a> sides&#xA0;agreed “to”') == token_set('The two sides agreed "to"')


def test_a_lead_in_or_a_headline_is_neither_right_nor_wrong():
    gold = {"title": "Leaders agree on new trade steps", "commitments": []}
    predicted = [
        {"text": "The leaders agree to take the following steps:"},
        {"text": "Leaders agree on new trade steps"},
    ]
    score = score_document("x", gold, predicted, lexicon=default_lexicon())
    assert (score.tp, score.fp, score.fn) == (0, 0, 0)


def test_party_aliases_and_topic_subsets_count_as_right():
    gold = {
        "commitments": [
            {
                "text": "China and the US will meet.",
                "parties": ["China", "United States"],
                "topic": "dialogue;trade",
                "deadline": None,
                "strength": "firm",
            }
        ]
    }
    predicted = [
        {
            "text": "China and the US will meet.",
            "parties": ["PRC", "U.S."],
            "topic": "trade",
            "deadline": None,
            "strength": "firm",
        }
    ]
    score = score_document("x", gold, predicted, lexicon=default_lexicon())
    assert score.fields["parties"] == [1, 1] and score.fields["topic"] == [1, 1]


def test_the_management_command_prints_the_report(tmp_path):
    out = io.StringIO()
    call_command("evaluate_extraction", str(folder(tmp_path)), "--verbose", stdout=out)
    text = out.getvalue()
    assert "pooled: precision 1.000 recall 0.667 f1 0.800" in text
    assert "missed: The Philippines will host" in text
