"""`manage.py tune_alignment DIR` grid-searches the alignment's constants with the pair set's own
scorer (here a small stand-in written by the test, over texts of our own) and reports the fitted and
leave-one-pair-out figures, leaving the constants as they were."""

import json
import textwrap

import pytest
from django.core.management import CommandError, call_command

from tracker.extraction import align

SCORER = textwrap.dedent(
    """
    import json
    from pathlib import Path

    def load_pairs(root):
        pairs = {}
        for path in sorted(Path(root).glob("*.pair.json")):
            spec = json.loads(path.read_text())
            docs = {}
            for key, side in zip("ab", spec["sides"]):
                doc = Path(root) / side
                docs[key] = {"path": doc, "gold": json.loads(doc.with_suffix(".gold.json").read_text())}
            pairs[path.name[: -len(".pair.json")]] = {**docs, "aligned": {tuple(p) for p in spec["aligned"]}}
        return pairs

    def score_pair(pair, answer):
        found = {(p["a"], p["b"]) for p in answer["aligned"]}
        only = len(answer["only_a"]) + len(answer["only_b"])
        return {"aligned": {"tp": len(found & pair["aligned"]), "pred": len(found), "gold": len(pair["aligned"])},
                "only": {"tp": only, "pred": only}}
    """
)


def write_pair(root, name, english, chinese, aligned):
    for suffix, text, language in (("en", english, "en"), ("zh", chinese, "zh")):
        (root / f"{name}-{suffix}.txt").write_text(" ".join(text), encoding="utf-8")
        gold = {"language": language, "commitments": [{"text": t, "strength": "firm"} for t in text]}
        (root / f"{name}-{suffix}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    spec = {"sides": [f"{name}-en.txt", f"{name}-zh.txt"], "aligned": aligned}
    (root / f"{name}.pair.json").write_text(json.dumps(spec), encoding="utf-8")


def test_the_report_has_fitted_and_held_out_figures_and_leaves_the_constants(tmp_path, capsys):
    (tmp_path / "score_pairs.py").write_text(SCORER, encoding="utf-8")
    write_pair(
        tmp_path,
        "first",
        ["The two sides agreed to set up a counter-narcotics working group."],
        ["双方同意成立禁毒合作工作组。"],
        [[0, 0]],
    )
    write_pair(
        tmp_path,
        "second",
        ["The two sides agreed to increase passenger flights next year."],
        ["双方同意明年增加航班。"],
        [[0, 0]],
    )
    before = align.MIN_SCORE
    call_command("tune_alignment", str(tmp_path), "--json")
    report = json.loads(capsys.readouterr().out)
    assert set(report["chosen_without"]) == {"first", "second"}
    assert report["all"]["labelled"]["align_f1"] == 1.0
    assert report["leave_one_out"]["labelled"]["align_f1"] == 1.0
    assert report["current"]["MIN_SCORE"] == before == align.MIN_SCORE


def test_a_directory_without_a_scorer_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"score_pairs\.py"):
        call_command("tune_alignment", str(tmp_path))
