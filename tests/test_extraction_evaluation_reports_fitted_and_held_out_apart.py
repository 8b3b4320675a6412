"""Given a labelled folder, the evaluation keeps a fixed third of its documents aside (names sorted by
their SHA-256 digest, every third from the first) and reports the fitted and the held-out parts
apart, so rules written while reading some documents are judged on the others."""

import hashlib
import io
import json

from django.core.management import call_command

from tracker.extraction.evaluate import evaluate_folder, held_out_names

PLEDGE = """\
Japan and the Philippines held their first cybercrime dialogue in Manila.

The two sides agreed to open a hotline for urgent cybercrime cases.
"""
GOLD = {
    "title": "Readout",
    "commitments": [
        {
            "text": "The two sides agreed to open a hotline for urgent cybercrime cases.",
            "parties": ["Japan", "Philippines"],
            "topic": "cybersecurity",
            "deadline": None,
            "strength": "firm",
        }
    ],
}
NAMES = [f"readout-2031-01-0{n}" for n in range(1, 7)]


def labelled_folder(tmp_path):
    for name in NAMES:
        (tmp_path / f"{name}.txt").write_text(PLEDGE, encoding="utf-8")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_the_held_out_third_is_every_third_name_in_digest_order():
    by_digest = sorted(NAMES, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
    assert held_out_names(NAMES) == {by_digest[0], by_digest[3]}
    assert held_out_names(reversed(NAMES)) == held_out_names(NAMES)


def test_each_part_can_be_scored_alone(tmp_path):
    folder = labelled_folder(tmp_path)
    held_out = evaluate_folder(folder, split="held-out")
    fitted = evaluate_folder(folder, split="fitted")
    assert {d.name for d in held_out.documents} == held_out_names(NAMES)
    assert len(fitted.documents) == 4 and not {d.name for d in fitted.documents} & held_out_names(NAMES)


def test_the_whole_report_gives_both_parts_beside_the_total(tmp_path):
    out = io.StringIO()
    call_command("evaluate_extraction", str(labelled_folder(tmp_path)), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["documents"] == 6
    assert figures["parts"]["fitted"]["documents"] == 4
    assert figures["parts"]["held-out"]["documents"] == 2
    assert figures["parts"]["held-out"]["f1"] == 1.0


def test_the_text_report_names_each_part(tmp_path):
    out = io.StringIO()
    call_command("evaluate_extraction", str(labelled_folder(tmp_path)), stdout=out)
    text = out.getvalue()
    assert "fitted part: 4 documents, f1 1.000" in text
    assert "held-out part: 2 documents, f1 1.000" in text
