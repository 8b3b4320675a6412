"""The full data as a Frictionless Data Package: `datapackage.json` and one CSV per table, zipped.

The package (https://specs.frictionlessdata.io/data-package/) describes each table with a Table
Schema: column types, the status scale as an enum, primary and foreign keys (an assessment names
its commitment by reference, a correction the assessment it replaced), and carries the licence and
a citation, so a researcher's tools can load and check it without reading our documentation. The
commitments table has the columns of the CSV export (`commitments.columns.COLUMNS`, with their
descriptions), written by the same row code as the exports (`exports.commitment_rows`), in native
form (no spreadsheet-formula apostrophes: this package is for data tools, not spreadsheets).

Today's package is built offline and served as a file (`tracker.public.offline`). With
`?as_of=YYYY-MM-DD` it is the data as it stood on that date, by the rules of the full dump
(`exports.dump_commitments`): commitments made by then with their status then, assessments dated
by then, the dialogues' current state left out; it is zipped as it is sent (`package_parts`). The
tests validate it with the `frictionless` library.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

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
from tracker.public.asof import long_date
from tracker.public.citation import cite
from tracker.public.exports import commitment_rows, meetings_naming
from tracker.public.templatetags.public_tags import safe_href

# The licence the data is offered under; a deployment states its own in settings.DATA_LICENCE.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
CHUNK = 500

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
        return meetings_naming(self.commitments)

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


class _At:
    """Stands for a request in `links` and `citation` outside one (a build by a task or command):
    the address the links start with."""

    def __init__(self, site: str):
        parts = urlsplit(site)
        self.scheme, self._host = parts.scheme, parts.netloc

    def get_host(self) -> str:
        return self._host


def descriptor(*, day: datetime.date | None, site: str) -> dict:
    """`datapackage.json`: the package's metadata and each table's schema."""
    at = _At(site)
    read_on = day or timezone.localdate()
    citation = cite(
        title="The full data as a data package",
        path=reverse("public:export_datapackage"),
        day=read_on,
        accessed=timezone.localdate(),
        request=at,
        key="datapackage",
    )
    name = settings.SITE_NAME
    resources = []
    for table_name, table in TABLES.items():
        schema = {"fields": table["fields"](), "primaryKey": table["primaryKey"], "missingValues": [""]}
        if table.get("foreignKeys"):
            schema["foreignKeys"] = table["foreignKeys"]
        resources.append(
            {
                "name": table_name,
                "path": f"data/{table_name}.csv",
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
        "name": slugify(name) or "commitment-tracker",
        "title": f"{name}: commitments, their assessments and evidence" + (f", as of {long_date(day)}" if day else ""),
        "description": "Every published commitment, its whole assessment log (corrections included) and the "
        "evidence cited, with the meetings, dialogues and parties they name. Statuses follow the scale and "
        "the rules of the methodology page.",
        "homepage": links.absolute(reverse("public:exports"), at),
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "as_of": day.isoformat() if day else None,
        "licenses": [getattr(settings, "DATA_LICENCE", DEFAULT_LICENCE)],
        "sources": [{"title": name, "path": links.absolute(reverse("public:methodology"), at)}],
        "citation": citation.text,
        "citation_bibtex": citation.bibtex,
        "status_scale": {s.value: s.label for s in Status},
        "resources": resources,
    }


# --- The zip, streamed ---------------------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """The unseekable file the archive is written into: `drain()` hands back what it holds. The
    zip module writes each member's sizes after its data when it cannot seek back, so the archive
    comes out in one pass, a few hundred kilobytes at a time."""

    def __init__(self):
        super().__init__()
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def package_parts(*, day: datetime.date | None, site: str) -> Iterator[bytes]:
    """The zipped package (datapackage.json and data/*.csv) as a stream of bytes: a part every
    CHUNK rows, the first after the first CHUNK commitments (or all of them), so a streamed response
    has heard from the database before it answers (tracker.public.streaming). The live view streams
    it for a past date; `tracker.public.offline` writes it to a file for today."""
    meta = descriptor(day=day, site=site)
    tables = Tables(day, site)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(meta, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for resource in meta["resources"]:
            header = [f["name"] for f in resource["schema"]["fields"]]
            # zip64 headers from the start: the sizes of a member written in one pass are not known
            # before it ends, and the assessments of a large tracker pass the 2 GiB of plain zip.
            with (
                archive.open(f"data/{resource['name']}.csv", "w", force_zip64=True) as raw,
                io.TextIOWrapper(raw, encoding="utf-8", newline="") as text,
            ):
                writer = csv.writer(text)
                writer.writerow(header)
                for count, row in enumerate(tables.rows(resource["name"]), 1):
                    writer.writerow(row)
                    if count % CHUNK == 0:
                        text.flush()
                        if data := pipe.drain():
                            yield data
            if data := pipe.drain():
                yield data
    yield pipe.drain()
