"""Streamed exports that never claim success on a failing database.

An export is streamed so that a large one neither fills memory nor times out, which means its
status line is sent before most rows are read. So the first part of every stream is produced
before the response is made: it holds the head and the first row, and the database has answered
by then. If it does not, the reader gets a 503 that no cache keeps. If the database fails later,
the body gets a line that no CSV reader or JSON parser takes for data, the error is logged, and
the exception is raised again so that the server aborts the chunked transfer: the download ends in
an error, not in a file that looks complete.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from django.db import DatabaseError
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

INTERRUPTED = "\n!! EXPORT INTERRUPTED: the database failed while this file was written; it is incomplete.\n"


def guarded_stream(parts: Iterable[str], *, content_type: str, filename: str, what: str) -> HttpResponse:
    """A streaming response for `parts`, or a 503 if the database fails before the first part."""
    parts = iter(parts)
    try:
        first = next(parts, "")
    except DatabaseError:
        logger.exception("The %s export failed before its first row", what)
        response = HttpResponse(
            "The database is unavailable; try again in a minute.\n", status=503, content_type="text/plain"
        )
        response["Retry-After"] = "60"
        add_never_cache_headers(response)
        return response

    def rest() -> Iterator[str]:
        yield first
        try:
            yield from parts
        except DatabaseError:
            logger.exception("The %s export failed mid-stream; the body was marked incomplete", what)
            yield INTERRUPTED
            raise

    response = StreamingHttpResponse(rest(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
