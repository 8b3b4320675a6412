"""`commitments.csv_import.import_rows` is the verb behind the editors' CSV import: keyword-only
author and commit, every row through the actions, all rows written or none."""

from __future__ import annotations

import pytest

from tracker.commitments.csv_import import import_rows
from tracker.commitments.models import Commitment

HEADER = ["reference", "title", "quote", "parties", "topics", "meeting"]


def row(reference, title, meeting, topic, **cells):
    return {
        "reference": reference,
        "title": title,
        "quote": f"The two sides will {title.lower()}.",
        "parties": "cn;us",
        "topics": topic.key,
        "meeting": meeting.slug,
        **cells,
    }


def test_author_and_commit_are_keyword_only(db):
    with pytest.raises(TypeError):
        import_rows(HEADER, [], None, True)


def test_a_preview_writes_nothing_and_a_commit_writes_every_row(erin, meeting, topic):
    rows = [
        (2, row("LED-2017-51", "Meet again", meeting, topic)),
        (3, row("LED-2017-52", "Share lists", meeting, topic)),
    ]

    preview = import_rows(HEADER, rows, author=erin, commit=False)
    assert not preview.errors and not preview.written
    assert preview.counts == {"create": 2, "update": 0, "unchanged": 0}
    assert not Commitment.objects.filter(reference__in=["LED-2017-51", "LED-2017-52"]).exists()

    report = import_rows(HEADER, rows, author=erin, commit=True)
    assert report.written
    made = Commitment.objects.get(reference="LED-2017-52")
    assert made.title == "Share lists" and made.history.latest().history_user == erin


def test_one_bad_row_keeps_every_row_out(erin, meeting, topic):
    rows = [
        (2, row("LED-2017-61", "Meet again", meeting, topic)),
        (3, row("LED-2017-62", "Share lists", meeting, topic, parties="Atlantis")),
    ]
    report = import_rows(HEADER, rows, author=erin, commit=True)
    assert not report.written
    assert [(e.line, e.messages) for e in report.errors] == [(3, ["parties: unknown party: Atlantis"])]
    assert not Commitment.objects.filter(reference="LED-2017-61").exists()
