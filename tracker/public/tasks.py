"""Beat's task for the exports built offline (`tracker.public.offline`): every
EXPORTS_CHECK_MINUTES it builds what is due (nothing built yet, the public data changed and the
file is EXPORTS_REBUILD_MINUTES old, or the file is EXPORTS_MAX_AGE_HOURS old), each kind under a
lock, so a delivery repeated after a lost worker builds nothing twice at once."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from tracker.public import offline


# A build of 200,000 commitments takes minutes, longer than the default task limit: its own limits,
# below the broker's visibility timeout (checked in settings.py), the soft one leaving time to log.
@shared_task(
    time_limit=settings.EXPORTS_BUILD_TIME_LIMIT,
    soft_time_limit=settings.EXPORTS_BUILD_TIME_LIMIT - 60,
)
def build_exports() -> list[str]:
    return [entry["name"] for entry in offline.build_due()]
