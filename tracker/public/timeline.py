"""The status timeline of one commitment: one lane for the whole and one per party.

Built from the assessment log already loaded for the page (no query of its own), as the data of
a server-rendered SVG (`templates/public/_timeline.html`) and of its text equivalent. A party lane
follows the whole commitment's status until that party is assessed on its own, the rule the
compliance score uses; those stretches are drawn paler and said in the text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tracker.commitments.status import Status

SYMBOLS = {
    Status.NOT_ASSESSED: "○",
    Status.NO_INFORMATION: "?",
    Status.NOT_STARTED: "□",
    Status.IN_PROGRESS: "◔",
    Status.STALLED: "‖",
    Status.PARTIAL: "◑",
    Status.FULFILLED: "✓",
    Status.BROKEN: "✗",
}

# Geometry of the SVG, in its own units (it scales to the width of the page).
WIDTH = 960
LABEL_WIDTH = 150
CHART_LEFT = LABEL_WIDTH + 10
CHART_RIGHT = WIDTH - 24
LANE_HEIGHT = 30
LANE_GAP = 14
TOP = 10
AXIS_HEIGHT = 48


@dataclass
class Segment:
    status: str
    start: datetime.date
    end: datetime.date  # the last day shown, inclusive
    inherited: bool = False
    x: float = 0
    width: float = 0

    @property
    def label(self) -> str:
        return Status(self.status).label

    @property
    def symbol(self) -> str:
        return SYMBOLS[Status(self.status)]

    @property
    def symbol_x(self) -> float:
        return self.x + self.width / 2


@dataclass
class Lane:
    name: str
    party: object | None
    segments: list[Segment] = field(default_factory=list)
    y: float = 0

    @property
    def current(self) -> Segment:
        return self.segments[-1]

    @property
    def label_y(self) -> float:
        return self.y + LANE_HEIGHT / 2 + 5


@dataclass
class Tick:
    x: float
    label: str

    @property
    def anchor(self) -> str:
        """Labels near the right edge end at their tick, so they are not cut off."""
        return "end" if self.x > CHART_RIGHT - 30 else "middle"


@dataclass
class Timeline:
    lanes: list[Lane]
    ticks: list[Tick]
    start: datetime.date
    end: datetime.date
    deadline_x: float | None
    height: float
    width: int = WIDTH
    chart_left: int = CHART_LEFT
    chart_right: int = CHART_RIGHT
    lane_height: int = LANE_HEIGHT

    @property
    def axis_y(self) -> int:
        return int(self.height - AXIS_HEIGHT + 4)


def effective_on(history, day: datetime.date) -> list:
    """The assessments of `history` that no correction replaced and that were true by `day`."""
    corrected = {a.supersedes_id for a in history if a.supersedes_id}
    return [a for a in history if a.pk not in corrected and a.as_of <= day]


def _steps(assessments) -> list[tuple[datetime.date, str]]:
    """(date, status) changes of one lane: the last recorded wins on a day; repeats merged."""
    by_day: dict = {}
    for a in sorted(assessments, key=lambda a: (a.as_of, a.recorded_at, a.pk)):
        by_day[a.as_of] = a.status
    steps: list = []
    for day, status in sorted(by_day.items()):
        if not steps or steps[-1][1] != status:
            steps.append((day, status))
    return steps


def _segments(start, end, steps, inherited=False) -> list[Segment]:
    segments = []
    points = [(start, Status.NOT_ASSESSED.value)] + [(max(d, start), s) for d, s in steps]
    for i, (day, status) in enumerate(points):
        stop = points[i + 1][0] - datetime.timedelta(days=1) if i + 1 < len(points) else end
        if stop < day:
            continue
        if segments and segments[-1].status == status:
            segments[-1].end = stop
        else:
            segments.append(Segment(status, day, stop, inherited))
    return segments


def lanes_on(commitment, parties, history, day: datetime.date) -> list[Lane]:
    """The lanes as they stood on `day`: the whole first, then each party in `parties` order."""
    visible = effective_on(history, day)
    start = commitment.made_on
    end = max(day, start)
    overall_steps = _steps([a for a in visible if a.party_id is None])
    lanes = [Lane("Overall", None, _segments(start, end, overall_steps))]
    for party in parties:
        own = _steps([a for a in visible if a.party_id == party.pk])
        if not own:
            segments = [Segment(s.status, s.start, s.end, inherited=True) for s in _segments(start, end, overall_steps)]
        else:
            first_own = own[0][0]
            segments = [
                Segment(s.status, s.start, min(s.end, first_own - datetime.timedelta(days=1)), inherited=True)
                for s in _segments(start, end, overall_steps)
                if s.start < first_own
            ]
            segments += _segments(first_own, end, own)
        name = party.name if len(party.name) <= 18 else party.label  # the lane label has ~150 units
        lanes.append(Lane(name, party, segments))
    return lanes


def _ticks(start: datetime.date, end: datetime.date, scale) -> list[Tick]:
    span = (end - start).days
    ticks = []
    if span > 3 * 365:
        step_months, fmt = 12, "%Y"
    elif span > 540:
        step_months, fmt = 6, "%b %Y"
    elif span > 120:
        step_months, fmt = 3, "%b %Y"
    else:
        step_months, fmt = 1, "%b %Y"
    month = start.month if step_months == 1 else ((start.month - 1) // step_months) * step_months + 1
    day = datetime.date(start.year, month, 1)
    while day <= end:
        if day >= start:
            ticks.append(Tick(scale(day), day.strftime(fmt)))
        month_index = day.month - 1 + step_months
        day = datetime.date(day.year + month_index // 12, month_index % 12 + 1, 1)
    return ticks


def build(commitment, parties, history, day: datetime.date) -> Timeline:
    lanes = lanes_on(commitment, parties, history, day)
    start = commitment.made_on
    end = max(day, start + datetime.timedelta(days=1))
    total = (end - start).days + 1

    def scale(d: datetime.date) -> float:
        return round(CHART_LEFT + (CHART_RIGHT - CHART_LEFT) * (d - start).days / total, 1)

    for index, lane in enumerate(lanes):
        lane.y = TOP + index * (LANE_HEIGHT + LANE_GAP)
        for segment in lane.segments:
            segment.x = scale(segment.start)
            segment.width = max(round(scale(segment.end + datetime.timedelta(days=1)) - segment.x, 1), 1)
    deadline_x = scale(commitment.deadline) if commitment.deadline and start <= commitment.deadline <= end else None
    height = TOP + len(lanes) * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT
    return Timeline(lanes, _ticks(start, end, scale), start, end, deadline_x, height)
