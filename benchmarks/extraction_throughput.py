"""Throughput of the extraction core over a folder of documents, in one process.

    .venv/bin/python benchmarks/extraction_throughput.py DIR [--repeat 3]

Loading (imports, the party/topic lexicon, the language model, trafilatura's first call) is timed
and reported apart; the documents are read into memory before the clock starts, so the figures
are extraction only: cleaning, language filter, sentences, detection. Wall-clock rates depend on
what else the machine runs, so the process's own CPU time is reported too. Peak memory is the
process's maximum resident set size (getrusage), loading included.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md")


def load() -> float:
    started = time.perf_counter()
    from tracker.extraction.document import extract_document
    from tracker.extraction.language import identifier
    from tracker.extraction.lexicon import default_lexicon

    default_lexicon()
    identifier()
    extract_document("<html><body><p>Warm-up.</p></body></html>", kind="html")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the folder (default 3)")
    args = parser.parse_args(argv)

    paths = sorted(
        p
        for p in Path(args.folder).iterdir()
        if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.upper().startswith("README")
    )
    if not paths:
        parser.error(f"no documents ({', '.join(DOCUMENT_SUFFIXES)}) in {args.folder}")
    documents = [(p.name, p.read_bytes()) for p in paths]
    loading = load()

    from tracker.extraction.document import extract_document

    rates, sentence_rates, cpu_rates = [], [], []
    commitments = sentences = 0
    for _ in range(max(1, args.repeat)):
        sentences = commitments = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for name, data in documents:
            result = extract_document(data, filename=name)
            sentences += result.sentence_count
            commitments += len(result.commitments)
        elapsed = time.perf_counter() - started
        rates.append(len(documents) / elapsed)
        sentence_rates.append(sentences / elapsed)
        cpu_rates.append(len(documents) / max(time.process_time() - cpu_started, 1e-9))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

    print(
        f"documents: {len(documents)} ({sum(len(d) for _, d in documents) / 1024:.0f} KiB), "
        f"sentences: {sentences}, commitments: {commitments}"
    )
    print(f"loading (imports, lexicon, language model, trafilatura warm-up): {loading:.2f} s")
    print(
        f"documents per second: {statistics.median(rates):.1f} (median of {len(rates)} passes; "
        f"min {min(rates):.1f}, max {max(rates):.1f})"
    )
    print(f"sentences per second: {statistics.median(sentence_rates):.0f}")
    print(
        f"documents per CPU second of this process: {statistics.median(cpu_rates):.1f} "
        "(the same work measured without the time other processes take from the machine)"
    )
    print(f"peak memory (max RSS, loading included): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
