"""The status scale and the compliance score: fixed, and published on the methodology page."""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models


class Status(models.TextChoices):
    NOT_ASSESSED = "not_assessed", "Not yet assessed"
    NO_INFORMATION = "no_information", "No public information"
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    STALLED = "stalled", "Stalled"
    PARTIAL = "partial", "Partially fulfilled"
    FULFILLED = "fulfilled", "Fulfilled"
    BROKEN = "broken", "Broken"


STATUS_MEANINGS = {
    Status.NOT_ASSESSED: "Nobody has reviewed it yet. This is not the same as no progress.",
    Status.NO_INFORMATION: "Reviewed; no public evidence either way.",
    Status.NOT_STARTED: "No action yet.",
    Status.IN_PROGRESS: "Concrete steps taken.",
    Status.STALLED: "Steps taken, then no movement.",
    Status.PARTIAL: "Substantially less than promised, but consistent with it.",
    Status.FULFILLED: "Done, mostly or completely.",
    Status.BROKEN: "Not done by the deadline, or action contrary to it.",
}

# A commitment in one of these states is settled: it is never "overdue" and not "due soon".
CLOSED = frozenset({Status.FULFILLED, Status.BROKEN, Status.PARTIAL})

# G20 Research Group style: fulfilled +1; partial and in progress 0; not started, stalled and
# broken -1; not assessed and no information are left out of the score.
SCORE_POINTS: dict[str, int] = {
    Status.FULFILLED: 1,
    Status.PARTIAL: 0,
    Status.IN_PROGRESS: 0,
    Status.NOT_STARTED: -1,
    Status.STALLED: -1,
    Status.BROKEN: -1,
}


class ComplianceScore:
    """Mean of the points of the scored statuses, and the same as a percentage ((mean + 1) / 2)."""

    def __init__(self, statuses: Iterable[str]) -> None:
        points = [SCORE_POINTS[s] for s in statuses if s in SCORE_POINTS]
        self.scored = len(points)
        self.mean = sum(points) / len(points) if points else None

    @property
    def percent(self) -> float | None:
        return None if self.mean is None else (self.mean + 1) / 2 * 100

    def __repr__(self) -> str:
        return f"ComplianceScore(mean={self.mean!r}, scored={self.scored})"


# --- The headline: the status of the commitment as a whole -------------------------------------
#
# Stated on the methodology page (#headline); every page, list, filter, count, feed, export and
# the API read it, now and on any past date, from `Commitment.status_steps`, which only
# `actions.record_assessment` writes (by `headline_steps` below).
#
# 1. One committing party: the party's status is the overall status. The whole's lane and the
#    party's lane are one record, and the newest assessment of either is the headline.
# 2. Several parties, and the commitment as a whole has been assessed: the latest assessment of
#    the whole is the headline (an editor's judgement of the whole wins over any roll-up).
# 3. Several parties, only parties assessed: the roll-up of the assessed parties' own statuses
#    (`roll_up`). Parties not yet assessed are left out; the page says which were assessed.
# 4. Nothing assessed: "Not yet assessed".
#
# A party's own status (the list's party filter, the party pages, the compliance score): its own
# lane's latest assessment, or, where it has none, the whole's. For a one-party commitment it is
# the headline (rule 1). See `party_status`.

# The order of the roll-up: from least to most advanced. A whole is only as far as its laggard.
ADVANCE = (Status.BROKEN, Status.NOT_STARTED, Status.STALLED, Status.IN_PROGRESS, Status.PARTIAL, Status.FULFILLED)
# Statuses that say some party has taken concrete steps.
TOOK_STEPS = frozenset({Status.STALLED, Status.IN_PROGRESS, Status.PARTIAL, Status.FULFILLED})


def roll_up(statuses: Iterable[str]) -> str:
    """The status of a whole from the statuses of its assessed parties.

    All agree: that status. Otherwise the least advanced one on `ADVANCE` (a broken part breaks
    the whole; fulfilled beside in progress is in progress), except that "Not started" beside a
    party that has taken steps reads "In progress" (steps have been taken on the commitment).
    "No public information" counts only when no party has anything else; not assessed never counts.
    """
    known = {Status(s) for s in statuses} - {Status.NOT_ASSESSED}
    if not known:
        return Status.NOT_ASSESSED.value
    graded = known - {Status.NO_INFORMATION}
    if not graded:
        return Status.NO_INFORMATION.value
    least = min(graded, key=ADVANCE.index)
    if least == Status.NOT_STARTED and graded & TOOK_STEPS:
        return Status.IN_PROGRESS.value
    return least.value


@dataclass(frozen=True)
class Headline:
    """A derived status: what, since when, and whether demonstration data decided it."""

    status: str
    since: datetime.date | None = None
    is_demonstration: bool = False
    rule: str = "none"  # "whole", "party", "roll-up" or "none": which rule of the four decided it


NOT_ASSESSED = Headline(Status.NOT_ASSESSED.value)

# Assessment rows, or any object with their party_id, status, as_of, recorded_at, pk and
# is_demonstration (the public pages pass rows as of a date, the tests plain namespaces).
Assessments = Iterable[Any]


def _newest(assessments: Assessments) -> Any:
    return max(assessments, key=lambda a: (a.as_of, a.recorded_at, a.pk or 0), default=None)


def _latest_per_lane(assessments: Assessments) -> dict[int | None, Any]:
    lanes: dict[int | None, list[Any]] = {}
    for a in assessments:
        lanes.setdefault(a.party_id, []).append(a)
    return {lane: _newest(rows) for lane, rows in lanes.items()}


def _from(assessment: Any, rule: str) -> Headline:
    return Headline(assessment.status, assessment.as_of, assessment.is_demonstration, rule)


def headline(assessments: Assessments, party_ids: Collection[int]) -> Headline:
    """The headline of a commitment whose committing parties are `party_ids`, from `assessments`:
    the effective assessments (no correction replaced them) dated up to the day asked about."""
    lanes = _latest_per_lane(assessments)
    whole = lanes.get(None)
    if len(party_ids) == 1:
        (only,) = party_ids
        newest = _newest([a for a in (whole, lanes.get(only)) if a is not None])
        return _from(newest, "whole" if newest is whole else "party") if newest else NOT_ASSESSED
    if whole is not None:
        return _from(whole, "whole")
    own = [lanes[p] for p in party_ids if p in lanes]
    if not own:
        return NOT_ASSESSED
    return Headline(
        roll_up(a.status for a in own),
        max(a.as_of for a in own),
        any(a.is_demonstration for a in own),
        "roll-up",
    )


def party_status(assessments: Assessments, party_id: int, party_ids: Collection[int]) -> tuple[Headline, bool]:
    """(status, inherited) of one party: its own lane's latest, else the whole's (inherited).
    For a one-party commitment, the headline (rule 1)."""
    if len(party_ids) == 1:
        result = headline(assessments, party_ids)
        return result, False
    lanes = _latest_per_lane(assessments)
    own = lanes.get(party_id)
    if own is not None:
        return _from(own, "party"), False
    whole = lanes.get(None)
    return (_from(whole, "whole") if whole else NOT_ASSESSED), True


def headline_steps(assessments: Assessments, party_ids: Collection[int]) -> list[tuple[datetime.date, Headline]]:
    """[(from this day, headline)] for every day the headline changed, oldest first: the log's
    headline on any date is the last step on or before it (none: not yet assessed)."""
    rows = sorted(assessments, key=lambda a: a.as_of)
    steps: list[tuple[datetime.date, Headline]] = []
    for day in sorted({a.as_of for a in rows}):
        current = headline([a for a in rows if a.as_of <= day], party_ids)
        if not steps or steps[-1][1] != current:
            steps.append((day, current))
    return steps
