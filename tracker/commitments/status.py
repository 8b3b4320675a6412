"""The status scale and the compliance score: fixed, and published on the methodology page."""

from collections.abc import Iterable

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
SCORE_POINTS = {
    Status.FULFILLED: 1,
    Status.PARTIAL: 0,
    Status.IN_PROGRESS: 0,
    Status.NOT_STARTED: -1,
    Status.STALLED: -1,
    Status.BROKEN: -1,
}


class ComplianceScore:
    """Mean of the points of the scored statuses, and the same as a percentage ((mean + 1) / 2)."""

    def __init__(self, statuses: Iterable[str]):
        points = [SCORE_POINTS[s] for s in statuses if s in SCORE_POINTS]
        self.scored = len(points)
        self.mean = sum(points) / len(points) if points else None

    @property
    def percent(self) -> float | None:
        return None if self.mean is None else (self.mean + 1) / 2 * 100

    def __repr__(self) -> str:
        return f"ComplianceScore(mean={self.mean!r}, scored={self.scored})"
