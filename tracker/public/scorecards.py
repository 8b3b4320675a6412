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
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from tracker.commitments import summaries
from tracker.commitments.models import Assessment
from tracker.commitments.status import SCORE_POINTS, STATUS_MEANINGS, ComplianceScore, Headline, Status, party_status


def _two_places(value: float) -> str:
    """`floatformat:"2u"`: two decimals, halves rounded up, never localised."""
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def score_of_counts(counts: dict[str, int]) -> ComplianceScore:
    """`ComplianceScore` of a multiset of statuses given as {status: count}: the same mean (a sum
    of whole points over a whole count), without spelling out 80,000 statuses one by one."""
    score = ComplianceScore(())
    scored = [(SCORE_POINTS[status], n) for status, n in counts.items() if status in SCORE_POINTS and n]
    score.scored = sum(n for _, n in scored)
    score.mean = sum(points * n for points, n in scored) / score.scored if score.scored else None
    return score


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
        parties = getattr(commitment, "party_list", None)
        party_ids = [p.pk for p in (commitment.parties.all() if parties is None else parties)]
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
    def bar_segments_html(self):
        """The segments of the status bar (`_status_bar.html`), written in Python: the template
        loop with two `floatformat`s per segment was most of the dashboard's rendering time (21
        bars). The same markup as the loop it replaces, to the character."""
        from django.utils.html import format_html, format_html_join

        from tracker.public.timeline import SYMBOLS

        parts, offset = [], 0.0
        for row in self.rows:
            if row["count"]:
                symbol = SYMBOLS[Status(row["status"])]
                parts.append(
                    (row["status"], _two_places(offset), _two_places(row["share"]), row["label"], row["count"], symbol)
                )
                offset += row["share"]
        return format_html_join(
            "",
            '<svg class="status-bar-part st-{}" x="{}%" width="{}%" height="100%"><title>{}: {}</title>'
            '<rect class="status-bar-fill" width="100%" height="100%"/><text class="status-bar-symbol" x="50%" '
            'y="50%" dominant-baseline="central" text-anchor="middle">{}</text></svg>',
            parts,
        ) or format_html("")

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


def party_scorecards(commitments, day: datetime.date, *, historical: bool = True, dialogue=None) -> list[Scorecard]:
    """One scorecard per committing party over `commitments` (published, not yet status-annotated:
    all of them, or those of `dialogue`), sorted by name. Today (`historical=False`): one GROUP BY
    over a range of the `PartyStatus` index; on a past date, from the log
    (`party_scorecards_counted`)."""
    if historical:
        return party_scorecards_counted(commitments, day)
    return _cards_from_rows(_party_counts_today(dialogue=dialogue))


def _cards_from_rows(rows) -> list[Scorecard]:
    from tracker.commitments.models import Party

    counts: dict = defaultdict(dict)
    demo: dict = defaultdict(int)
    for party_id, status, n, demo_n in rows:
        counts[party_id][status] = counts[party_id].get(status, 0) + n
        demo[party_id] += demo_n or 0
    parties = Party.objects.in_bulk(list(counts))
    cards = [
        Scorecard(
            by_status,
            party=parties[party_id],
            score=score_of_counts(by_status),
            demo=demo[party_id],
        )
        for party_id, by_status in counts.items()
    ]
    return sorted(cards, key=lambda card: card.party.name)


def _party_counts_today(*, party=None, dialogue=None) -> list[tuple]:
    """[(party id, status, count, demonstration count)] of published commitments today (of `party`
    or of `dialogue` only), summed from the summary rows (`summaries.PartyTally`, kept from
    `PartyStatus`): a few hundred rows, where a GROUP BY over `PartyStatus` read 360,000."""
    return summaries.party_counts(party=party, dialogue=dialogue)


def overall_scorecard_today(*, dialogue=None) -> Scorecard:
    """`overall_scorecard` of the published commitments today (of `dialogue` only), summed from
    the summary rows (`summaries.StatusTally`) instead of counting every commitment."""
    counts, demo = summaries.status_counts(dialogue=dialogue)
    return Scorecard(counts, demo=demo)


def party_scorecard(commitments, party, day: datetime.date, *, historical: bool = True) -> Scorecard | None:
    """`party`'s scorecard over `commitments` (not yet status-annotated), counted in SQL by the
    same rule (`CommitmentQuerySet.with_party_status_on`): one GROUP BY, no rows loaded. Today
    (`historical=False`), from the `PartyStatus` projection, where `commitments` must be all the
    published commitments of `party`."""
    if not historical:
        cards = _cards_from_rows(_party_counts_today(party=party))
        return cards[0] if cards else None
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
    score = score_of_counts(counts)
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
