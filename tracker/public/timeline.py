"""The status timeline of one commitment: the overall status, then one lane per party.

Built from the assessment log already loaded for the page (no query of its own), as the data of
a server-rendered SVG (`templates/public/_timeline.html`) and of its text equivalent. The overall
lane is the headline (`status.headline`, the rule every list uses); a party lane follows the
assessments of the whole commitment until that party is assessed on its own (`status.party_status`,
the rule the compliance score uses); those stretches are drawn paler and said in the text.

The axis is fitted to the data (`axis_end`): it ends a margin after the last event, not at today,
unless a deadline still to come is shown; the page's date is marked when it is on the axis.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tracker.commitments.status import Status, headline_steps

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
    is_demonstration: bool = False
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
    day: datetime.date | None = None  # the page's date; the axis may stop before it
    day_x: float | None = None  # the mark of the page's date (today, or as_of), when on the axis

    @property
    def ends_before_day(self) -> bool:
        """The axis stops before the page's date: nothing changed in between."""
        return self.day is not None and self.end < self.day

    @property
    def axis_y(self) -> int:
        return int(self.height - AXIS_HEIGHT + 4)


def effective_on(history, day: datetime.date) -> list:
    """The assessments of `history` that no correction replaced and that were true by `day`."""
    corrected = {a.supersedes_id for a in history if a.supersedes_id}
    return [a for a in history if a.pk not in corrected and a.as_of <= day]


def _steps(assessments) -> list[tuple[datetime.date, str, bool]]:
    """(date, status, demonstration) changes of one lane: the last recorded wins on a day."""
    by_day: dict = {}
    for a in sorted(assessments, key=lambda a: (a.as_of, a.recorded_at, a.pk)):
        by_day[a.as_of] = (a.status, a.is_demonstration)
    steps: list = []
    for day, (status, demo) in sorted(by_day.items()):
        if not steps or steps[-1][1:] != (status, demo):
            steps.append((day, status, demo))
    return steps


def _headline_steps(assessments, party_ids) -> list[tuple[datetime.date, str, bool]]:
    return [(day, h.status, h.is_demonstration) for day, h in headline_steps(assessments, party_ids)]


def _segments(start, end, steps, inherited=False) -> list[Segment]:
    segments = []
    points = [(start, Status.NOT_ASSESSED.value, False)] + [(max(d, start), s, demo) for d, s, demo in steps]
    for i, (day, status, demo) in enumerate(points):
        stop = points[i + 1][0] - datetime.timedelta(days=1) if i + 1 < len(points) else end
        if stop < day:
            continue
        if segments and (segments[-1].status, segments[-1].is_demonstration) == (status, demo):
            segments[-1].end = stop
        else:
            segments.append(Segment(status, day, stop, inherited, is_demonstration=demo))
    return segments


def _inherit(segments, before=None) -> list[Segment]:
    """The whole's segments as a party's paler ones, up to the day before `before`."""
    cut = before - datetime.timedelta(days=1) if before else None
    return [
        Segment(s.status, s.start, min(s.end, cut) if cut else s.end, True, is_demonstration=s.is_demonstration)
        for s in segments
        if before is None or s.start < before
    ]


def lanes_on(commitment, parties, history, day: datetime.date) -> list[Lane]:
    """The lanes as they stood on `day`: the headline first (`status.headline`), then each party
    in `parties` order (`status.party_status`: its own lane, else the whole's assessments)."""
    visible = effective_on(history, day)
    start = commitment.made_on
    end = max(day, start)
    party_ids = [p.pk for p in parties]
    lanes = [Lane("Overall", None, _segments(start, end, _headline_steps(visible, party_ids)))]
    whole = _segments(start, end, _steps([a for a in visible if a.party_id is None]))
    for party in parties:
        own = _steps([a for a in visible if a.party_id == party.pk])
        if len(parties) == 1:
            segments = lanes[0].segments  # one committing party: its status is the overall status
        elif not own:
            segments = _inherit(whole)
        else:
            segments = _inherit(whole, before=own[0][0]) + _segments(own[0][0], end, own)
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


# After the last event, the axis runs on for a quarter of the span it shows (at least 90 days), so
# a 2017–2019 history fills the chart instead of a sliver beside years of unchanged status.
TAIL_SHARE = 0.25
MIN_TAIL_DAYS = 90


def axis_end(commitment, history, day: datetime.date) -> datetime.date:
    """The last day the axis shows, fitted to the data: a margin after the last event (made,
    assessed, deadline), never later than the page's date unless a deadline still to come is
    shown (then the axis runs just past it, and the page's date is marked)."""
    start = commitment.made_on
    events = [start] + [a.as_of for a in history if a.as_of <= day]
    if commitment.deadline:
        events.append(commitment.deadline)
    last = max(events)
    if last > day:
        return last + datetime.timedelta(days=max(30, (last - start).days // 20))
    tail = max(MIN_TAIL_DAYS, int((last - start).days * TAIL_SHARE))
    return max(min(day, last + datetime.timedelta(days=tail)), start + datetime.timedelta(days=1))


def build(commitment, parties, history, day: datetime.date) -> Timeline:
    start = commitment.made_on
    end = axis_end(commitment, history, day)
    lanes = lanes_on(commitment, parties, history, day)
    total = (end - start).days + 1

    def scale(d: datetime.date) -> float:
        return round(CHART_LEFT + (CHART_RIGHT - CHART_LEFT) * (d - start).days / total, 1)

    for index, lane in enumerate(lanes):
        lane.y = TOP + index * (LANE_HEIGHT + LANE_GAP)
        for segment in lane.segments:
            segment.x = scale(segment.start)
            shown_end = min(segment.end, end)  # the axis may stop before the page's date
            segment.width = max(round(scale(shown_end + datetime.timedelta(days=1)) - segment.x, 1), 1)
    deadline_x = scale(commitment.deadline) if commitment.deadline and start <= commitment.deadline <= end else None
    day_x = scale(day) if start <= day <= end else None
    height = TOP + len(lanes) * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT
    return Timeline(lanes, _ticks(start, end, scale), start, end, deadline_x, height, day=day, day_x=day_x)
