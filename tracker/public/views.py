"""The public site: read-only pages, server-rendered, working without JavaScript.

Every read starts from `Commitment.objects.published()` (through `_visible`), every page takes
`?as_of=YYYY-MM-DD` for a historical view, and every page is cached for anonymous readers
(`caching.public_page`). Each view loads what its template shows in a fixed number of queries,
whatever the number of rows (the tests count them).
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Max, Min, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from tracker.commitments import summaries
from tracker.commitments.models import Assessment, Commitment, CommitmentSource, Dialogue, Meeting, Party
from tracker.commitments.status import CLOSED, SCORE_POINTS, STATUS_MEANINGS, Status, headline
from tracker.public import timeline
from tracker.public.asof import ViewDate, view_date
from tracker.public.caching import public_page
from tracker.public.citation import cite
from tracker.public.counting import EXACT_UP_TO, list_total
from tracker.public.filters import CommitmentFilter
from tracker.public.pagination import SORTS, CursorError, paginate
from tracker.public.scorecards import (
    Lanes,
    deadline_state_on,
    overall_scorecard,
    overall_scorecard_today,
    party_scorecard,
    party_scorecards,
)

PAGE_SIZE = 25
PANEL_SIZE = 8
# Party and dialogue pages list at most this many commitments (the latest made), with the counts
# by status of all of them and a link to the whole filtered list: a page stays small at any scale.
PAGE_ROWS_CAP = 25
DUE_SOON_DAYS = 90


def _made(vd: ViewDate):
    """Published commitments, as the page's date sees them (no status annotated)."""
    commitments = Commitment.objects.published()
    return commitments.made_by(vd.day) if vd.historical else commitments


def _visible(vd: ViewDate):
    """Published commitments, as the page's date sees them, with their status on that date."""
    return _made(vd).with_shown_status(vd.as_of)


def _with_deadlines(rows, day: datetime.date):
    for row in rows:
        row.deadline_info = deadline_state_on(row, day, row.status_on_day, row.status_on_day_as_of)
    return rows


def _page(request, template: str, vd: ViewDate, context: dict, status: int = 200):
    context.setdefault("view_date", vd)
    context.setdefault("today", timezone.localdate())
    context["current_url"] = request.path
    return render(request, template, context, status=400 if vd.error and status == 200 else status)


def _sources_known_on(day: datetime.date):
    """Sources of commitments as a page dated `day` shows them: documents published later are
    left out (a source without a publication date is the commitment's own, made by then)."""
    return (
        CommitmentSource.objects.exclude(article__published_on__gt=day)
        .select_related("issuing_party", "article")
        .order_by("added_at", "id")
    )


# --- Dashboard ---------------------------------------------------------------------------------


@public_page
def dashboard(request):
    vd = view_date(request)
    day = vd.day
    commitments = _visible(vd)
    open_commitments = (
        commitments.exclude(status_on_day__in=CLOSED).select_related("meeting__dialogue").prefetch_related("parties")
    )
    overdue = open_commitments.filter(deadline__lt=day).order_by("deadline", "reference")
    recent = (
        Assessment.objects.public()
        .effective()
        .as_of(day)
        .latest_first()
        .select_related("commitment", "party", "supersedes")[:PANEL_SIZE]
    )
    dialogues = (
        Dialogue.objects.with_public_counts(vd.as_of)
        .annotate(last_met=Max("meetings__date", filter=Q(meetings__date__lte=day)))
        .prefetch_related("parties")
        .order_by("name")
    )
    context = {
        # Today's counts are summed from the summary rows; a past date's counted from the log.
        "overall": overall_scorecard(commitments) if vd.historical else overall_scorecard_today(),
        "party_cards": party_scorecards(_made(vd), day, historical=vd.historical),
        "recent": recent,
        "due_soon": _with_deadlines(
            open_commitments.filter(
                deadline__gte=day, deadline__lte=day + datetime.timedelta(days=DUE_SOON_DAYS)
            ).order_by("deadline", "reference")[:PANEL_SIZE],
            day,
        ),
        "due_soon_days": DUE_SOON_DAYS,
        "due_soon_to": day + datetime.timedelta(days=DUE_SOON_DAYS),
        "overdue": _with_deadlines(overdue[:PANEL_SIZE], day),
        "overdue_count": overdue.count() if vd.historical else summaries.overdue_count(day),
        "dialogues": dialogues,
        "citation": cite(
            title="Dashboard: the status of every tracked commitment",
            path=reverse("public:dashboard"),
            day=day,
            accessed=timezone.localdate(),
            request=request,
            key="dashboard",
        ),
    }
    return _page(request, "public/dashboard.html", vd, context)


# --- The list ----------------------------------------------------------------------------------


def _list_query(request, drop=("after", "before")) -> str:
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    return params.urlencode()


@public_page
def commitment_list(request):
    rows = Commitment.objects.published().with_row_labels()
    filterset = CommitmentFilter(request.GET, queryset=rows, request=request)
    page, total, total_exact, cursor_error = None, None, True, ""
    valid = filterset.is_valid()
    day = filterset.day if valid else timezone.localdate()
    if valid:
        sort = SORTS[filterset.sort_key]
        try:
            page = paginate(
                filterset.qs,
                sort,
                after=request.GET.get("after", ""),
                before=request.GET.get("before", ""),
                size=PAGE_SIZE,
            )
        except CursorError:
            cursor_error = "This page link is damaged or out of date. Here is the first page of the list instead."
            page = paginate(filterset.qs, sort, size=PAGE_SIZE)
        _with_deadlines(page.rows, day)
        total, total_exact = list_total(filterset)
    as_of = filterset.form.cleaned_data.get("as_of") if valid else None
    vd = ViewDate(day, historical=as_of is not None)
    query = _list_query(request)
    feed_query = _list_query(request, drop=("after", "before", "as_of", "sort"))
    without_date = _list_query(request, drop=("after", "before", "as_of"))
    context = {
        "filter": filterset,
        "valid": valid,
        "today_url": reverse("public:commitment_list") + (f"?{without_date}" if without_date else ""),
        "page": page,
        "total": total,
        "total_exact": total_exact,
        "exact_up_to": EXACT_UP_TO,
        "cursor_error": cursor_error,
        "query": query,
        "feed_url": reverse("public:feed_changes") + (f"?{feed_query}" if feed_query else ""),
        "csv_url": reverse("public:export_csv") + (f"?{query}" if query else ""),
        "json_url": reverse("public:export_json") + (f"?{query}" if query else ""),
        "citation": cite(
            title="Commitments" + (" (filtered)" if valid and filterset.active else ""),
            path=reverse("public:commitment_list"),
            day=day,
            accessed=timezone.localdate(),
            request=request,
            key="commitments",
            params=request.GET,
        ),
    }
    return _page(request, "public/commitment_list.html", vd, context, status=200 if valid else 400)


# --- One commitment ----------------------------------------------------------------------------


def _history_rows(history, day: datetime.date) -> list:
    """The log as readers see it: oldest first, each row knowing the correction that replaced it."""
    corrections = {a.supersedes_id: a for a in history if a.supersedes_id}
    rows = []
    for assessment in history:
        if assessment.as_of > day:
            continue
        assessment.corrected_by = corrections.get(assessment.pk)
        rows.append(assessment)
    return rows


@public_page(scope=lambda reference: f"commitment:{reference}")
def commitment_detail(request, reference):
    vd = view_date(request)
    day = vd.day
    related = Commitment.objects.published().made_by(day).with_shown_status(vd.as_of).order_by("reference")
    commitment = get_object_or_404(
        Commitment.objects.published()
        .select_related("meeting__dialogue", "parent", "predecessor", "source_article")
        .prefetch_related(
            "parties",
            "topics",
            Prefetch("sources", queryset=_sources_known_on(day)),
            Prefetch("sub_commitments", queryset=related, to_attr="public_subs"),
            Prefetch("successors", queryset=related, to_attr="public_successors"),
        ),
        reference=reference,
    )
    if commitment.made_on > day:
        return _page(request, "public/commitment_not_yet.html", vd, {"commitment": commitment}, status=404)
    parties = list(commitment.parties.all())
    history = list(
        Assessment.objects.filter(commitment=commitment)
        .chronological()
        .select_related("party")
        .prefetch_related("evidence")
    )
    chart = timeline.build(commitment, parties, history, day)
    overall = headline(timeline.effective_on(history, day), [p.pk for p in parties])
    overall_status, overall_as_of = overall.status, overall.since

    def visible(other):
        """A parent or predecessor readers may follow: published, and made by the page's date."""
        return other if other is not None and other.is_published and other.made_on <= day else None

    context = {
        "commitment": commitment,
        "parties": parties,
        "topics": list(commitment.topics.all()),
        "sources": list(commitment.sources.all()),
        "timeline": chart,
        "overall": overall,
        "overall_status": overall_status,
        "overall_as_of": overall_as_of,
        "deadline_info": deadline_state_on(commitment, day, overall_status, overall_as_of),
        "history": _history_rows(history, day),
        "hidden_later": sum(1 for a in history if a.as_of > day),
        "parent": visible(commitment.parent),
        "predecessor": visible(commitment.predecessor),
        "citation": cite(
            title=f"{commitment.reference}: {commitment.title}",
            path=commitment.get_absolute_url(),
            day=day,
            accessed=timezone.localdate(),
            request=request,
            key=commitment.reference,
            detail=f"{Status(overall_status).label} (overall)",
        ),
    }
    return _page(request, "public/commitment_detail.html", vd, context)


# --- Dialogues ---------------------------------------------------------------------------------


@public_page
def dialogue_list(request):
    vd = view_date(request)
    day = vd.day
    dialogues = (
        Dialogue.objects.with_public_counts(vd.as_of)
        .annotate(
            meeting_count=Count("meetings", filter=Q(meetings__date__lte=day), distinct=True),
            first_met=Min("meetings__date", filter=Q(meetings__date__lte=day)),
            last_met=Max("meetings__date", filter=Q(meetings__date__lte=day)),
        )
        .prefetch_related("parties")
        .order_by("name")
    )
    return _page(request, "public/dialogue_list.html", vd, {"dialogues": dialogues})


@public_page(scope=lambda slug: f"dialogue:{slug}")
def dialogue_detail(request, slug):
    vd = view_date(request)
    day = vd.day
    # A dialogue without published commitments is no page (whatever the date asked for).
    dialogue = get_object_or_404(Dialogue.objects.public().prefetch_related("parties"), slug=slug)
    commitments = _visible(vd).filter(meeting__dialogue=dialogue)
    latest = commitments.with_row_labels().order_by("-made_on", "-reference")[:PAGE_ROWS_CAP]
    rows = _with_deadlines(sorted(latest, key=lambda row: row.reference), day)
    if vd.historical:
        per_meeting = dict(
            commitments.order_by().values("meeting_id").annotate(n=Count("pk")).values_list("meeting_id", "n")
        )
    else:
        per_meeting = summaries.commitments_per_meeting(dialogue=dialogue)
    meetings = list(Meeting.objects.filter(dialogue=dialogue, date__lte=day).order_by("date", "title"))
    by_meeting: dict = {}
    for row in rows:
        topics = row.topic_list
        main = topics[0] if topics else None
        by_meeting.setdefault(row.meeting_id, {}).setdefault(main, []).append(row)
    # Two links per meeting, made without a `reverse` each (a dialogue may have held 150 meetings).
    on_day = f"as_of={day:%Y-%m-%d}" if vd.historical else ""
    detail_url = reverse("public:meeting_detail", args=["SLUG"]).replace("SLUG", "{}") + (
        f"?{on_day}" if on_day else ""
    )
    list_url = reverse("public:commitment_list") + "?meeting={}" + (f"&{on_day}" if on_day else "")
    for meeting in meetings:
        meeting.detail_url = detail_url.format(meeting.slug)
        meeting.list_url = list_url.format(meeting.slug)
        groups = by_meeting.get(meeting.pk, {})
        meeting.topic_groups = sorted(
            groups.items(), key=lambda kv: (kv[0] is None, kv[0].position if kv[0] else 0, str(kv[0]))
        )
        meeting.commitment_count = per_meeting.get(meeting.pk, 0)
        meeting.shown_count = sum(len(v) for v in groups.values())
    sources: dict = {}
    for source in _sources_known_on(day).filter(commitment__in=[r.pk for r in rows]):
        sources.setdefault(source.article_id or source.url, source)
    overall = overall_scorecard(commitments) if vd.historical else overall_scorecard_today(dialogue=dialogue)
    list_query = f"?dialogue={dialogue.slug}" + (f"&as_of={day:%Y-%m-%d}" if vd.historical else "")
    context = {
        "dialogue": dialogue,
        "meetings": meetings,
        "overall": overall,
        "rows_capped": overall.total > len(rows),
        "shown_count": len(rows),
        "full_list_url": reverse("public:commitment_list") + list_query,
        "party_cards": party_scorecards(
            _made(vd).filter(meeting__dialogue=dialogue), day, historical=vd.historical, dialogue=dialogue
        ),
        "sources": list(sources.values()),
        "commitment_count": overall.total,
        "citation": cite(
            title=f"{dialogue.name}: commitments and their status",
            path=dialogue.get_absolute_url(),
            day=day,
            accessed=timezone.localdate(),
            request=request,
            key=dialogue.short_name or dialogue.slug,
        ),
    }
    return _page(request, "public/dialogue_detail.html", vd, context)


# --- Parties -----------------------------------------------------------------------------------


@public_page
def party_list(request):
    vd = view_date(request)
    context = {"party_cards": party_scorecards(_made(vd), vd.day, historical=vd.historical)}
    return _page(request, "public/party_list.html", vd, context)


@public_page(scope=lambda code: f"party:{code}")
def party_detail(request, code):
    vd = view_date(request)
    day = vd.day
    party = get_object_or_404(Party, code=code)
    commitments = _visible(vd).filter(parties=party)
    rows = _with_deadlines(list(commitments.with_row_labels().order_by("-made_on", "reference")[:PAGE_ROWS_CAP]), day)
    lanes = Lanes(rows, day)
    for row in rows:
        status, row.party_status_inherited = lanes.for_party(row, party)
        row.party_status, row.party_status_is_demonstration = status.status, status.is_demonstration
    card = party_scorecard(_made(vd).filter(parties=party), party, day, historical=vd.historical)
    dialogues = Dialogue.objects.public(vd.as_of).filter(parties=party).order_by("name")
    list_query = f"?party={party.code}" + (f"&as_of={day:%Y-%m-%d}" if vd.historical else "")
    context = {
        "party": party,
        "rows": rows,
        "rows_capped": card is not None and card.total > len(rows),
        "full_list_url": reverse("public:commitment_list") + list_query,
        "card": card,
        "dialogues": dialogues,
        "citation": cite(
            title=f"{party.name}: commitments and record",
            path=party.get_absolute_url(),
            day=day,
            accessed=timezone.localdate(),
            request=request,
            key=party.code,
        ),
    }
    return _page(request, "public/party_detail.html", vd, context)


# --- About the data ----------------------------------------------------------------------------


@public_page
def methodology(request):
    vd = view_date(request)
    scale = [
        {
            "status": s.value,
            "label": s.label,
            "meaning": STATUS_MEANINGS[s],
            "points": {1: "+1", 0: "0", -1: "−1"}.get(SCORE_POINTS.get(s), "left out"),
        }
        for s in Status
    ]
    return _page(request, "public/methodology.html", vd, {"scale": scale})
