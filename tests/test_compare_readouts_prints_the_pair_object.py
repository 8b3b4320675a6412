"""`manage.py compare_readouts A B --json` runs the extraction on each account and prints the one
object the readout-pair scorer reads: both sides' commitments, the aligned pairs with their
relation, and the one-sided indices (every commitment exactly once on each side)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.texts.readouts import CHINA_ACCOUNT, US_READOUT


def compare(tmp_path, *extra):
    a = tmp_path / "us-readout.txt"
    b = tmp_path / "cn-account.txt"
    a.write_text(US_READOUT, encoding="utf-8")
    b.write_text(CHINA_ACCOUNT, encoding="utf-8")
    out = StringIO()
    call_command("compare_readouts", str(a), str(b), "--json", *extra, stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_it_prints_commitments_pairs_and_one_sided_items(tmp_path):
    result = compare(tmp_path)
    texts_a = [c["text"] for c in result["a"]["commitments"]]
    texts_b = [c["text"] for c in result["b"]["commitments"]]
    pairs = {(texts_a[p["a"]][:20], texts_b[p["b"]][:6], p["relation"]) for p in result["aligned"]}
    assert ("The two leaders agre", "两国元首同意", "same") in pairs
    flights = [p["relation"] for p in result["aligned"] if "航班" in texts_b[p["b"]]]
    assert flights == ["b_stronger"]
    assert [texts_b[j] for j in result["only_b"]] == ["双方同意建立人工智能政府间对话。"]
    for side, key in (("a", "only_a"), ("b", "only_b")):
        paired = {p[side] for p in result["aligned"]}
        assert paired.isdisjoint(result[key])
        assert paired | set(result[key]) == set(range(len(result[side]["commitments"])))


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("compare_readouts", str(tmp_path / "none.txt"), str(tmp_path / "none2.txt"), stdout=StringIO())
