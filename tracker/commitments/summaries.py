"""Summary rows: counts of published commitments per meeting, kept with the record.

`StatusTally` (headline status today), `PartyTally` (each committing party's status today, from
`PartyStatus`) and `DeadlineTally` (open commitments by deadline) hold, per meeting, what the
dashboard, `/dialogues/`, `/parties/`, party and dialogue pages and the list's total would
otherwise count over every published commitment on every request (a scan of 190,000 rows each at
the scale of issue 15). A reader sums a few thousand rows at most.

The rows of a meeting are recounted from the commitments (a range of the meeting index: a few
thousand rows at most) in the transaction that changes the status, publication, parties, meeting
or deadline of one of its commitments: `actions._refresh_current_status`, and the receivers of
`models.py` for saves, deletions and party changes. Recounting instead of adding deltas means no
"before" state to get right; a per-meeting lock (PostgreSQL advisory lock) makes two writers on
one meeting recount one after the other, so the second sees the first's committed change.
`rebuild` rewrites everything (`manage.py rebuild_summaries`, the migration, the data generator);
tests/test_summary_counts_match_the_record.py checks them against a count from scratch.

Past dates (`?as_of=`) are never read from here: those pages count from the log.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, Sum

from tracker.commitments.status import CLOSED

if TYPE_CHECKING:
    from tracker.commitments.models import DeadlineTally, Dialogue, Meeting, Party, PartyTally, StatusTally

Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]

# The advisory lock namespace of the per-meeting recount (any constant the app uses for nothing else).
LOCK_CLASS = 15_0_012


def _lock(meeting_ids: list[int]) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite has one writer at a time anyway
    with connection.cursor() as cursor:
        for pk in meeting_ids:  # sorted: two writers take their locks in the same order
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, pk])


def _counts(
    meeting_ids: list[int] | None,
) -> tuple[list[StatusTally], list[PartyTally], list[DeadlineTally]]:
    """The three kinds of rows for `meeting_ids` (None: every meeting), counted from scratch."""
    from tracker.commitments.models import Commitment, DeadlineTally, PartyStatus, PartyTally, StatusTally

    published = Commitment.objects.published()  # type: ignore[no-untyped-call]
    links = PartyStatus.objects.filter(commitment__is_published=True)
    if meeting_ids is not None:
        published = published.filter(meeting_id__in=meeting_ids)
        links = links.filter(commitment__meeting_id__in=meeting_ids)
    statuses = [
        StatusTally(meeting_id=m, status=s, is_demonstration=d, n=n)
        for m, s, d, n in published.order_by()
        .values_list("meeting_id", "current_status", "current_status_is_demonstration")
        .annotate(n=Count("pk"))
    ]
    parties = [
        PartyTally(party_id=p, meeting_id=m, status=s, is_demonstration=d, n=n)
        for p, m, s, d, n in links.order_by()
        .values_list("party_id", "commitment__meeting_id", "status", "is_demonstration")
        .annotate(n=Count("pk"))
    ]
    deadlines = [
        DeadlineTally(meeting_id=m, deadline=day, n=n)
        for m, day, n in published.exclude(current_status__in=CLOSED)
        .filter(deadline__isnull=False)
        .order_by()
        .values_list("meeting_id", "deadline")
        .annotate(n=Count("pk"))
    ]
    return statuses, parties, deadlines


def recount(meeting_ids: Iterable[int | None]) -> None:
    """Rewrite the summary rows of `meeting_ids` from their commitments: five queries and a lock."""
    from tracker.commitments.models import DeadlineTally, PartyTally, StatusTally

    ids = sorted({pk for pk in meeting_ids if pk})
    if not ids:
        return
    with transaction.atomic():
        _lock(ids)
        statuses, parties, deadlines = _counts(ids)
        tables: list[tuple[Any, list[Any]]] = [
            (StatusTally, statuses),
            (PartyTally, parties),
            (DeadlineTally, deadlines),
        ]
        for model, rows in tables:
            model.objects.filter(meeting_id__in=ids).delete()
            model.objects.bulk_create(rows, batch_size=2000)


def recount_commitments(commitment_ids: Iterable[int]) -> None:
    """`recount` the meetings of these commitments."""
    from tracker.commitments.models import Commitment

    ids = list(commitment_ids)
    if ids:
        recount(Commitment.objects.filter(pk__in=ids).values_list("meeting_id", flat=True).distinct())


def rebuild() -> int:
    """Rewrite every summary row from the commitments (three GROUP BYs); returns the rows written."""
    from tracker.commitments.models import DeadlineTally, PartyTally, StatusTally

    with transaction.atomic():
        statuses, parties, deadlines = _counts(None)
        written = 0
        tables: list[tuple[Any, list[Any]]] = [
            (StatusTally, statuses),
            (PartyTally, parties),
            (DeadlineTally, deadlines),
        ]
        for model, rows in tables:
            model.objects.all().delete()
            model.objects.bulk_create(rows, batch_size=2000)
            written += len(rows)
    return written


def stored() -> Rows:
    """The summary rows as they are, in the shape `_counts` returns (for the consistency check)."""
    from tracker.commitments.models import DeadlineTally, PartyTally, StatusTally

    return (
        sorted(StatusTally.objects.values_list("meeting_id", "status", "is_demonstration", "n")),
        sorted(PartyTally.objects.values_list("party_id", "meeting_id", "status", "is_demonstration", "n")),
        sorted(DeadlineTally.objects.values_list("meeting_id", "deadline", "n")),
    )


def expected() -> Rows:
    """What the summary rows should hold, counted from scratch (the consistency check)."""
    statuses, parties, deadlines = _counts(None)
    return (
        sorted((r.meeting_id, r.status, r.is_demonstration, r.n) for r in statuses),
        sorted((r.party_id, r.meeting_id, r.status, r.is_demonstration, r.n) for r in parties),
        sorted((r.meeting_id, r.deadline, r.n) for r in deadlines),
    )


# --- Reading -----------------------------------------------------------------------------------


def status_counts(*, dialogue: Dialogue | None = None, meeting: Meeting | None = None) -> tuple[dict[str, int], int]:
    """({status: count}, demonstration count) of published commitments today (of `dialogue` or
    `meeting` only)."""
    from tracker.commitments.models import StatusTally

    rows = StatusTally.objects.all()
    if dialogue is not None:
        rows = rows.filter(meeting__dialogue=dialogue)
    if meeting is not None:
        rows = rows.filter(meeting=meeting)
    counts: dict[str, int] = defaultdict(int)
    demo = 0
    for status, is_demo, n in rows.order_by().values_list("status", "is_demonstration").annotate(total=Sum("n")):
        counts[status] += n
        demo += n if is_demo else 0
    return dict(counts), demo


def party_counts(*, party: Party | None = None, dialogue: Dialogue | None = None) -> list[tuple[Any, ...]]:
    """[(party id, status, count, demonstration count)] of published commitments today (of
    `party` or of `dialogue` only), the shape of `scorecards._cards_from_rows`."""
    from tracker.commitments.models import PartyTally

    rows = PartyTally.objects.all()
    if party is not None:
        rows = rows.filter(party=party)
    if dialogue is not None:
        rows = rows.filter(meeting__dialogue=dialogue)
    return list(
        rows.order_by()
        .values("party_id", "status")
        .annotate(total=Sum("n"), demo=Sum("n", filter=Q(is_demonstration=True)))
        .values_list("party_id", "status", "total", "demo")
    )


def commitments_per_dialogue() -> dict[int, int]:
    """{dialogue id: published commitments today}."""
    from tracker.commitments.models import StatusTally

    return dict(
        StatusTally.objects.filter(meeting__dialogue__isnull=False)
        .order_by()
        .values_list("meeting__dialogue")
        .annotate(total=Sum("n"))
    )


def commitments_per_meeting(*, dialogue: Dialogue) -> dict[int, int]:
    """{meeting id: published commitments today} of one dialogue's meetings."""
    from tracker.commitments.models import StatusTally

    return dict(
        StatusTally.objects.filter(meeting__dialogue=dialogue)
        .order_by()
        .values_list("meeting")
        .annotate(total=Sum("n"))
    )


def overdue_count(day: datetime.date) -> int:
    """Open published commitments whose deadline is before `day` (today's statuses)."""
    from tracker.commitments.models import DeadlineTally

    return DeadlineTally.objects.filter(deadline__lt=day).aggregate(total=Sum("n"))["total"] or 0


def has_published(model_field: str) -> Exists:
    """An EXISTS over the status tallies: `meeting` (a meeting), `meeting__dialogue` (a dialogue)
    has a published commitment today."""
    from tracker.commitments.models import StatusTally

    return Exists(StatusTally.objects.filter(**{model_field: OuterRef("pk")}))


def party_has_published() -> Exists:
    from tracker.commitments.models import PartyTally

    return Exists(PartyTally.objects.filter(party=OuterRef("pk")))
