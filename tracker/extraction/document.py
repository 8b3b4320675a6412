"""One document in, its clean text and commitment candidates out.

Used by ``python -m tracker.extraction``, by ``manage.py extract`` and by the Django ingest
pipeline (which passes the meeting's parties, the article's date and the per-site boilerplate
fingerprints it keeps).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from tracker.extraction.clean import CleanDocument, clean_document, kind_for_name
from tracker.extraction.decoding import decode_bytes
from tracker.extraction.detect import Detected, detect
from tracker.extraction.lexicon import Lexicon
from tracker.extraction.sentences import split_sentences


@dataclass
class ExtractionResult:
    document: CleanDocument
    commitments: list[Detected]
    sentence_count: int


def extract_document(
    data: str | bytes,
    *,
    kind: str | None = None,
    filename: str | None = None,
    url: str | None = None,
    doc_date: datetime.date | None = None,
    parties: list[str] | None = None,
    lexicon: Lexicon | None = None,
    boilerplate: frozenset[str] = frozenset(),
    content_type: str | None = None,
) -> ExtractionResult:
    """Clean a document and detect its commitments.

    ``kind`` is "html", "text" or "markdown"; when None it comes from the file name or URL
    (".html" is HTML, ".md" Markdown, anything else text, and text that is really HTML is sniffed).
    ``doc_date`` and ``parties`` override what the document itself says.
    """
    if isinstance(data, bytes):
        data = decode_bytes(data, content_type=content_type)
    if kind is None:
        kind = kind_for_name(filename or url)
        if content_type and "html" in content_type.lower():
            kind = "html"
    document = clean_document(data, kind=kind, url=url, filename=filename, boilerplate=boilerplate)
    if doc_date is not None:
        document.date = doc_date
    commitments = detect(
        document.text,
        doc_date=document.date,
        parties=parties,
        lexicon=lexicon,
        title=document.title,
        site=document.site,
    )
    return ExtractionResult(
        document=document,
        commitments=commitments,
        sentence_count=len(split_sentences(document.text)),
    )


def result_to_json(path: str, result: ExtractionResult) -> dict[str, Any]:
    """The JSON line printed by the command line tools (and read by the scorer)."""
    document = result.document
    return {
        "path": path,
        "title": document.title,
        "date": document.date.isoformat() if document.date else None,
        "language": document.language,
        "text": document.text,
        "commitments": [
            {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "parties": c.parties,
                "topic": ";".join(c.topics[:1]),
                "deadline": c.deadline_label,
                "strength": c.strength,
                "confidence": c.confidence,
            }
            for c in result.commitments
        ],
    }
