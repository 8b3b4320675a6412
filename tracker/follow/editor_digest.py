"""The editors' daily digest: each editor who opted in (`editor.models.EditorPreference`) gets their
queue (`editor.queue`, what the workspace home shows) by e-mail, once a day, when it is not empty.

The beat task runs hourly; each editor's day is claimed with a conditional update of
`digest_sent_on` before anything is built or sent, so a second run on the same day (or two
workers at once) sends nothing more. A failed send gives the day back, so the next run retries.
"""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from tracker.editor import queue
from tracker.editor.models import EditorPreference
from tracker.editor.roles import EDITORS
from tracker.follow import mail

logger = logging.getLogger(__name__)


def due(today: datetime.date):
    """The preferences of active editors with an address who opted in and got nothing today."""
    editors = get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__name=EDITORS), is_active=True)
    return (
        EditorPreference.objects.filter(daily_digest=True, user__in=editors.values("pk"))
        .exclude(user__email="")
        .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today))
    )


def send_one(pk: int, today: datetime.date) -> bool:
    """Send one editor's digest for `today` if it is due and not empty; True when a message went
    out. The day is claimed first; an empty queue counts the day as done."""
    preference = due(today).select_related("user").filter(pk=pk).first()
    if preference is None:
        return False
    claimed = EditorPreference.objects.filter(pk=pk, digest_sent_on=preference.digest_sent_on).update(
        digest_sent_on=today
    )
    if claimed != 1:
        return False
    found = queue.build(preference.user, today)
    if not found.count:
        return False
    try:
        mail.send_editor_digest(preference.user, found)
    except Exception:
        # Give the day back, so the next run tries again.
        EditorPreference.objects.filter(pk=pk, digest_sent_on=today).update(digest_sent_on=preference.digest_sent_on)
        raise
    return True


def send_editor_digests(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for pk in due(today).values_list("pk", flat=True).iterator():
        try:
            sent += send_one(pk, today)
        except Exception:
            logger.exception("The editor digest of preference %s could not be sent", pk)
    return sent
