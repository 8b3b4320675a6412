"""Counts by status and compliance scores, overall and per party, on any date.

A party's status on a commitment follows `status.party_status` (as `compliance_by_party` does): its
own lane's latest assessment, or, where that side has not been assessed separately, the whole
commitment's; for a one-party commitment, the headline. The
score itself is `compliance_by_party`'s, so the formula lives in one place; the counts are read
from the same lanes (`Lanes`), in a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

import copy
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from tracker.commitments.models import Assessment, compliance_by_party
from tracker.commitments.status import STATUS_MEANINGS, ComplianceScore, Headline, Status, party_status


class Lanes:
    """The latest effective assessment of each lane of some commitments as of `day`: one query.
    `commitments` must have their parties loaded (prefetched), as every caller's rows do."""

    def __init__(self, commitments, day: datetime.date):
        ids = [c.pk for c in commitments]
        latest = Assessment.objects.filter(commitment_id__in=ids).effective().as_of(day).latest_per_lane()
        self.by_commitment: dict = defaultdict(list)
        for assessment in latest:
            self.by_commitment[assessment.commitment_id].append(assessment)

    def for_party(self, commitment, party) -> tuple[Headline, bool]:
        """(status, inherited) by `status.party_status`: inherited when the party has no
        assessment of its own and follows the whole's."""
        party_ids = [p.pk for p in commitment.parties.all()]
        return party_status(self.by_commitment[commitment.pk], party.pk, party_ids)


@dataclass
class Scorecard:
    counts: dict[str, int]
    party: object | None = None
    score: ComplianceScore | None = None
    demo: int = 0  # how many of the statuses counted rest on demonstration data
    total: int = field(init=False)

    def __post_init__(self):
        self.total = sum(self.counts.values())

    @property
    def rows(self) -> list[dict]:
        """Every status of the scale, in order, with its count and share (for the bars)."""
        return [
            {
                "status": status.value,
                "label": status.label,
                "meaning": STATUS_MEANINGS[status],
                "count": self.counts.get(status.value, 0),
                "share": (100 * self.counts.get(status.value, 0) / self.total) if self.total else 0,
            }
            for status in Status
        ]


def overall_scorecard(commitments) -> Scorecard:
    """Counts of `commitments` by `status_on_day` (see filters.with_shown_status): one query."""
    rows = (
        commitments.order_by()
        .values("status_on_day")
        .annotate(n=Count("pk"), demo=Count("pk", filter=Q(status_on_day_is_demonstration=True)))
        .values_list("status_on_day", "n", "demo")
    )
    counts, demo = {}, 0
    for status, n, demo_n in rows:
        counts[status] = n
        demo += demo_n
    return Scorecard(counts, demo=demo)


def party_scorecards(commitments, day: datetime.date, *, only=None) -> list[Scorecard]:
    """One scorecard per committing party (or only for the party `only`), sorted by name."""
    scores = compliance_by_party(commitments, day)
    rows = list(commitments.prefetch_related("parties"))
    lanes = Lanes(rows, day)
    counts: dict = {}
    demo: dict = defaultdict(int)
    for commitment in rows:
        for party in commitment.parties.all():
            if only is not None and party.pk != only.pk:
                continue
            status = lanes.for_party(commitment, party)[0]
            by_status = counts.setdefault(party, {})
            by_status[status.status] = by_status.get(status.status, 0) + 1
            demo[party] += status.is_demonstration
    return [
        Scorecard(by_status, party=party, score=scores.get(party), demo=demo[party])
        for party, by_status in sorted(counts.items(), key=lambda kv: kv[0].name)
    ]


def party_scorecard(commitments, party, day: datetime.date) -> Scorecard | None:
    """`party`'s scorecard over `commitments` (not yet status-annotated), counted in SQL by the
    same rule (`CommitmentQuerySet.with_party_status_on`): one GROUP BY, no rows loaded."""
    rows = (
        commitments.with_party_status_on(party, day)
        .order_by()
        .values("status_on_day")
        .annotate(n=Count("pk"), demo=Count("pk", filter=Q(status_on_day_is_demonstration=True)))
        .values_list("status_on_day", "n", "demo")
    )
    counts, demo = {}, 0
    for status, n, demo_n in rows:
        counts[status] = n
        demo += demo_n
    if not counts:
        return None
    # The score of `compliance_by_party`, from the same statuses (each counted n times).
    score = ComplianceScore(status for status, n in counts.items() for _ in range(n))
    return Scorecard(counts, party=party, score=score, demo=demo)


def party_scorecards_counted(commitments, day: datetime.date) -> list[Scorecard]:
    """`party_scorecards` counted in SQL: one GROUP BY per committing party (`party_scorecard`),
    the parties found by an EXISTS probe per party row. `commitments` not yet status-annotated."""
    from django.db.models import Exists, OuterRef

    from tracker.commitments.models import Commitment, Party

    links = Commitment.parties.through.objects.filter(party=OuterRef("pk"), commitment__in=commitments.values("pk"))
    parties = Party.objects.filter(Exists(links)).order_by("name")
    cards = (party_scorecard(commitments.filter(parties=party), party, day) for party in parties)
    return [card for card in cards if card is not None]


def deadline_state_on(commitment, day: datetime.date, status: str, status_as_of) -> tuple[str, int] | None:
    """`Commitment.deadline_state` for the status the commitment had on `day` (historical views)."""
    if (status, status_as_of) != (commitment.current_status, commitment.current_status_as_of):
        commitment = copy.copy(commitment)
        commitment.current_status, commitment.current_status_as_of = status, status_as_of
    return commitment.deadline_state(day)
