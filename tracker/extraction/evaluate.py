"""Score extraction against a labelled folder (the devset layout: NAME.txt/.html/.md + NAME.gold.json).

The matching follows the "Scoring advice" of the labelling rules: a predicted commitment is
paired with at most one gold commitment when their word sets overlap enough (Jaccard >= 0.5
after removing markup and unifying quotes; Chinese is compared by character pairs), best pairs
first. An unpaired prediction is a false alarm unless it only repeats the title or is a list
lead-in (ends with ":"), which the rules leave unscored. On paired commitments:
- parties: the same set, after resolving aliases with the lexicon ("U.S." = "United States");
- topic: right when the predicted topics are a non-empty subset of the gold ones;
- deadline: compared when the gold deadline is an ISO date or the prediction invents one;
- strength: equal.
Precision, recall and F1 are reported pooled over all commitments and averaged per document.

Honest figures: rules written while reading some documents score higher on those than on the next
text. Every labelled folder is split the same way for everybody (``held_out_names``): its document
names sorted by their SHA-256 digest, every third from the first is held out. The report gives the
fitted part and the held-out part separately; only the held-out figure says how the extraction does
on a text it has never seen.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.extraction.lexicon import Lexicon, default_lexicon

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md")
PAIR_THRESHOLD = 0.5
TITLE_THRESHOLD = 0.8
FIELDS = ("parties", "topic", "strength", "deadline")
SPLITS = ("all", "fitted", "held-out")
HELD_OUT_EVERY = 3  # one document in three is kept aside: never read while writing rules or training

_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_ISO = re.compile(r"\s*(\d{4}-\d{2}-\d{2})\s*")


def token_set(text: str | None) -> frozenset[str]:
    """Words of a text without markup; runs of Chinese characters give their character pairs."""
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text or "")).translate(_QUOTES).lower()
    tokens = set(_WORD.findall(plain))
    for run in _HAN.findall(plain):
        tokens.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(tokens)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union and a and b else 0.0


def iso_or_none(value: object) -> str | None:
    match = _ISO.fullmatch(str(value or ""))
    return match.group(1) if match else None


def topics_of(value: object) -> set[str]:
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    return {part.strip().lower() for part in str(value or "").split(";") if part.strip()}


@dataclass
class DocumentScore:
    name: str
    split: str = "fitted"
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]


@dataclass
class Report:
    documents: list[DocumentScore]

    @property
    def totals(self) -> tuple[int, int, int]:
        return (sum(d.tp for d in self.documents), sum(d.fp for d in self.documents), sum(d.fn for d in self.documents))

    @property
    def pooled(self) -> tuple[float, float, float]:
        return prf(*self.totals)

    @property
    def macro_f1(self) -> float:
        return sum(d.f1 for d in self.documents) / len(self.documents) if self.documents else 0.0

    def accuracy(self, name: str) -> float | None:
        right = sum(d.fields[name][0] for d in self.documents)
        total = sum(d.fields[name][1] for d in self.documents)
        return right / total if total else None

    def part(self, split: str) -> Report:
        """The documents of one part of the fixed split ("all" gives the whole report)."""
        return self if split == "all" else Report([d for d in self.documents if d.split == split])

    def as_dict(self) -> dict[str, Any]:
        """The whole report's figures, with the fitted and held-out parts beside them."""
        figures = self.summary()
        figures["parts"] = {split: self.part(split).summary() for split in SPLITS[1:] if self.part(split).documents}
        figures["per_document"] = {
            d.name: {"split": d.split, "tp": d.tp, "fp": d.fp, "fn": d.fn, "f1": round(d.f1, 3)} for d in self.documents
        }
        return figures

    def summary(self) -> dict[str, Any]:
        precision, recall, f1 = self.pooled
        tp, fp, fn = self.totals
        return {
            "documents": len(self.documents),
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "macro_f1": round(self.macro_f1, 3),
            **{f"{name}_accuracy": _round(self.accuracy(name)) for name in FIELDS},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_document(
    name: str,
    gold: dict[str, Any],
    predicted: list[dict[str, Any]],
    *,
    lexicon: Lexicon,
    split: str = "fitted",
) -> DocumentScore:
    score = DocumentScore(name, split=split)
    gold_items = gold.get("commitments") or []
    gold_tokens = [token_set(g.get("text")) for g in gold_items]
    predicted_tokens = [token_set(p.get("text")) for p in predicted]
    candidates = sorted(
        ((overlap(gt, pt), gi, pi) for gi, gt in enumerate(gold_tokens) for pi, pt in enumerate(predicted_tokens)),
        reverse=True,
    )
    paired_gold: set[int] = set()
    paired_predicted: set[int] = set()
    for similarity, gi, pi in candidates:
        if similarity < PAIR_THRESHOLD:
            break
        if gi in paired_gold or pi in paired_predicted:
            continue
        paired_gold.add(gi)
        paired_predicted.add(pi)
        _compare_fields(score, gold_items[gi], predicted[pi], lexicon)
    score.tp = len(paired_gold)
    title = token_set(gold.get("title"))
    for pi, item in enumerate(predicted):
        if pi in paired_predicted:
            continue
        text = (item.get("text") or "").strip()
        if text.endswith(":") or (title and overlap(predicted_tokens[pi], title) >= TITLE_THRESHOLD):
            continue  # a lead-in or a headline: not scored either way
        score.fp += 1
        score.false_alarms.append(text)
    for gi, item in enumerate(gold_items):
        if gi not in paired_gold:
            score.fn += 1
            score.misses.append(item.get("text") or "")
    return score


def _party_set(value: Any, lexicon: Lexicon) -> set[str]:
    if isinstance(value, str):
        value = [p for p in re.split(r"[;,]", value) if p.strip()]
    out = set()
    for item in value or []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("code") or ""
        name = str(item).strip()
        out.add((lexicon.canonical(name) or name).lower())
    return out


def _compare_fields(score: DocumentScore, gold: dict[str, Any], predicted: dict[str, Any], lexicon: Lexicon) -> None:
    def record(name: str, right: bool, detail: str) -> None:
        score.fields[name][1] += 1
        if right:
            score.fields[name][0] += 1
        else:
            score.field_errors.append(f"{name}: gold {detail} | {(predicted.get('text') or '')[:90]}")

    gold_parties = _party_set(gold.get("parties"), lexicon)
    predicted_parties = _party_set(predicted.get("parties"), lexicon)
    record("parties", gold_parties == predicted_parties, f"{sorted(gold_parties)} got {sorted(predicted_parties)}")
    gold_topics, predicted_topics = topics_of(gold.get("topic")), topics_of(predicted.get("topic"))
    record(
        "topic",
        bool(predicted_topics) and predicted_topics <= gold_topics,
        f"{sorted(gold_topics)} got {sorted(predicted_topics)}",
    )
    record(
        "strength",
        str(gold.get("strength")) == str(predicted.get("strength")),
        f"{gold.get('strength')} got {predicted.get('strength')}",
    )
    gold_deadline, predicted_deadline = iso_or_none(gold.get("deadline")), iso_or_none(predicted.get("deadline"))
    if gold_deadline or (gold.get("deadline") is None and predicted_deadline):
        detail = f"{gold.get('deadline')} got {predicted.get('deadline')}"
        record("deadline", gold_deadline == predicted_deadline, detail)


def labelled_documents(folder: str | Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """(name, document path, gold labels) for every NAME.gold.json with its document beside it."""
    found = []
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        beside = (gold_path.with_name(name + suffix) for suffix in DOCUMENT_SUFFIXES)
        document = next((path for path in beside if path.exists()), None)
        if document is None:
            raise FileNotFoundError(f"no document beside {gold_path.name}")
        found.append((name, document, json.loads(gold_path.read_text(encoding="utf-8"))))
    if not found:
        raise FileNotFoundError(f"no *.gold.json in {folder}")
    return found


def held_out_names(names: Iterable[str]) -> set[str]:
    """The fixed held-out third of a folder: names sorted by SHA-256 digest, every third from the first."""
    ordered = sorted(names, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
    return set(ordered[::HELD_OUT_EVERY])


def split_of(name: str, held_out: set[str]) -> str:
    return "held-out" if name in held_out else "fitted"


def _extract(path: Path) -> list[dict[str, Any]]:
    from tracker.extraction.document import extract_document, result_to_json

    result = extract_document(path.read_bytes(), filename=path.name)
    commitments: list[dict[str, Any]] = result_to_json(str(path), result)["commitments"]
    return commitments


def evaluate_folder(
    folder: str | Path,
    *,
    extract: Callable[[Path], list[dict[str, Any]]] = _extract,
    lexicon: Lexicon | None = None,
    split: str = "all",
) -> Report:
    """Run ``extract`` on the labelled documents of a folder (all, or one part of the fixed split) and score them."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    lexicon = lexicon or default_lexicon()
    documents = labelled_documents(folder)
    held_out = held_out_names(name for name, _path, _gold in documents)
    scores = [
        score_document(name, gold, extract(path), lexicon=lexicon, split=split_of(name, held_out))
        for name, path, gold in documents
        if split == "all" or split_of(name, held_out) == split
    ]
    return Report(scores)


def format_report(report: Report, *, verbose: bool = False) -> Iterable[str]:
    for document in report.documents:
        yield (
            f"{document.name[:60]:60} {document.split:8} tp={document.tp:3} fp={document.fp:3} "
            f"fn={document.fn:3} f1={document.f1:.2f}"
        )
        if verbose:
            for text in document.misses:
                yield f"    missed: {text[:150]}"
            for text in document.false_alarms:
                yield f"    false alarm: {text[:150]}"
            for text in document.field_errors:
                yield f"    wrong {text[:170]}"
    parts = [(split, report.part(split)) for split in SPLITS[1:]]
    parts = [(split, part) for split, part in parts if part.documents and len(part.documents) < len(report.documents)]
    for split, part in parts:
        yield f"{split} part: " + _summary_line(part)
    yield from _summary(report)


def _summary_line(report: Report) -> str:
    precision, recall, f1 = report.pooled
    accuracies = " ".join(f"{name} {_fmt(report.accuracy(name))}" for name in FIELDS)
    return (
        f"{len(report.documents)} documents, f1 {f1:.3f} (macro {report.macro_f1:.3f}) "
        f"precision {precision:.3f} recall {recall:.3f}; {accuracies}"
    )


def _summary(report: Report) -> Iterable[str]:
    precision, recall, f1 = report.pooled
    tp, fp, fn = report.totals
    accuracies = " ".join(f"{name} {_fmt(report.accuracy(name))}" for name in FIELDS)
    yield f"documents {len(report.documents)}: tp {tp} fp {fp} fn {fn}"
    yield f"pooled: precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f}"
    yield f"macro (per document): f1 {report.macro_f1:.3f}"
    yield f"accuracy on matched commitments: {accuracies}"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    """``python -m tracker.extraction.evaluate DIR [--split all|fitted|held-out] [--verbose] [--json]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tracker.extraction.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--verbose", action="store_true", help="list misses, false alarms and wrong fields")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--split", choices=SPLITS, default="all", help="score only one part of the fixed split")
    args = parser.parse_args(argv)
    report = evaluate_folder(args.folder, split=args.split)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        for line in format_report(report, verbose=args.verbose):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
