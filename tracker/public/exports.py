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
import functools
from collections.abc import Iterator
from urllib.parse import quote

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import HttpResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import RFC3986_SUBDELIMS
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


CHUNK = 1000
FIRST_CHUNK = 100
DUMP_CHUNK = 500  # each commitment of the dump brings its log and evidence

# --- Rows without the resource -------------------------------------------------------------------
#
# The resource above renders a row in about 3 ms (a field object, a widget and an attribute walk per
# column): 165 s for the 53,000 commitments of one dialogue at 200,000. Exports read the same
# columns with `values()` instead, a chunk of commitments at a time in reference order (keyset: each
# chunk starts after the last reference of the one before, so memory is bounded and no cursor is
# held), with the parties and topics of the chunk in one query each. The rows are the resource's,
# value for value: tests/test_exports_csv_json.py checks them against `CommitmentResource`.

_VALUES = [
    "pk",
    "reference",
    "title",
    "quote",
    "strength",
    "deadline",
    "deadline_text",
    "deadline_granularity",
    "made_on",
    "meeting__slug",
    "meeting__dialogue__slug",
    "parent__reference",
    "parent__is_published",
    "predecessor__reference",
    "predecessor__is_published",
    "source_url",
    "current_status",
    "current_status_as_of",
    "current_status_is_demonstration",
    "is_published",
]
_SHOWN = ["status_on_day", "status_on_day_as_of", "status_on_day_is_demonstration"]


class _Codes:
    """Party codes and topic keys of a chunk's commitments, in the order the resource's widgets
    give them (the models' own orderings, by the database's collation): the small tables are
    ranked once per export, so each chunk reads its links alone, without a join or a sort."""

    def __init__(self):
        parties = Party.objects.order_by("name", "pk").values_list("pk", "code")
        self._parties = {pk: (rank, code) for rank, (pk, code) in enumerate(parties)}
        topics = Topic.objects.order_by("position", "name", "pk").values_list("pk", "key")
        self._topics = {pk: (rank, key) for rank, (pk, key) in enumerate(topics)}

    @staticmethod
    def _by_commitment(through, column: str, ranked: dict, ids: list[int]) -> dict:
        found: dict = {i: [] for i in ids}
        for cid, pk in through.objects.filter(commitment_id__in=ids).values_list("commitment_id", column):
            found[cid].append((*ranked[pk], pk))
        return {cid: [code for _, code, _ in sorted(entries)] for cid, entries in found.items()}

    def of(self, ids: list[int]) -> tuple[dict, dict]:
        """{commitment id: [party codes]} and {commitment id: [topic keys]}."""
        return (
            self._by_commitment(Commitment.parties.through, "party_id", self._parties, ids),
            self._by_commitment(Commitment.topics.through, "topic_id", self._topics, ids),
        )


def _text(value) -> str:
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _flag(value) -> str:
    return "" if value is None else ("1" if value else "0")


def _iso(day) -> str:
    return day.isoformat() if day else ""


def commitment_rows(queryset, *, native: bool, status_party_code: str = "", site: str = "") -> Iterator[list]:
    """The export's rows of `queryset` (published commitments, maybe status-annotated), in
    reference order, as the resource renders them: strings for the CSV, native values for JSON."""
    for chunk in _row_chunks(queryset, native=native, status_party_code=status_party_code, site=site):
        for _pk, row in chunk:
            yield row


def _row_chunks(queryset, *, native: bool, status_party_code: str = "", site: str = "", size: int | None = None):
    """`commitment_rows` a chunk at a time, as [(commitment id, row)].

    Keyset chunks in two steps: the ids of the next `size` commitments after the last reference
    (only the filters' columns read: the walk in reference order runs on the index of migration
    0014, `commitment_pub_ref_idx`, which holds the reference, the meeting and the id of every
    published commitment, so it skips other dialogues' commitments without reading them), then
    those commitments' columns by id. One query that selected the columns straight away had the
    planner read every row it walked past (1.2 s, 7 s under load, before the first row of the
    largest dialogue at 200,000) or sort the whole filtered set. Memory stays at one chunk; no
    cursor or transaction is held between chunks."""
    site = site or links.site_url()
    size = size or CHUNK
    shown = all(name in queryset.query.annotations for name in _SHOWN)
    columns = _VALUES + (_SHOWN if shown else [])
    ordered = queryset.order_by("reference")
    codes = _Codes()
    last = None
    while True:
        after = ordered.filter(reference__gt=last) if last is not None else ordered
        # The first chunk is small: the response's first part waits for it (streaming.py).
        wanted = min(size, FIRST_CHUNK) if last is None else size
        keys = list(after.values_list("pk", "reference")[:wanted])
        if not keys:
            return
        last = keys[-1][1]
        chunk = list(ordered.filter(pk__in=[pk for pk, _ in keys]).values(*columns))
        parties, topics = codes.of([row["pk"] for row in chunk])
        yield [
            (row["pk"], _row(row, parties[row["pk"]], topics[row["pk"]], shown, native, status_party_code, site))
            for row in chunk
        ]
        if len(keys) < wanted:  # the last chunk: no query to find there is no other
            return


def _commitment_path(reference: str) -> str:
    """`reverse("public:commitment_detail", args=[reference])`, without the resolver's search
    (0.36 ms a call: a third of an export's time): the path around a placeholder, the reference
    quoted as `reverse` quotes it. A reference the pattern would refuse goes through `reverse`."""
    if "/" in reference or not reference:
        return reverse("public:commitment_detail", args=[reference])
    head, tail = _path_around(get_script_prefix(), get_urlconf())
    return head + quote(reference, safe=RFC3986_SUBDELIMS + "/~:@") + tail


@functools.lru_cache(maxsize=16)
def _path_around(prefix: str, urlconf) -> tuple[str, str]:  # what reverse() depends on
    head, _, tail = reverse("public:commitment_detail", args=[_PLACEHOLDER]).partition(_PLACEHOLDER)
    return head, tail


_PLACEHOLDER = "REFERENCE-PLACEHOLDER"


def _row(row, parties, topics, shown, native, status_party_code, site) -> list:
    status = row["status_on_day"] if shown else row["current_status"]
    since = row["status_on_day_as_of"] if shown else row["current_status_as_of"]
    demo = bool(row["status_on_day_is_demonstration"] if shown else row["current_status_is_demonstration"])
    parent = row["parent__reference"] if row["parent__is_published"] else ""
    predecessor = row["predecessor__reference"] if row["predecessor__is_published"] else ""
    url = site + _commitment_path(row["reference"])
    if native:
        return [
            row["reference"], row["title"], row["quote"], ";".join(parties), ";".join(topics), row["strength"],
            row["deadline"], row["deadline_text"], row["deadline_granularity"], row["made_on"],
            row["meeting__slug"], row["meeting__dialogue__slug"], parent or "", predecessor or "",
            safe_href(row["source_url"]), status, _iso(since), status_party_code, demo, row["is_published"], url,
        ]  # fmt: skip
    return [
        _text(row["reference"]), _text(row["title"]), _text(row["quote"]), ";".join(parties), ";".join(topics),
        row["strength"] or "", _iso(row["deadline"]), _text(row["deadline_text"]), row["deadline_granularity"] or "",
        _iso(row["made_on"]), row["meeting__slug"] or "", row["meeting__dialogue__slug"] or "", parent or "",
        predecessor or "", safe_href(row["source_url"]) or "", status or "", _iso(since), status_party_code,
        _flag(demo), _flag(row["is_published"]), url,
    ]  # fmt: skip


class _Echo:
    """A file-like object whose write() hands back the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def stream_csv(queryset, filename: str, status_party=None, *, site: str = "") -> HttpResponse:
    writer = csv.writer(_Echo())
    code = status_party.code if status_party is not None else ""

    def rows() -> Iterator[str]:
        commitments = commitment_rows(queryset, native=False, status_party_code=code, site=site)
        first = next(commitments, None)  # the first part holds the first row (tracker.public.streaming)
        # A byte-order mark, so spreadsheet programs read UTF-8 as UTF-8.
        head = "\ufeff" + writer.writerow(COLUMN_NAMES)
        yield head + (writer.writerow(first) if first is not None else "")
        for row in commitments:
            yield writer.writerow(row)

    return guarded_stream(rows(), content_type="text/csv; charset=utf-8", filename=f"{filename}.csv", what="CSV")


def stream_json(queryset, filename: str, meta: dict, status_party=None, *, site: str = "") -> HttpResponse:
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    code = status_party.code if status_party is not None else ""

    def parts() -> Iterator[str]:
        commitments = commitment_rows(queryset, native=True, status_party_code=code, site=site)
        first = next(commitments, None)  # the first part holds the first row (tracker.public.streaming)
        head = encoder.encode({**meta, "columns": COLUMN_NAMES})[:-1] + ', "commitments": ['
        yield head + ("\n" + encoder.encode(dict(zip(COLUMN_NAMES, first, strict=True))) if first is not None else "")
        for row in commitments:
            yield ",\n" + encoder.encode(dict(zip(COLUMN_NAMES, row, strict=True)))
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
    return _public(stream_csv(filterset.qs, _filename(filterset), filterset.status_party, site=links.site_url(request)))


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
            filterset.qs,
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


def dump_commitments(day=None):
    """Every published commitment; with `day`, as the tracker stood on that date (commitments made
    by then, their status then)."""
    commitments = Commitment.objects.published()
    if day is not None:
        commitments = commitments.made_by(day).with_status_on(day)
    return commitments


def _evidence_queryset():
    return Evidence.objects.select_related("party", "article")


def dump_documents(day=None, *, site: str = "") -> Iterator[dict]:
    """The dump's commitments, each with its log and sources (dated by `day` when given): a chunk
    of commitments at a time in reference order, its log and sources in one query each."""
    assessments = (
        Assessment.objects.chronological()
        .select_related("party")
        .prefetch_related(Prefetch("evidence", queryset=_evidence_queryset()))
    )
    sources = CommitmentSource.objects.select_related("issuing_party").order_by("added_at", "id")
    if day is not None:
        assessments = assessments.filter(as_of__lte=day)
        sources = sources.exclude(article__published_on__gt=day)
    for chunk in _row_chunks(dump_commitments(day), native=True, site=site, size=DUMP_CHUNK):
        ids = [pk for pk, _ in chunk]
        logs: dict = {pk: [] for pk in ids}
        for assessment in assessments.filter(commitment_id__in=ids):
            logs[assessment.commitment_id].append(assessment)
        found: dict = {pk: [] for pk in ids}
        for source in sources.filter(commitment_id__in=ids):
            found[source.commitment_id].append(source)
        for pk, row in chunk:
            document = dict(zip(COLUMN_NAMES, row, strict=True))
            corrections = {a.supersedes_id: a.pk for a in logs[pk] if a.supersedes_id}
            document["sources"] = [_source(s) for s in found[pk]]
            document["assessments"] = [_assessment(a, corrections.get(a.pk)) for a in logs[pk]]
            yield document


def meetings_naming(commitments):
    """The meetings at which some of `commitments` were made: a LIMIT 1 probe per meeting on the
    (meeting, reference) index, not a DISTINCT over the join with every commitment (which sorted
    190,000 rows before the dump's first byte at 200,000: see public/filters.py `_having`)."""
    first = commitments.filter(meeting=OuterRef("pk")).order_by().values("pk")[:1]
    return Meeting.objects.alias(first_made=Subquery(first)).filter(first_made__isnull=False)


def dump_parts(day=None, *, site: str, documentation: str, generated_at=None) -> Iterator[str]:
    """The full dump as one JSON document, in parts: the head (with the dialogues, the meetings and
    the first commitment), then one commitment a part. The live view streams it for a past date;
    `tracker.public.offline` writes it to a file for today."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    published = Commitment.objects.published()
    if day is not None:
        published = published.made_by(day)
    named = meetings_naming(published)
    dialogues = Dialogue.objects.filter(pk__in=named.values("dialogue")).prefetch_related("parties")
    meetings = named.select_related("dialogue").prefetch_related("parties")
    if day is not None:
        meetings = meetings.filter(date__lte=day)
    head = {
        "source": settings.SITE_NAME,
        "generated_at": generated_at or timezone.now(),
        "as_of": day,
        "documentation": documentation,
        "status_scale": {s.value: s.label for s in Status},
    }
    commitments = dump_documents(day, site=site)
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
        + ("\n" + encoder.encode(first) if first is not None else "")
    )
    for document in commitments:
        yield ",\n" + encoder.encode(document)
    yield "\n]}\n"


@require_safe
def dump(request):
    """Every published commitment with its whole assessment log and evidence, as one JSON document:
    today's from the file built offline (`tracker.public.offline`), a past date's streamed live."""
    day = view_date(request).as_of
    if day is None:
        from tracker.public import offline

        return offline.serve(request, offline.DUMP)
    parts = dump_parts(
        day, site=links.site_url(request), documentation=links.absolute(reverse("public:exports"), request)
    )
    return _public(
        guarded_stream(
            parts,
            content_type="application/json; charset=utf-8",
            filename=f"commitment-tracker-{day.isoformat()}.json",
            what="full dump",
        )
    )
