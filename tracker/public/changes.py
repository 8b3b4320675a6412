"""What changed between two dates, and the corrections log.

`/changes/?from=YYYY-MM-DD&to=YYYY-MM-DD` lists every published commitment whose shown (headline)
status changed in the window: from what, to what, on which day, and the assessment that made the
change. It reads the one status rule through its stored projection, `StatusStep` (written only by
`actions.record_assessment`, from `status.headline_steps`), so a change listed here is exactly a
change of the status the commitment's page shows on those dates. A step whose status equals the
step before it (a newer assessment confirming the same status) is not a change.

`/corrections/` lists the assessments that corrected an earlier one (`Assessment.supersedes`).

Both come as a page (keyset-paginated: a page costs the same at any depth), an Atom feed and, for
the changes, CSV. Bad dates are a 400 with a message and nothing else; these views only read.
"""

from __future__ import annotations

import csv
import datetime
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, LPad
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from tracker.commitments.models import Assessment, Commitment, StatusStep
from tracker.commitments.status import Status
from tracker.public import links
from tracker.public.asof import ViewDate, long_date, parse_as_of, view_date
from tracker.public.caching import public_page
from tracker.public.pagination import CursorError, Sort, paginate
from tracker.public.streaming import guarded_stream

PAGE_SIZE = 50
FEED_ITEMS = 50
# Without `from`, the window is the 30 days up to `to` (a month of changes).
DEFAULT_DAYS = 30
CSV_CHUNK = 500

CSV_COLUMNS = [
    ("reference", "The commitment's stable reference."),
    ("title", "The commitment's short title."),
    ("changed_on", "The day the status changed (YYYY-MM-DD): the date of the assessment that changed it."),
    ("from_status", "The status key before that day (see the methodology)."),
    ("to_status", "The status key from that day on."),
    ("is_demonstration", "1 when the new status rests on demonstration data."),
    ("assessment_id", "The assessment that changed it (its row in the commitment's history)."),
    ("assessment_party", "Whose assessment it was: empty for the commitment as a whole, else a party code."),
    ("assessment_status", "The status that assessment recorded (under the roll-up rule it can differ from to_status)."),
    ("is_correction", "1 when that assessment corrected an earlier one."),
    ("url", "The commitment's page on this site, at that day."),
]


# --- The window --------------------------------------------------------------------------------


class WindowError(ValueError):
    """The dates asked for cannot make a window; the message says why, for the reader."""


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date
    view: ViewDate  # the page's as_of: `end` never passes it
    clamped: bool = False  # `to` was after the as_of date and was brought back to it

    def query(self, **extra) -> str:
        params = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.view.historical:
            params["as_of"] = self.view.day.isoformat()
        params.update({k: v for k, v in extra.items() if v})
        return urlencode(params)


def _date(request, name: str, label: str) -> datetime.date | None:
    raw = request.GET.get(name, "")
    if not raw.strip():
        return None
    try:
        return parse_as_of(raw)
    except ValidationError as error:
        raise WindowError(f"{label}: {error.messages[0]}") from None


def strict_view_date(request) -> ViewDate:
    """The page's as_of date, or WindowError (a feed or CSV cannot fall back to today quietly)."""
    day = _date(request, "as_of", "As of")
    return ViewDate(day, historical=True) if day else ViewDate(timezone.localdate())


def window(request) -> Window:
    """The window `?from=&to=` names (defaults: `to` today or the as_of date, `from` 30 days
    earlier), or WindowError. With `as_of`, nothing after that date: `to` is brought back to it."""
    vd = strict_view_date(request)
    start = _date(request, "from", "From")
    end = _date(request, "to", "To")
    clamped = False
    if end is None:
        end = vd.day
    elif end > vd.day:
        end, clamped = vd.day, True
    if start is None:
        start = end - datetime.timedelta(days=DEFAULT_DAYS)
    if start > end:
        raise WindowError(
            f"The start date ({long_date(start)}) is after the end date ({long_date(end)}). "
            "Write the earlier date in “from” and the later one in “to”."
        )
    return Window(start, end, vd, clamped)


# --- The changes -------------------------------------------------------------------------------


def changes(win: Window):
    """The status steps of published commitments dated in the window whose status differs from
    the step before (or from "not yet assessed" for a first step): one row per change, with
    `from_status` and `reference` annotated. One query; the previous step is an index probe on
    (commitment, since)."""
    previous = StatusStep.objects.filter(commitment=OuterRef("commitment"), since__lt=OuterRef("since")).order_by(
        "-since"
    )
    return (
        StatusStep.objects.filter(
            commitment__in=Commitment.objects.published().values("pk"), since__gte=win.start, since__lte=win.end
        )
        .annotate(
            from_status=Coalesce(Subquery(previous.values("status")[:1]), Value(Status.NOT_ASSESSED.value)),
            reference=F("commitment__reference"),
        )
        .exclude(status=F("from_status"))
        .select_related("commitment")
    )


CHANGE_ORDER = Sort("changed_on", "Oldest change first", F("since"), kind="date")


def _decisive(assessment, step) -> tuple:
    """How surely `assessment` (dated the day of `step`) is the one that made the change: one
    recording the new status first, then the whole commitment's (which wins over the parties'),
    then the newest recorded."""
    return (assessment.status == step.status, assessment.party_id is None, assessment.recorded_at, assessment.pk)


def with_assessments(steps: list) -> list:
    """Attach to each change `.assessment`: the effective assessment of that commitment, dated
    that day, that made the change (see `_decisive`). One query for the whole page."""
    if not steps:
        return steps
    found = (
        Assessment.objects.filter(
            commitment_id__in={s.commitment_id for s in steps}, as_of__in={s.since for s in steps}
        )
        .effective()
        .select_related("party", "supersedes")
    )
    by_day: dict = {}
    for a in found:
        by_day.setdefault((a.commitment_id, a.as_of), []).append(a)
    for step in steps:
        candidates = by_day.get((step.commitment_id, step.since), [])
        step.assessment = max(candidates, key=lambda a, step=step: _decisive(a, step), default=None)
    return steps


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")


def _today_query(request) -> str:
    return urlencode({name: request.GET[name] for name in ("from", "to") if request.GET.get(name, "").strip()})


@public_page
def changes_page(request):
    try:
        win = window(request)
    except WindowError as error:
        context = {"error": str(error), "view_date": ViewDate(timezone.localdate()), "today": timezone.localdate()}
        context["current_url"] = request.path
        return render(request, "public/changes.html", context, status=400)
    cursor_error = ""
    try:
        page = paginate(changes(win), CHANGE_ORDER, after=request.GET.get("after", ""), size=PAGE_SIZE)
    except CursorError:
        cursor_error = "This page link is damaged or out of date. Here is the first page of the changes instead."
        page = paginate(changes(win), CHANGE_ORDER, size=PAGE_SIZE)
    with_assessments(page.rows)
    query = win.query()
    context = {
        "window": win,
        "page": page,
        "cursor_error": cursor_error,
        "query": query,
        "view_date": win.view,
        "today": timezone.localdate(),
        "current_url": request.path,
        # "See today's view" keeps the window asked for, without the as_of date.
        "today_url": "?".join(filter(None, [reverse("public:changes"), _today_query(request)])),
        "feed_url": reverse("public:changes_feed") + "?" + query,
        "csv_url": reverse("public:changes_csv") + "?" + query,
        "next_url": reverse("public:changes") + "?" + win.query(after=page.next_cursor) if page.next_cursor else "",
    }
    return render(request, "public/changes.html", context)


class _Echo:
    def write(self, value):
        return value


def _csv_row(step, site: str) -> list:
    a = step.assessment
    return [
        step.reference,
        step.commitment.title,
        step.since.isoformat(),
        step.from_status,
        step.status,
        "1" if step.is_demonstration else "0",
        a.pk if a else "",
        a.party.code if a and a.party_id else "",
        a.status if a else "",
        "1" if a and a.supersedes_id else "0",
        f"{site}{step.commitment.get_absolute_url()}?as_of={step.since.isoformat()}",
    ]


@public_page
def changes_csv(request):
    try:
        win = window(request)
    except WindowError as error:
        return _bad_request(str(error))
    site = links.site_url(request)
    writer = csv.writer(_Echo())

    def batches() -> Iterator[list]:
        steps = changes(win).order_by("since", "reference").iterator(chunk_size=CSV_CHUNK)
        while batch := list(itertools.islice(steps, CSV_CHUNK)):
            yield with_assessments(batch)

    def rows() -> Iterator[str]:
        # The first part holds the head and the first rows: the database has answered by then
        # (tracker.public.streaming).
        head = "\ufeff" + writer.writerow([name for name, _ in CSV_COLUMNS])
        for batch in batches():
            yield head + "".join(writer.writerow(_csv_row(s, site)) for s in batch)
            head = ""
        if head:
            yield head

    return guarded_stream(
        rows(),
        content_type="text/csv; charset=utf-8",
        filename=f"changes-{win.start.isoformat()}-to-{win.end.isoformat()}.csv",
        what="CSV",
    )


# --- Feeds -------------------------------------------------------------------------------------


class _SiteFeed(Feed):
    feed_type = Atom1Feed
    author_name = "The editors"
    site = ""
    path = ""

    def feed_url(self, obj):
        return self.site + self.path

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True


class ChangesFeed(_SiteFeed):
    """The changes of a window, newest first (the latest FEED_ITEMS)."""

    def get_object(self, request, *args, **kwargs):
        return window(request)

    def title(self, win):
        return f"{settings.SITE_NAME}: status changes from {long_date(win.start)} to {long_date(win.end)}"

    def subtitle(self, win):
        return "Every published commitment whose status changed in the window, from → to."

    def link(self, win):
        return self.site + reverse("public:changes") + "?" + win.query()

    def items(self, win):
        return with_assessments(list(changes(win).order_by("-since", "-reference")[:FEED_ITEMS]))

    def item_title(self, step):
        demo = " [demonstration]" if step.is_demonstration else ""
        return (
            f"{step.reference}: {Status(step.from_status).label} → {Status(step.status).label} "
            f"on {long_date(step.since)}{demo}"
        )

    def item_description(self, step):
        parts = [f"<p><strong>{escape(step.commitment.title)}</strong></p>"]
        a = step.assessment
        if a is not None:
            lane = a.party.name if a.party_id else "the commitment as a whole"
            prefix = "Correction. " if a.supersedes_id else ""
            parts.append(f"<p>{prefix}Assessment of {escape(lane)}: {escape(a.rationale)}</p>")
        return "".join(parts)

    def item_link(self, step):
        return f"{self.site}{step.commitment.get_absolute_url()}?as_of={step.since.isoformat()}"

    def item_pubdate(self, step):
        return step.assessment.recorded_at if step.assessment else None

    def item_updateddate(self, step):
        return self.item_pubdate(step)


# --- Corrections -------------------------------------------------------------------------------


def corrections(vd: ViewDate):
    """Assessments of published commitments that corrected an earlier one. With an as_of date,
    only those whose entry and the entry they corrected were both dated by then."""
    rows = (
        Assessment.objects.public()
        .filter(supersedes__isnull=False)
        .select_related("commitment", "party", "supersedes")
        # The keyset tie-breaker: the id as fixed-width text, unique and ordered.
        .annotate(reference=LPad(Cast("id", CharField()), 12, Value("0")))
    )
    if vd.historical:
        rows = rows.filter(Q(as_of__lte=vd.day), Q(supersedes__as_of__lte=vd.day), Q(commitment__made_on__lte=vd.day))
    return rows


CORRECTION_ORDER = Sort("recorded", "Newest first", F("recorded_at"), descending=True, kind="datetime")


@public_page
def corrections_page(request):
    vd = view_date(request)
    cursor_error = ""
    try:
        page = paginate(corrections(vd), CORRECTION_ORDER, after=request.GET.get("after", ""), size=PAGE_SIZE)
    except CursorError:
        cursor_error = "This page link is damaged or out of date. Here is the first page of the corrections instead."
        page = paginate(corrections(vd), CORRECTION_ORDER, size=PAGE_SIZE)
    params = {"as_of": vd.day.isoformat()} if vd.historical else {}
    next_query = urlencode({**params, "after": page.next_cursor}) if page.next_cursor else ""
    context = {
        "page": page,
        "cursor_error": cursor_error,
        "view_date": vd,
        "today": timezone.localdate(),
        "current_url": request.path,
        "feed_url": reverse("public:corrections_feed"),
        "next_url": reverse("public:corrections") + "?" + next_query if next_query else "",
    }
    return render(request, "public/corrections.html", context, status=400 if vd.error else 200)


class CorrectionsFeed(_SiteFeed):
    def get_object(self, request, *args, **kwargs):
        return strict_view_date(request)

    def title(self, vd):
        return f"{settings.SITE_NAME}: corrections"

    def subtitle(self, vd):
        return "Assessments that corrected an earlier assessment, newest first."

    def link(self, vd):
        return self.site + reverse("public:corrections")

    def items(self, vd):
        return corrections(vd).order_by("-recorded_at", "-id")[:FEED_ITEMS]

    def item_title(self, a):
        lane = a.party.name if a.party_id else "overall"
        demo = " [demonstration]" if a.is_demonstration else ""
        return (
            f"Correction: {a.commitment.reference} ({lane}) {a.supersedes.get_status_display()} "
            f"as of {long_date(a.supersedes.as_of)} → {a.get_status_display()} as of {long_date(a.as_of)}{demo}"
        )

    def item_description(self, a):
        return (
            f"<p><strong>{escape(a.commitment.title)}</strong></p>"
            f"<p>What was wrong: {escape(a.correction_reason)}</p><p>{escape(a.rationale)}</p>"
        )

    def item_link(self, a):
        return f"{self.site}{a.commitment.get_absolute_url()}#assessment-{a.pk}"

    def item_pubdate(self, a):
        return a.recorded_at

    def item_updateddate(self, a):
        return a.recorded_at


def _feed_view(feed_class):
    @public_page
    def view(request):
        feed = feed_class()
        feed.site, feed.path = links.site_url(request), request.get_full_path()
        try:
            return feed(request)
        except WindowError as error:
            return _bad_request(str(error))

    return view


changes_feed = _feed_view(ChangesFeed)
corrections_feed = _feed_view(CorrectionsFeed)
