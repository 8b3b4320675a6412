"""`manage.py suggest_evidence --commitments FILE.jsonl DOC... --json` reads later documents against
tracked commitments from a file, writes nothing, and prints one JSON object per document: the
suggestions (ref, passage, offsets, status, party, score) and, apart, the restatements."""

import io
import json

import pytest
from django.core.management import call_command

from tracker.commitments.models import Commitment
from tracker.ingest.models import Article, Suggestion

TRACKED = [
    {
        "ref": "T23-01",
        "text": "They welcomed the establishment of a working group on counternarcotics coordination.",
        "parties": ["China", "United States"],
        "topics": ["counter-narcotics"],
        "made": "2023-11-15",
        "source": "example-summit-2023-11-15",
        "deadline": None,
    },
    {
        "ref": "T23-02",
        "text": "The United States will continue to support its allies in the region.",
        "parties": ["United States"],
        "topics": ["defense"],
        "made": "2023-11-15",
        "source": "example-summit-2023-11-15",
        "deadline": None,
    },
]

LATER = """Readout of the working group meeting

On July 31, the United States and China held a senior official meeting of the Counternarcotics Working Group.

The two sides held candid and constructive discussions.

The President reaffirmed that the United States will continue to support its allies in the region.
"""

UNRELATED = """A statement on river shipping

Canada and Mexico held talks on river shipping and agreed to meet again.
"""


@pytest.fixture
def files(tmp_path):
    commitments = tmp_path / "commitments.jsonl"
    commitments.write_text("\n".join(json.dumps(row) for row in TRACKED) + "\n", encoding="utf-8")
    later = tmp_path / "example-working-group-2024-08-01.txt"
    later.write_text(LATER, encoding="utf-8")
    unrelated = tmp_path / "example-river-shipping-2024-09-01.txt"
    unrelated.write_text(UNRELATED, encoding="utf-8")
    return commitments, later, unrelated


def run(*args) -> list[dict]:
    out = io.StringIO()
    call_command("suggest_evidence", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_it_prints_one_line_per_document_with_suggestions_and_restatements(files):
    commitments, later, unrelated = files

    lines = run("--commitments", str(commitments), str(later), str(unrelated), "--json")

    assert [line["path"] for line in lines] == [str(later), str(unrelated)]
    first, second = lines
    assert first["date"] == "2024-08-01"  # from the file name: the text has none
    [suggestion] = first["suggestions"]
    assert suggestion["ref"] == "T23-01" and suggestion["status"] == "in_progress" and suggestion["party"] is None
    assert "Counternarcotics Working Group" in suggestion["text"]
    # Offsets are into the document's clean text (its heading is the title, not text).
    assert suggestion["text"] in LATER and suggestion["end"] - suggestion["start"] == len(suggestion["text"])
    assert 0 < suggestion["score"] <= 1
    assert [r["ref"] for r in first["reaffirmations"]] == ["T23-02"]
    assert second["suggestions"] == [] and second["reaffirmations"] == []
    # Nothing was written.
    assert not Article.objects.exists() and not Suggestion.objects.exists() and not Commitment.objects.exists()


@pytest.mark.django_db
def test_a_document_never_reports_on_its_own_commitments(files, tmp_path):
    commitments, _, _ = files
    own = tmp_path / "example-summit-2023-11-15.txt"
    own.write_text(LATER, encoding="utf-8")

    [line] = run("--commitments", str(commitments), str(own), "--date", "2024-08-01")

    assert line["suggestions"] == [] and line["reaffirmations"] == []
