"""The digest: what changed on the followed commitments over the days since the last one.

Status changes come from the status projection through `tracker.public.changes.changes`, the same
rows as the /changes/ page (a change is a `StatusStep` whose status differs from the step before);
new evidence is evidence first cited, in the window, by an effective assessment of a followed
commitment. A digest covers whole days up to yesterday, so each day is reported once: a change
dated today is in the next digest. A change dated before the window but recorded in it (an
assessment entered late, a correction of a past date) is reported too, marked with its date.
"""

from __future__ import annotations

import copy
import datetime
import logging
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from tracker.commitments.models import Assessment, AssessmentEvidence, Evidence
from tracker.commitments.status import Status
from tracker.follow import mail
from tracker.follow.models import Subscription
from tracker.follow.targets import TargetError, resolve
from tracker.public.asof import ViewDate
from tracker.public.changes import Window, changes, with_assessments

logger = logging.getLogger(__name__)

# A digest lists at most this many of each; the rest are a link away (the /changes/ page).
DIGEST_ROWS = 50


@dataclass
class Digest:
    start: datetime.date
    end: datetime.date
    changes: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    more_changes: int = 0
    more_evidence: int = 0
    changes_url: str = ""

    @property
    def count(self) -> int:
        return len(self.changes) + self.more_changes + len(self.evidence) + self.more_evidence


def _late_changes(ids, start: datetime.date, end: datetime.date, since, until) -> list:
    """Changes dated before the window but recorded in it (an assessment entered late, or a
    correction of a past date): the window's dates alone would never report them."""
    late = set(
        Assessment.objects.effective()
        .filter(commitment__in=ids, recorded_at__gte=since, recorded_at__lt=until, as_of__lt=start)
        .values_list("commitment_id", "as_of")
    )
    if not late:
        return []
    earliest = min(day for _, day in late)
    window = Window(earliest, start - datetime.timedelta(days=1), ViewDate(end))
    days = {day for _, day in late}
    steps = changes(window).filter(commitment__in=ids, since__in=days).order_by("since", "reference")
    return [step for step in steps[: DIGEST_ROWS + 1] if (step.commitment_id, step.since) in late]


def build(target, start: datetime.date, end: datetime.date) -> Digest:
    digest = Digest(start, end)
    ids = target.commitments.values("pk")
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tz)
    steps = changes(Window(start, end, ViewDate(end))).filter(commitment__in=ids).order_by("since", "reference")
    found = _late_changes(ids, start, end, since, until) + list(steps[: DIGEST_ROWS + 1])
    digest.changes = with_assessments(found[:DIGEST_ROWS])
    if len(found) > DIGEST_ROWS:
        digest.more_changes = len(found) - DIGEST_ROWS + max(0, steps.count() - DIGEST_ROWS - 1)
    for step in digest.changes:
        step.from_label, step.to_label = Status(step.from_status).label, Status(step.status).label
        step.late = step.since < start
    # One row per (evidence, followed commitment citing it), first citations first.
    cited = (
        AssessmentEvidence.objects.filter(
            assessment__in=Assessment.objects.effective().filter(commitment__in=ids),
            evidence__created_at__gte=since,
            evidence__created_at__lt=until,
        )
        .values("evidence_id", "assessment__commitment__reference")
        .distinct()
        .order_by("evidence_id", "assessment__commitment__reference")
    )
    pairs = list(cited[: DIGEST_ROWS + 1])
    if len(pairs) > DIGEST_ROWS:
        digest.more_evidence = cited.count() - DIGEST_ROWS
        pairs = pairs[:DIGEST_ROWS]
    found = Evidence.objects.in_bulk([p["evidence_id"] for p in pairs])
    for pair in pairs:
        item = copy.copy(found[pair["evidence_id"]])
        item.reference = pair["assessment__commitment__reference"]
        digest.evidence.append(item)
    return digest


def due(today: datetime.date):
    """Confirmed subscriptions whose period has passed since the last day covered."""
    yesterday = today - datetime.timedelta(days=1)
    return Subscription.objects.confirmed().filter(
        Q(frequency=Subscription.Frequency.DAILY, covered_until__lt=yesterday)
        | Q(frequency=Subscription.Frequency.WEEKLY, covered_until__lte=yesterday - datetime.timedelta(days=7))
    )


def send_one(pk: int, today: datetime.date) -> bool:
    """Send one subscription's digest if it is due; True when a message went out. The row is
    claimed first (a conditional update of `covered_until`), so two workers never send it twice;
    a digest with nothing to report is skipped but its days are counted as covered."""
    yesterday = today - datetime.timedelta(days=1)
    subscription = due(today).filter(pk=pk).first()
    if subscription is None:
        return False
    start = subscription.covered_until + datetime.timedelta(days=1)
    claimed = Subscription.objects.filter(pk=pk, covered_until=subscription.covered_until).update(
        covered_until=yesterday
    )
    if claimed != 1:
        return False
    try:
        target = resolve(subscription.kind, subscription.target)
    except TargetError:
        # Unpublished or gone since: nothing public to report (the row stays, in case it returns).
        return False
    digest = build(target, start, yesterday)
    if not digest.count:
        return False
    try:
        mail.send_digest(subscription, target, digest)
    except Exception:
        # Give the days back, so the next run tries again.
        Subscription.objects.filter(pk=pk, covered_until=yesterday).update(
            covered_until=start - datetime.timedelta(days=1)
        )
        raise
    return True


def send_digests(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for pk in due(today).values_list("pk", flat=True).iterator():
        try:
            sent += send_one(pk, today)
        except Exception:
            logger.exception("The digest of subscription %s could not be sent", pk)
    return sent


def purge_unconfirmed(now: datetime.datetime | None = None, hours: int = 48) -> int:
    """Delete requests never confirmed whose link has expired: their address is not kept."""
    now = now or timezone.now()
    deleted, _ = Subscription.objects.pending().filter(created_at__lt=now - datetime.timedelta(hours=hours)).delete()
    return deleted
