"""Exports: CSV and JSON of any filtered list, and a full dump for researchers.

The columns are stable and documented on /exports/ (from `commitments.columns.COLUMNS`). `CommitmentResource`
is a django-import-export resource, so the editors' CSV import reads back exactly what this
writes: parties as ';'-joined party codes (names are accepted on import too), topics as
';'-joined topic keys, dates as ISO 8601, the meeting by slug, parent and predecessor by
reference. Derived columns (dialogue, current status, url) are read-only; is_published is applied
by the editors' import (1 publishes, 0 unpublishes, empty leaves it as it is).

Everything starts from `Commitment.objects.published()`; references of unpublished parents or
predecessors are left blank. Rows are streamed, in chunks, so a large export neither holds the
whole table in memory nor times out.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from import_export import fields, resources, widgets

from tracker.commitments.columns import COLUMN_NAMES
from tracker.commitments.models import (
    Assessment,
    Commitment,
    CommitmentSource,
    Dialogue,
    Evidence,
    Meeting,
    Party,
    Topic,
)
from tracker.commitments.status import Status
from tracker.public import links
from tracker.public.asof import view_date
from tracker.public.streaming import guarded_stream
from tracker.public.templatetags.public_tags import safe_href

# Spreadsheets run a cell that starts with one of these as a formula; quoted text can start with
# anything, so such cells get a leading apostrophe, which the import removes again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


class TextWidget(widgets.CharWidget):
    def render(self, value, obj=None, **kwargs):
        value = super().render(value, obj, **kwargs)
        if kwargs.get("force_native_type") or not value:
            return value
        return "'" + value if value.startswith(FORMULA_STARTS) else value

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return value[1:] if isinstance(value, str) and value.startswith("'") else value


class PartiesWidget(widgets.ManyToManyWidget):
    """';'-joined party codes; on import, a party's name or short name works too."""

    def clean(self, value, row=None, **kwargs):
        names = [n.strip() for n in str(value or "").split(self.separator) if n.strip()]
        if not names:
            return Party.objects.none()
        condition = Q()
        for name in names:
            condition |= Q(code__iexact=name) | Q(name__iexact=name) | Q(short_name__iexact=name)
        return Party.objects.filter(condition)


ISO_DATE = widgets.DateWidget(format="%Y-%m-%d")


class ShownStatusIsDemonstration(fields.Field):
    """Whether the status in the row (as of the export's date, or a party's) rests on
    demonstration data; rendered 1/0 like the other flags."""

    def get_value(self, commitment):
        return bool(getattr(commitment, "status_on_day_is_demonstration", commitment.current_status_is_demonstration))


class CommitmentResource(resources.ModelResource):
    reference = fields.Field("reference", "reference", widget=TextWidget())
    title = fields.Field("title", "title", widget=TextWidget())
    quote = fields.Field("quote", "quote", widget=TextWidget())
    parties = fields.Field("parties", "parties", widget=PartiesWidget(Party, separator=";", field="code"))
    topics = fields.Field("topics", "topics", widget=widgets.ManyToManyWidget(Topic, separator=";", field="key"))
    strength = fields.Field("strength", "strength")
    deadline = fields.Field("deadline", "deadline", widget=ISO_DATE)
    deadline_text = fields.Field("deadline_text", "deadline_text", widget=TextWidget())
    deadline_granularity = fields.Field("deadline_granularity", "deadline_granularity")
    made_on = fields.Field("made_on", "made_on", widget=ISO_DATE)
    meeting = fields.Field("meeting", "meeting", widget=widgets.ForeignKeyWidget(Meeting, "slug"))
    dialogue = fields.Field("meeting__dialogue__slug", "dialogue", readonly=True)
    parent = fields.Field("parent", "parent", widget=widgets.ForeignKeyWidget(Commitment, "reference"))
    predecessor = fields.Field("predecessor", "predecessor", widget=widgets.ForeignKeyWidget(Commitment, "reference"))
    source_url = fields.Field("source_url", "source_url")
    current_status = fields.Field("current_status", "current_status", readonly=True)
    current_status_as_of = fields.Field("current_status_as_of", "current_status_as_of", widget=ISO_DATE, readonly=True)
    status_party = fields.Field(column_name="status_party", readonly=True)
    status_is_demonstration = ShownStatusIsDemonstration(
        column_name="status_is_demonstration", widget=widgets.BooleanWidget(), readonly=True
    )
    is_published = fields.Field("is_published", "is_published", widget=widgets.BooleanWidget(), readonly=True)
    url = fields.Field(column_name="url", readonly=True)

    class Meta:
        model = Commitment
        fields = COLUMN_NAMES
        export_order = COLUMN_NAMES
        import_id_fields = ["reference"]
        skip_unchanged = True

    def __init__(self, *, site: str = "", **kwargs):
        super().__init__(**kwargs)
        # The start of the `url` column: the address the export was asked at (see links.py).
        self.site = site or links.site_url()

    # Export only: what a public export may show. Imports go through the widgets above.

    def dehydrate_parent(self, commitment):
        parent = commitment.parent
        return parent.reference if parent is not None and parent.is_published else ""

    def dehydrate_predecessor(self, commitment):
        predecessor = commitment.predecessor
        return predecessor.reference if predecessor is not None and predecessor.is_published else ""

    def dehydrate_source_url(self, commitment):
        return safe_href(commitment.source_url)

    def dehydrate_current_status(self, commitment):
        return getattr(commitment, "status_on_day", commitment.current_status)

    def dehydrate_current_status_as_of(self, commitment):
        day = getattr(commitment, "status_on_day_as_of", commitment.current_status_as_of)
        return day.isoformat() if day else ""

    def dehydrate_status_party(self, commitment):
        return getattr(self, "status_party_code", "")

    def dehydrate_url(self, commitment):
        return self.site + commitment.get_absolute_url()


def export_queryset(queryset):
    """What the export of a (filtered) list loads: everything the columns touch, in bounded queries."""
    return queryset.with_related().select_related("parent", "predecessor").order_by("reference")


CHUNK = 500
DUMP_CHUNK = 200  # each commitment of the dump brings its log and evidence


class _Echo:
    """A file-like object whose write() hands back the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def _resource(status_party=None, *, site: str = "") -> CommitmentResource:
    resource = CommitmentResource(site=site)
    resource.status_party_code = status_party.code if status_party is not None else ""
    return resource


def stream_csv(queryset, filename: str, status_party=None, *, site: str = "") -> HttpResponse:
    resource = _resource(status_party, site=site)
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        commitments = queryset.iterator(chunk_size=CHUNK)
        first = next(commitments, None)  # the first part holds the first row (tracker.public.streaming)
        # A byte-order mark, so spreadsheet programs read UTF-8 as UTF-8.
        head = "\ufeff" + writer.writerow(resource.get_export_headers())
        yield head + (writer.writerow(resource.export_resource(first)) if first is not None else "")
        for commitment in commitments:
            yield writer.writerow(resource.export_resource(commitment))

    return guarded_stream(rows(), content_type="text/csv; charset=utf-8", filename=f"{filename}.csv", what="CSV")


def _native_row(resource, commitment) -> dict:
    values = resource.export_resource(commitment, force_native_type=True)
    return dict(zip(resource.get_export_headers(), values, strict=True))


def stream_json(queryset, filename: str, meta: dict, status_party=None, *, site: str = "") -> HttpResponse:
    resource = _resource(status_party, site=site)
    encoder = DjangoJSONEncoder(ensure_ascii=False)

    def parts() -> Iterator[str]:
        commitments = queryset.iterator(chunk_size=CHUNK)
        first = next(commitments, None)  # the first part holds the first row (tracker.public.streaming)
        head = encoder.encode({**meta, "columns": COLUMN_NAMES})[:-1] + ', "commitments": ['
        yield head + ("\n" + encoder.encode(_native_row(resource, first)) if first is not None else "")
        for commitment in commitments:
            yield ",\n" + encoder.encode(_native_row(resource, commitment))
        yield "\n]}\n"

    return guarded_stream(
        parts(), content_type="application/json; charset=utf-8", filename=f"{filename}.json", what="JSON"
    )


# --- Views -------------------------------------------------------------------------------------


def _filtered(request):
    from tracker.public.filters import CommitmentFilter

    filterset = CommitmentFilter(request.GET, queryset=Commitment.objects.published(), request=request)
    if not filterset.is_valid():
        lines = [
            f"{filterset.form.fields[name].label if name in filterset.form.fields else name}: {message}"
            for name, messages in filterset.errors.items()
            for message in messages
        ]
        return None, HttpResponse(
            "The filters could not be applied:\n" + "\n".join(lines) + "\n", status=400, content_type="text/plain"
        )
    return filterset, None


def _filename(filterset) -> str:
    day = filterset.form.cleaned_data.get("as_of") or timezone.localdate()
    return f"commitments-{day.isoformat()}"


def _public(response):
    if response.status_code == 200:  # never a 503 of a failing database
        patch_cache_control(response, public=True, max_age=60)
    return response


@require_safe
def export_csv(request):
    filterset, error = _filtered(request)
    if error:
        return error
    return _public(
        stream_csv(
            export_queryset(filterset.qs), _filename(filterset), filterset.status_party, site=links.site_url(request)
        )
    )


@require_safe
def export_json(request):
    filterset, error = _filtered(request)
    if error:
        return error
    meta = {
        "source": settings.SITE_NAME,
        "generated_at": timezone.now(),
        "as_of": filterset.form.cleaned_data.get("as_of"),
        "status_party": filterset.status_party.code if filterset.status_party else None,
        "filters": {k: request.GET.getlist(k) for k in request.GET if k not in {"after", "before"}},
        "documentation": links.absolute(reverse("public:exports"), request),
    }
    return _public(
        stream_json(
            export_queryset(filterset.qs),
            _filename(filterset),
            meta,
            filterset.status_party,
            site=links.site_url(request),
        )
    )


# --- The full dump -----------------------------------------------------------------------------


def _evidence(evidence) -> dict:
    return {
        "url": safe_href(evidence.url),
        "title": evidence.title,
        "publisher": evidence.publisher,
        "published_on": evidence.published_on,
        "kind": evidence.kind,
        "party": evidence.party.code if evidence.party_id else None,
        "passage": evidence.passage,
        "archived_content_hash": evidence.article.content_hash if evidence.article_id else None,
    }


def _assessment(assessment, corrected_by) -> dict:
    return {
        "id": assessment.pk,
        "party": assessment.party.code if assessment.party_id else None,
        "status": assessment.status,
        "as_of": assessment.as_of,
        "recorded_at": assessment.recorded_at,
        "rationale": assessment.rationale,
        "is_demonstration": assessment.is_demonstration,
        "supersedes": assessment.supersedes_id,
        "correction_reason": assessment.correction_reason,
        "corrected_by": corrected_by,
        "evidence": [_evidence(e) for e in assessment.evidence.all()],
    }


def _source(source) -> dict:
    return {
        "url": safe_href(source.url),
        "title": source.title,
        "issuing_party": source.issuing_party.code if source.issuing_party_id else None,
        "quote": source.quote,
    }


def dump_queryset(day=None):
    """Every published commitment with its log; with `day`, as the tracker stood on that date
    (commitments made by then, their status then, entries and sources dated by then)."""
    assessments = (
        Assessment.objects.chronological()
        .select_related("party")
        .prefetch_related(Prefetch("evidence", queryset=_evidence_queryset()))
    )
    sources = CommitmentSource.objects.select_related("issuing_party")
    commitments = Commitment.objects.published()
    if day is not None:
        commitments = commitments.made_by(day).with_status_on(day)
        assessments = assessments.filter(as_of__lte=day)
        sources = sources.exclude(article__published_on__gt=day)
    return export_queryset(commitments).prefetch_related(
        Prefetch("assessments", queryset=assessments),
        Prefetch("sources", queryset=sources),
    )


def _evidence_queryset():
    return Evidence.objects.select_related("party", "article")


def _commitment_document(resource, commitment) -> dict:
    document = _native_row(resource, commitment)
    log = list(commitment.assessments.all())
    corrections = {a.supersedes_id: a.pk for a in log if a.supersedes_id}
    document["sources"] = [_source(s) for s in commitment.sources.all()]
    document["assessments"] = [_assessment(a, corrections.get(a.pk)) for a in log]
    return document


@require_safe
def dump(request):
    """Every published commitment with its whole assessment log and evidence, as one JSON document."""
    resource = CommitmentResource(site=links.site_url(request))
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    day = view_date(request).as_of
    published = Commitment.objects.published()
    if day is not None:
        published = published.made_by(day)
    dialogues = Dialogue.objects.filter(meetings__commitments__in=published).distinct().prefetch_related("parties")
    meetings = (
        Meeting.objects.filter(commitments__in=published)
        .distinct()
        .select_related("dialogue")
        .prefetch_related("parties")
    )
    if day is not None:
        meetings = meetings.filter(date__lte=day)
    head = {
        "source": settings.SITE_NAME,
        "generated_at": timezone.now(),
        "as_of": day,
        "documentation": links.absolute(reverse("public:exports"), request),
        "status_scale": {s.value: s.label for s in Status},
    }

    def parts() -> Iterator[str]:
        commitments = dump_queryset(day).iterator(chunk_size=DUMP_CHUNK)
        first = next(commitments, None)  # the first part holds the first row (tracker.public.streaming)
        yield (
            encoder.encode(head)[:-1]
            + ', "dialogues": '
            + encoder.encode(
                [
                    {
                        "slug": d.slug,
                        "name": d.name,
                        "short_name": d.short_name,
                        # The state is recorded as it stands today: not given for a past date.
                        "state": d.state if day is None else None,
                        "state_note": d.state_note if day is None else None,
                        "parties": [p.code for p in d.parties.all()],
                    }
                    for d in dialogues.order_by("name")
                ]
            )
            + ', "meetings": '
            + encoder.encode(
                [
                    {
                        "slug": m.slug,
                        "title": m.title,
                        "kind": m.kind,
                        "date": m.date,
                        "end_date": m.end_date,
                        "place": m.place,
                        "dialogue": m.dialogue.slug if m.dialogue_id else None,
                        "parties": [p.code for p in m.parties.all()],
                    }
                    for m in meetings.order_by("date", "slug")
                ]
            )
            + ', "commitments": ['
            + ("\n" + encoder.encode(_commitment_document(resource, first)) if first is not None else "")
        )
        for commitment in commitments:
            yield ",\n" + encoder.encode(_commitment_document(resource, commitment))
        yield "\n]}\n"

    return _public(
        guarded_stream(
            parts(),
            content_type="application/json; charset=utf-8",
            filename=f"commitment-tracker-{timezone.localdate()}.json",
            what="full dump",
        )
    )
