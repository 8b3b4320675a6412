"""Command line: ``python -m tracker.extraction --json FILE_OR_URL ...``.

One JSON object per document per line. Nothing is written anywhere. The extraction core reads
files only and imports no Django app: a URL is read by the `load_url` the caller passes in
(``manage.py extract`` passes the project's safe fetcher, ``tracker.ingest.fetch.load_url``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from tracker.extraction.document import extract_document, result_to_json

# Reads an http(s) URL: (raw bytes, content type).
LoadUrl = Callable[[str], tuple[bytes, str | None]]


def parse_parties(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [p.strip() for p in value.split(",") if p.strip()]


def parse_date(value: str | None) -> datetime.date | None:
    """A YYYY-MM-DD date, or None; ValueError with a readable message otherwise."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _date_argument(value: str) -> datetime.date | None:
    try:
        return parse_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def load_source(source: str, load_url: LoadUrl | None = None) -> tuple[bytes, str | None]:
    """(raw bytes, content type) of a path, or of an http(s) URL read by `load_url`."""
    if source.startswith(("http://", "https://")):
        if load_url is None:
            raise ValueError("URLs are read by `manage.py extract`, which fetches them safely; give a file here")
        return load_url(source)
    return Path(source).read_bytes(), None


class Writer(Protocol):
    """Where the JSON lines and the errors go: a text file, or a management command's stdout."""

    def write(self, text: str, /) -> object: ...


def extract_sources(
    sources: Iterable[str],
    *,
    parties: list[str] | None = None,
    doc_date: datetime.date | None = None,
    out: Writer = sys.stdout,
    err: Writer = sys.stderr,
    load_url: LoadUrl | None = None,
) -> int:
    """Extract each source and print its JSON line; returns the number of failures."""
    failures = 0
    for source in sources:
        try:
            data, content_type = load_source(source, load_url)
            is_url = source.startswith(("http://", "https://"))
            result = extract_document(
                data,
                filename=None if is_url else Path(source).name,
                url=source if is_url else None,
                parties=parties,
                doc_date=doc_date,
                content_type=content_type,
            )
        except Exception as error:
            failures += 1
            err.write(f"extract: {source}: {error}\n")
            continue
        out.write(json.dumps(result_to_json(source, result), ensure_ascii=False) + "\n")
    return failures


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tracker.extraction", description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    parser.add_argument("--json", action="store_true", help="print one JSON object per document per line (default)")
    parser.add_argument("--meeting-parties", help='the meeting\'s parties, e.g. "China,United States"')
    parser.add_argument("--date", type=_date_argument, help="the document's date, YYYY-MM-DD")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    failures = extract_sources(args.sources, parties=parse_parties(args.meeting_parties), doc_date=args.date)
    return 1 if failures else 0
