"""The largest document one analysis takes: refused up front, with the limit named.

The analysis runs under the task's time limit (CELERY_TASK_SOFT_TIME_LIMIT). Its time grows with
the text, so a long enough text would be stopped midway after minutes of work and fail with a
vague reason. ANALYSIS_MAX_CHARS (one million characters by default, some 150,000 words: far more
than any statement, readout or news report) is checked when a text is imported and again before a
fetched page is analysed. Measured on a loaded two-core machine: about 15 s per million characters
of dense statement text, well inside the default soft limit of 270 s.
"""

from __future__ import annotations

from django.conf import settings


def too_long(data: str | bytes) -> str | None:
    """Why `data` is too long to analyse, or None. Bytes are counted as UTF-8 characters."""
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    limit = settings.ANALYSIS_MAX_CHARS
    if len(text) <= limit:
        return None
    return (
        f"The document is {len(text):,} characters long, above the limit of {limit:,} characters that one "
        "analysis takes (ANALYSIS_MAX_CHARS). Split it into parts and import each."
    )
