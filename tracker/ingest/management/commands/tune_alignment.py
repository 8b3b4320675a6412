"""``manage.py tune_alignment ../shared/readout-pairs``: choose the alignment's constants by a grid
search and say what to expect of them, leave-one-pair-out (writes nothing).

Each side of each pair is extracted once, as `compare_readouts` does it, and the labelled
commitments are read too (alignment alone). For every combination of the constants of
`tracker.extraction.align` in GRID, both lists are aligned and scored with the pair set's own
`score_pairs.py` (imported from the directory, as it imports `devset/score.py`). The objective is
alignment F1 over both lists, with one-sided precision up to 0.75 as a tie-break; among the
combinations that tie, the one nearest the median of each constant (the middle of the plateau) is
taken. Leave-one-pair-out: each pair is scored with the constants chosen on the other pairs; the
pooled figures of those held-out answers are what to expect on a new pair.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import statistics
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction import align
from tracker.extraction.cli import load_source
from tracker.extraction.document import extract_document

GRID = {
    "MIN_SCORE": [0.25, 0.3, 0.35, 0.4],
    "MIN_EXTRA": [0.15, 0.2, 0.25],
    "OTHER_ACTOR": [0.3, 0.5],
    "OTHER_ACT": [0.5, 0.7, 1.0],
    "COVERED": [0.4, 0.5],
    "OTHER_PARTIES": [0.3, 0.55],
    "ACT_WEIGHT": [0.0, 0.5, 1.0],
}
MODES = ("pipeline", "labelled")


def _scorer(directory: Path):
    spec = importlib.util.spec_from_file_location("score_pairs", directory / "score_pairs.py")
    if spec is None or not (directory / "score_pairs.py").exists():
        raise CommandError(f"no score_pairs.py in {directory}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sides(pair: dict) -> dict[str, tuple[list[align.Item], list[align.Item]]]:
    """Per side: (the pipeline's items, the labelled items)."""
    out = {}
    for key in ("a", "b"):
        path = pair[key]["path"]
        data, content_type = load_source(str(path))
        result = extract_document(data, filename=path.name, content_type=content_type)
        gold = pair[key]["gold"]
        labelled = [
            align.Item(
                text=c["text"],
                strength=c.get("strength", "firm"),
                parties=tuple(c.get("parties") or ()),
                topics=tuple(t for t in (c.get("topic") or "").split(";") if t),
                language=gold.get("language"),
            )
            for c in gold["commitments"]
        ]
        out[key] = ([align.item_from_detected(c, result.document.language) for c in result.commitments], labelled)
    return out


def _answer(items_a, items_b) -> dict:
    def listed(items):
        return {"commitments": [{"text": i.text, "parties": list(i.parties), "strength": i.strength} for i in items]}

    return {"a": listed(items_a), "b": listed(items_b), **align.align(items_a, items_b).as_json()}


def _pooled(counts: list[dict]) -> dict:
    tp, pred, gold = (sum(c[k] for c in counts) for k in ("tp", "pred", "gold"))
    only_tp, only_pred = sum(c["only_tp"] for c in counts), sum(c["only_pred"] for c in counts)
    precision = tp / pred if pred else 1.0
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    only_precision = only_tp / only_pred if only_pred else 1.0
    return {
        "align_precision": round(precision, 3),
        "align_recall": round(recall, 3),
        "align_f1": round(f1, 3),
        "only_precision": round(only_precision, 3),
    }


def _objective(counts: dict, names) -> float:
    figures = [_pooled([counts[mode, n] for n in names]) for mode in MODES]
    return sum(f["align_f1"] + 0.5 * min(f["only_precision"], 0.75) for f in figures)


def _choose(results: list[tuple[dict, dict]], names) -> tuple[dict, dict]:
    """The best combination on `names`; among ties, the one nearest the median of each constant."""
    top = max(_objective(counts, names) for _params, counts in results)
    tied = [r for r in results if _objective(r[1], names) >= top - 1e-9]
    middle = {k: statistics.median_low(sorted(params[k] for params, _c in tied)) for k in GRID}

    def distance(result):
        return sum(abs(result[0][k] - middle[k]) / ((max(GRID[k]) - min(GRID[k])) or 1) for k in GRID)

    return min(tied, key=distance)


class Command(BaseCommand):
    help = "Choose the alignment's constants by grid search; print leave-one-pair-out figures (writes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the readout-pairs directory (with *.pair.json and score_pairs.py)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, directory, **options):
        root = Path(directory).resolve()
        scorer = _scorer(root)
        pairs = scorer.load_pairs(root)
        sides = {name: _sides(pair) for name, pair in pairs.items()}
        saved = {k: getattr(align, k) for k in GRID}
        results = []
        try:
            for combo in itertools.product(*GRID.values()):
                params = dict(zip(GRID, combo, strict=True))
                for key, value in params.items():
                    setattr(align, key, value)
                counts = {}
                for name, pair in pairs.items():
                    for m, mode in enumerate(MODES):
                        scored = scorer.score_pair(pair, _answer(sides[name]["a"][m], sides[name]["b"][m]))
                        counts[mode, name] = {
                            **{k: scored["aligned"][k] for k in ("tp", "pred", "gold")},
                            "only_tp": scored["only"]["tp"],
                            "only_pred": scored["only"]["pred"],
                        }
                results.append((params, counts))
        finally:
            for key, value in saved.items():
                setattr(align, key, value)
        names = sorted(pairs)
        best_params, best_counts = _choose(results, names)
        report = {
            "current": saved,
            "chosen_on_all": best_params,
            "all": {mode: _pooled([best_counts[mode, n] for n in names]) for mode in MODES},
            "leave_one_out": {},
            "chosen_without": {},
        }
        held_out_counts = {}
        for held in names:
            params, counts = _choose(results, [n for n in names if n != held])
            report["chosen_without"][held] = params
            for mode in MODES:
                held_out_counts[mode, held] = counts[mode, held]
        report["leave_one_out"] = {mode: _pooled([held_out_counts[mode, n] for n in names]) for mode in MODES}
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        self.stdout.write(f"constants now:       {saved}")
        self.stdout.write(f"chosen on all pairs: {best_params}")
        for mode in MODES:
            self.stdout.write(f"  {mode:9} all pairs, fitted:   {report['all'][mode]}")
            self.stdout.write(f"  {mode:9} leave-one-pair-out: {report['leave_one_out'][mode]}")
        for held, params in report["chosen_without"].items():
            self.stdout.write(f"  chosen without {held}: {params}")
