"""The command line tools print one JSON object per document per line and write nothing:
``python -m tracker.extraction --json`` and ``manage.py extract --json`` alike, with the meeting's
parties and the date overridable; a document that cannot be read fails alone."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent
READOUT = """\
---
title: Readout of the Example Trade Talks
date: '2031-02-03'
---

The two sides agreed to hold the next round of trade talks by the end of March.

They also discussed the importance of supply chains.
"""


@pytest.fixture
def readout(tmp_path):
    path = tmp_path / "readout.md"
    path.write_text(READOUT, encoding="utf-8")
    return path


def check_line(line, path):
    data = json.loads(line)
    assert data["path"] == str(path)
    assert data["title"] == "Readout of the Example Trade Talks"
    assert data["date"] == "2031-02-03" and data["language"] == "en"
    (commitment,) = data["commitments"]
    assert set(commitment) == {"text", "start", "end", "parties", "topic", "deadline", "strength", "confidence"}
    assert data["text"][commitment["start"] : commitment["end"]] == commitment["text"]
    assert commitment["deadline"] == "2031-03-31 (by the end of March)"
    return commitment


def test_the_module_prints_one_json_line_per_document(readout):
    done = subprocess.run(
        [sys.executable, "-m", "tracker.extraction", "--json", "--meeting-parties", "Japan,Canada", str(readout)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    (line,) = done.stdout.splitlines()
    assert check_line(line, readout)["parties"] == ["Canada", "Japan"]


def test_the_management_command_prints_the_same_json(readout):
    out = io.StringIO()
    call_command("extract", str(readout), "--json", "--meeting-parties", "Japan,Canada", stdout=out)
    (line,) = out.getvalue().splitlines()
    check_line(line, readout)


def test_the_date_option_overrides_the_documents_own(readout):
    out = io.StringIO()
    call_command(
        "extract", str(readout), "--json", "--date", "2031-05-01", "--meeting-parties", "Japan,Canada", stdout=out
    )
    data = json.loads(out.getvalue())
    assert data["date"] == "2031-05-01"
    assert data["commitments"][0]["deadline"] == "2032-03-31 (by the end of March)"


def test_a_missing_file_is_reported_and_the_others_still_print(readout, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(tmp_path / "missing.txt"), str(readout), stdout=out, stderr=err)
    assert len(out.getvalue().splitlines()) == 1
    assert "missing.txt" in err.getvalue()


def test_a_bad_date_is_a_clear_error(readout):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract", str(readout), "--date", "March 2031", stdout=io.StringIO())
