"""Celery tasks of the archive (`tracker.ingest.archive`): thin wrappers taking ids.

Each plain function claims or re-reads its row, so a message delivered twice does the work once
or harmlessly twice (a second re-check records the same state). Nothing is retried by Celery:
a capture that may work later stays pending with a retry time, and beat's sweep sends it again;
a page missing at a re-check is looked at again by the next re-check sweep after an hour.
"""

from __future__ import annotations

from celery import shared_task

from tracker.ingest import archive


@shared_task(acks_late=True)
def capture_archive(copy_id: int) -> str:
    return archive.capture(copy_id)


@shared_task(acks_late=True)
def recheck_archive(copy_id: int) -> str:
    return archive.recheck(copy_id)


@shared_task(acks_late=True)
def sweep_archive_captures() -> int:
    return archive.sweep_pending()


@shared_task(acks_late=True)
def recheck_archives() -> int:
    return archive.schedule_rechecks()
