"""The full data as a Frictionless Data Package: `datapackage.json` and one CSV per table, zipped.

The package (https://specs.frictionlessdata.io/data-package/) describes each table with a Table
Schema: column types, the status scale as an enum, primary and foreign keys (an assessment names
its commitment by reference, a correction the assessment it replaced), and carries the licence and
a citation, so a researcher's tools can load and check it without reading our documentation. The
commitments table has the columns of the CSV export (`commitments.columns.COLUMNS`, with their
descriptions), written by the same row code as the exports (`exports.commitment_rows`), in native
form (no spreadsheet-formula apostrophes: this package is for data tools, not spreadsheets).

With `?as_of=YYYY-MM-DD` it is the data as it stood on that date, by the rules of the full dump
(`exports.dump_queryset`): commitments made by then with their status then, assessments dated by
then, the dialogues' current state left out. The tests validate it with the `frictionless` library.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from tracker.commitments.cache import CACHE_UNAVAILABLE, public_version
from tracker.commitments.columns import COLUMNS
from tracker.commitments.models import (
    Assessment,
    AssessmentEvidence,
    Commitment,
    Dialogue,
    Evidence,
    Meeting,
    Party,
)
from tracker.commitments.status import Status
from tracker.public import links
from tracker.public.asof import long_date, parse_as_of
from tracker.public.caching import STORE_SECONDS
from tracker.public.citation import cite
from tracker.public.exports import commitment_rows
from tracker.public.templatetags.public_tags import safe_href

# The licence the data is offered under; a deployment states its own in settings.DATA_LICENCE.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
CHUNK = 500
SPOOL_BYTES = 8 * 1024 * 1024  # a package larger than this is built on disk, not in memory
CACHE_MAX_BYTES = 64 * 1024 * 1024  # a larger package is built for each download instead of kept

STATUSES = list(Status.values)
BOOLEAN = {"type": "boolean", "trueValues": ["1"], "falseValues": ["0"]}


def _field(name: str, kind: str = "string", description: str = "", **extra) -> dict:
    spec = {"name": name, "type": kind, **extra}
    if description:
        spec["description"] = description
    return spec


# Table Schema types of the export's columns; the descriptions come from commitments.columns.COLUMNS.
COMMITMENT_TYPES = {
    "reference": {"constraints": {"required": True, "unique": True}},
    "strength": {"constraints": {"enum": [c.value for c in Commitment.Strength]}},
    "deadline": {"type": "date"},
    "deadline_granularity": {"constraints": {"enum": [c.value for c in Commitment.Granularity]}},
    "made_on": {"type": "date", "constraints": {"required": True}},
    "source_url": {"format": "uri"},
    "current_status": {"constraints": {"required": True, "enum": STATUSES}},
    "current_status_as_of": {"type": "date"},
    "status_is_demonstration": BOOLEAN,
    "is_published": BOOLEAN,
    "url": {"format": "uri"},
}


def commitment_fields() -> list[dict]:
    return [
        _field(name, **{"type": "string", **COMMITMENT_TYPES.get(name, {})}, description=description)
        for name, description in COLUMNS
    ]


def _fk(field: str, resource: str, key: str) -> dict:
    return {"fields": field, "reference": {"resource": resource, "fields": key}}


TABLES = {
    "commitments": {
        "description": "Every published commitment, with the columns of the CSV export.",
        "fields": commitment_fields,
        "primaryKey": "reference",
        "foreignKeys": [
            _fk("meeting", "meetings", "slug"),
            _fk("parent", "", "reference"),
            _fk("predecessor", "", "reference"),
        ],
    },
    "assessments": {
        "description": "The assessment log: append-only, dated status events; a correction is a new "
        "row naming the row it replaced.",
        "fields": lambda: [
            _field("id", "integer", "The assessment's number.", constraints={"required": True, "unique": True}),
            _field("commitment", description="Reference of the commitment assessed.", constraints={"required": True}),
            _field("party", description="Empty: the commitment as a whole; else the code of the party assessed."),
            _field("status", description="The status key.", constraints={"required": True, "enum": STATUSES}),
            _field("as_of", "date", "When it became true in the world.", constraints={"required": True}),
            _field("recorded_at", "datetime", "When it was recorded here (UTC)."),
            _field("rationale", description="Why, in the editors' words."),
            _field("is_demonstration", description="1: demonstration data, not a real assessment.", **BOOLEAN),
            _field("supersedes", "integer", "The assessment this one corrected, or empty."),
            _field("correction_reason", description="What was wrong with the assessment corrected."),
        ],
        "primaryKey": "id",
        "foreignKeys": [
            _fk("commitment", "commitments", "reference"),
            _fk("supersedes", "", "id"),
            _fk("party", "parties", "code"),
        ],
    },
    "evidence": {
        "description": "The sources the assessments cite.",
        "fields": lambda: [
            _field("id", "integer", "The evidence's number.", constraints={"required": True, "unique": True}),
            _field("url", description="Address of the source (http or https only).", format="uri"),
            _field("title"),
            _field("publisher"),
            _field("published_on", "date"),
            _field("kind", constraints={"enum": [c.value for c in Evidence.Kind]}),
            _field("party", description="For official statements: the party's code."),
            _field("passage", description="The quoted passage that bears on the commitment."),
            _field("archived_content_hash", description="SHA-256 of the archived copy, when there is one."),
        ],
        "primaryKey": "id",
        "foreignKeys": [_fk("party", "parties", "code")],
    },
    "assessment_evidence": {
        "description": "Which evidence each assessment cites.",
        "fields": lambda: [
            _field("assessment", "integer", constraints={"required": True}),
            _field("evidence", "integer", constraints={"required": True}),
        ],
        "primaryKey": ["assessment", "evidence"],
        "foreignKeys": [_fk("assessment", "assessments", "id"), _fk("evidence", "evidence", "id")],
    },
    "meetings": {
        "description": "The meetings the commitments were made at.",
        "fields": lambda: [
            _field("slug", constraints={"required": True, "unique": True}),
            _field("title"),
            _field("kind", constraints={"enum": [c.value for c in Meeting.Kind]}),
            _field("date", "date"),
            _field("end_date", "date"),
            _field("place"),
            _field("dialogue", description="Slug of the dialogue, or empty for a standalone statement."),
            _field("parties", description="';'-joined party codes."),
        ],
        "primaryKey": "slug",
        "foreignKeys": [_fk("dialogue", "dialogues", "slug")],
    },
    "dialogues": {
        "description": "The standing mechanisms. Their state is recorded as it stands today: empty "
        "in a package as of a past date.",
        "fields": lambda: [
            _field("slug", constraints={"required": True, "unique": True}),
            _field("name"),
            _field("short_name"),
            _field("state", constraints={"enum": [c.value for c in Dialogue.State]}),
            _field("state_note"),
            _field("parties", description="';'-joined party codes."),
        ],
        "primaryKey": "slug",
    },
    "parties": {
        "description": "Governments and organisations that can commit.",
        "fields": lambda: [
            _field("code", constraints={"required": True, "unique": True}),
            _field("name"),
            _field("short_name"),
            _field("kind", constraints={"enum": [c.value for c in Party.Kind]}),
            _field("iso_alpha3"),
        ],
        "primaryKey": "code",
    },
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _codes(parties) -> str:
    return ";".join(p.code for p in parties.all())


# --- The rows of each table ----------------------------------------------------------------------


class Tables:
    """The rows of every table for the package as of `day` (None: today), each read in chunks."""

    def __init__(self, day: datetime.date | None, site: str):
        self.day, self.site = day, site
        commitments = Commitment.objects.published()
        if day is not None:
            commitments = commitments.made_by(day).with_status_on(day)
        self.commitments = commitments
        assessments = Assessment.objects.filter(commitment__in=commitments.values("pk"))
        if day is not None:
            assessments = assessments.filter(as_of__lte=day)
        self.assessments = assessments
        self.assessment_ids = assessments.values("pk")

    def rows(self, name: str) -> Iterator[list]:
        return getattr(self, f"_{name}")()

    def _commitments(self):
        for row in commitment_rows(self.commitments, native=True, site=self.site):
            yield [_cell(v) for v in row]

    def _assessments(self):
        included = set(self.assessments.values_list("pk", flat=True)) if self.day is not None else None
        # Plain tuples, not model rows: the log is the largest table (149,000 rows: 30 s as model
        # rows with their commitment, 5 s as tuples).
        rows = self.assessments.order_by("id").values_list(
            "pk",
            "commitment__reference",
            "party__code",
            "status",
            "as_of",
            "recorded_at",
            "rationale",
            "is_demonstration",
            "supersedes_id",
            "correction_reason",
        )
        for pk, reference, party, status, as_of, recorded_at, rationale, demo, supersedes, reason in rows.iterator(
            chunk_size=CHUNK
        ):
            # As of a past date, a correction of an entry dated later does not name it.
            if included is not None and supersedes not in included:
                supersedes = None
            yield [
                pk,
                reference,
                party or "",
                status,
                _cell(as_of),
                _cell(recorded_at),
                rationale,
                _cell(demo),
                _cell(supersedes),
                reason,
            ]

    def _links(self):
        return AssessmentEvidence.objects.filter(assessment__in=self.assessment_ids)

    def _evidence(self):
        cited = Evidence.objects.filter(pk__in=self._links().values("evidence")).select_related("party", "article")
        for e in cited.order_by("id").iterator(chunk_size=CHUNK):
            yield [
                e.pk,
                safe_href(e.url),
                e.title,
                e.publisher,
                _cell(e.published_on),
                e.kind,
                e.party.code if e.party_id else "",
                e.passage,
                e.article.content_hash if e.article_id else "",
            ]

    def _assessment_evidence(self):
        for assessment, evidence in (
            self._links().order_by("assessment", "evidence").values_list("assessment", "evidence")
        ):
            yield [assessment, evidence]

    def _meeting_rows(self):
        return Meeting.objects.filter(commitments__in=self.commitments.values("pk")).distinct()

    def _meetings(self):
        meetings = self._meeting_rows().select_related("dialogue").prefetch_related("parties")
        for m in meetings.order_by("date", "slug"):
            yield [
                m.slug,
                m.title,
                m.kind,
                _cell(m.date),
                _cell(m.end_date),
                m.place,
                m.dialogue.slug if m.dialogue_id else "",
                _codes(m.parties),
            ]

    def _dialogues(self):
        dialogues = Dialogue.objects.filter(pk__in=self._meeting_rows().values("dialogue")).prefetch_related("parties")
        today = self.day is None
        for d in dialogues.order_by("name"):
            yield [
                d.slug,
                d.name,
                d.short_name,
                d.state if today else "",
                d.state_note if today else "",
                _codes(d.parties),
            ]

    def _parties(self):
        for p in Party.objects.order_by("code"):
            yield [p.code, p.name, p.short_name, p.kind, p.iso_alpha3]


# --- The descriptor ------------------------------------------------------------------------------


def descriptor(*, day: datetime.date | None, request) -> dict:
    """`datapackage.json`: the package's metadata and each table's schema."""
    read_on = day or timezone.localdate()
    citation = cite(
        title="The full data as a data package",
        path=reverse("public:export_datapackage"),
        day=read_on,
        accessed=timezone.localdate(),
        request=request,
        key="datapackage",
    )
    site = settings.SITE_NAME
    resources = []
    for name, table in TABLES.items():
        schema = {"fields": table["fields"](), "primaryKey": table["primaryKey"], "missingValues": [""]}
        if table.get("foreignKeys"):
            schema["foreignKeys"] = table["foreignKeys"]
        resources.append(
            {
                "name": name,
                "path": f"data/{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table["description"],
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": slugify(site) or "commitment-tracker",
        "title": f"{site}: commitments, their assessments and evidence" + (f", as of {long_date(day)}" if day else ""),
        "description": "Every published commitment, its whole assessment log (corrections included) and the "
        "evidence cited, with the meetings, dialogues and parties they name. Statuses follow the scale and "
        "the rules of the methodology page.",
        "homepage": links.absolute(reverse("public:exports"), request),
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "as_of": day.isoformat() if day else None,
        "licenses": [getattr(settings, "DATA_LICENCE", DEFAULT_LICENCE)],
        "sources": [{"title": site, "path": links.absolute(reverse("public:methodology"), request)}],
        "citation": citation.text,
        "citation_bibtex": citation.bibtex,
        "status_scale": {s.value: s.label for s in Status},
        "resources": resources,
    }


def _write_csv(archive: zipfile.ZipFile, name: str, header: list[str], rows: Iterable[list]) -> None:
    with archive.open(f"data/{name}.csv", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        writer = csv.writer(text)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)


def build(archive_file, *, day: datetime.date | None, request) -> None:
    """Write the zipped package (datapackage.json and data/*.csv) to `archive_file`."""
    meta = descriptor(day=day, request=request)
    tables = Tables(day, links.site_url(request))
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(meta, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for resource in meta["resources"]:
            header = [f["name"] for f in resource["schema"]["fields"]]
            _write_csv(archive, resource["name"], header, tables.rows(resource["name"]))


def _cache_key(day: datetime.date | None, request) -> str:
    """The built package of one data version, date and site address (links in it name the site)."""
    address = hashlib.sha256(f"{links.site_url(request)}|{day}".encode()).hexdigest()[:32]
    return f"datapackage:{public_version()}:{timezone.localdate().isoformat()}:{address}"


def _built(day: datetime.date | None, request) -> bytes:
    """The zipped package: built once per data version (the page cache's version, bumped by any
    public change) and kept in the cache, as it takes as long as the full CSV export to build."""
    try:
        key = _cache_key(day, request)
        stored = cache.get(key)
    except CACHE_UNAVAILABLE:
        key = stored = None
    if stored is not None:
        return stored
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        build(spool, day=day, request=request)
        size = spool.tell()
        spool.seek(0)
        content = spool.read()
    if key and size <= CACHE_MAX_BYTES:
        # The cache is an optimisation: if it cannot be reached, the package is served all the same.
        with contextlib.suppress(*CACHE_UNAVAILABLE):
            cache.set(key, content, STORE_SECONDS)
    return content


@require_safe
def export_datapackage(request):
    day = None
    if request.GET.get("as_of", "").strip():
        try:
            day = parse_as_of(request.GET["as_of"])
        except ValidationError as error:
            return HttpResponseBadRequest(error.messages[0] + "\n", content_type="text/plain; charset=utf-8")
    name = f"commitment-tracker-{(day or timezone.localdate()).isoformat()}-datapackage.zip"
    response = HttpResponse(_built(day, request), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, public=True, max_age=60)
    return response
