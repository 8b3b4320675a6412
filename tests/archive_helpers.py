"""Archived copies for tests that need one without fetching (the archive's own tests fetch from a
local server: tests/test_archive_*.py)."""

from __future__ import annotations

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from tracker.commitments import actions
from tracker.commitments.models import Evidence
from tracker.commitments.status import Status
from tracker.ingest.archive import ArchivedCopy, archive_storage


def stored_copy(
    url: str,
    body: bytes,
    *,
    captured_at: datetime.datetime | None = None,
    content_type: str = "text/html",
    encoding: str = "utf-8",
    **fields,
) -> ArchivedCopy:
    """An archived copy of `url` holding `body`, captured at `captured_at` (now by default)."""
    digest = hashlib.sha256(body).hexdigest()
    name = archive_storage().save(f"{digest[:2]}/{digest}", ContentFile(body))
    captured_at = captured_at or timezone.now()
    return ArchivedCopy.objects.create(
        url=url,
        host=url.split("/")[2],
        state=ArchivedCopy.State.ARCHIVED,
        captured_at=captured_at,
        final_url=url,
        http_status=200,
        content_type=content_type,
        encoding=encoding,
        size=len(body),
        sha256=digest,
        stored_name=name,
        live_state=fields.pop("live_state", ArchivedCopy.Live.UNCHANGED),
        live_since=fields.pop("live_since", captured_at),
        live_checked_at=captured_at,
        **fields,
    )


def drip():
    """A body that never ends, a byte at a time (with the route's delay: a site too slow to fetch)."""
    while True:
        yield b"x"


def cite_evidence(commitment, author, url: str) -> Evidence:
    """A news report at `url`, cited as the evidence of an "in progress" assessment."""
    evidence = Evidence.objects.create(url=url, title="Handover of two suspects")
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 3, 12),
        rationale="Two suspects handed over.",
        author=author,
        evidence=[evidence],
    )
    return evidence
