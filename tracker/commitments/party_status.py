"""`PartyStatus`: each committing party's status today, kept from the assessment log.

The rule is `status.party_status`, applied here and nowhere else to fill the projection; the
scorecards and the list's party filter read the rows with an index instead of replaying the log
for every (commitment, party) link. Written in the transaction that appends to the log
(`actions._refresh_current_status`), rebuilt from the log by `rebuild` (the migration, the command
`rebuild_party_statuses`) and checked against the log by
tests/test_party_status_projection_matches_the_assessment_log.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tracker.commitments.status import party_status


def rows_for(commitment_id: int, party_ids: list[int], effective, *, is_published: bool, dialogue_id) -> list:
    """The projection rows of one commitment from its effective assessments (as of today)."""
    from tracker.commitments.models import PartyStatus

    rows = []
    for party_id in party_ids:
        status, inherited = party_status(effective, party_id, party_ids)
        rows.append(
            PartyStatus(
                commitment_id=commitment_id,
                party_id=party_id,
                status=status.status,
                as_of=status.since,
                is_demonstration=status.is_demonstration,
                inherited=inherited,
                is_published=is_published,
                dialogue_id=dialogue_id,
            )
        )
    return rows


def refresh(commitment_ids: Iterable[int], today: datetime.date | None = None) -> int:
    """Rewrite the rows of `commitment_ids` from the log: four queries per call."""
    from tracker.commitments.models import Assessment, Commitment, PartyStatus

    ids = list(commitment_ids)
    if not ids:
        return 0
    today = today or timezone.localdate()
    parties: dict = defaultdict(list)
    links = Commitment.parties.through.objects.filter(commitment_id__in=ids).order_by("commitment_id", "party_id")
    for commitment_id, party_id in links.values_list("commitment_id", "party_id"):
        parties[commitment_id].append(party_id)
    log: dict = defaultdict(list)
    for assessment in (
        Assessment.objects.filter(commitment_id__in=ids)
        .effective()
        .as_of(today)
        .only("commitment_id", "party_id", "status", "as_of", "recorded_at", "is_demonstration")
    ):
        log[assessment.commitment_id].append(assessment)
    state = {
        pk: (published, dialogue_id)
        for pk, published, dialogue_id in Commitment.objects.filter(pk__in=ids).values_list(
            "pk", "is_published", "meeting__dialogue_id"
        )
    }
    rows = [
        row
        for cid in ids
        if cid in state
        for row in rows_for(cid, parties[cid], log[cid], is_published=state[cid][0], dialogue_id=state[cid][1])
    ]
    with transaction.atomic():
        PartyStatus.objects.filter(commitment_id__in=ids).delete()
        PartyStatus.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def rebuild(chunk: int = 2000, log=lambda line: None) -> int:
    """Rewrite every row from the log, `chunk` commitments at a time (bounded memory)."""
    from tracker.commitments.models import Commitment, PartyStatus

    PartyStatus.objects.all().delete()
    written, last = 0, 0
    while True:
        ids = list(Commitment.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk])
        if not ids:
            return written
        written += refresh(ids)
        last = ids[-1]
        log(f"{written} party statuses (commitments up to id {last})")
