"""The public CSV export, edited in a spreadsheet, read back: create and update commitments by reference.

The verb is `import_rows(header, rows, *, author, commit)` (`import_csv` reads the text first);
the editor's CSV views only route the upload to it.

Every row is validated first (a form per row) and every bad row is reported with its line number.
Then all rows are written in one transaction, each through the verbs of `actions.py`, inside a
savepoint so that a row the database refuses is reported too; if any row failed, or this is the
preview, the whole transaction is rolled back. So the preview is the import itself, undone, and a
confirmed import writes everything or nothing.

The columns and their formats are the public export's (`columns.py`, written by tracker/public/exports.py): parties as
';'-joined codes (or names), topics as ';'-joined keys, the meeting by slug, parent and predecessor
by reference, ISO dates. The status columns (current_status, current_status_as_of), dialogue and
url are informational: a status changes only through an assessment, which carries a date, a
rationale and evidence. is_published publishes (1/true) or unpublishes (0/false) through the verbs.

Why not `CommitmentResource.import_data()`: django-import-export saves model instances itself,
and every write here must go through `actions.create_commitment` / `update_commitment` (the
reference, the first source, the history's author, the public cache). The resource defines the
columns; the csv module reads them; a Django form per row validates them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from tracker.commitments import actions
from tracker.commitments.columns import COLUMN_NAMES
from tracker.commitments.models import Commitment, Meeting, Party, Topic

# The columns of the public export: the import reads back exactly what it writes.
COLUMNS = list(COLUMN_NAMES)
# Read for information only; never written.
INFORMATIONAL = {"dialogue", "current_status", "current_status_as_of", "url"}
# Free text, escaped against formulas by the export.
TEXT_COLUMNS = {"reference", "title", "quote", "deadline_text"}
# A new commitment needs these.
REQUIRED_FOR_NEW = ["title", "quote", "parties", "topics", "meeting"]
# Several parties or topics in one cell.
SEPARATORS = (";", "|")

TRUE = {"true", "yes", "1", "y", "published"}
FALSE = {"false", "no", "0", "n", "draft"}


def unescape(value: str) -> str:
    """Undo the export's guard against spreadsheet formulas: a text cell that would start with =, +,
    -, @ or ' is written with a leading apostrophe (tracker/public/exports.py, TextWidget)."""
    return value[1:] if value.startswith("'") else value


@dataclass
class RowError:
    line: int
    reference: str
    messages: list[str]


@dataclass
class RowResult:
    line: int
    reference: str
    action: str  # "create", "update", "unchanged"
    title: str
    changed: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for row in self.rows:
            counts[row.action] += 1
        return counts


class _Refused(Exception):
    """Roll back the import's transaction."""


def _split(value: str) -> list[str]:
    for sep in SEPARATORS:
        if sep in value:
            return [part.strip() for part in value.split(sep) if part.strip()]
    return [value.strip()] if value.strip() else []


class RowForm(forms.Form):
    """One row of the CSV, cleaned into what the verbs take."""

    reference = forms.RegexField(
        regex=r"^[A-Za-z][A-Za-z0-9]*-\d{4}-\d+$",
        required=False,
        error_messages={"invalid": "a reference looks like LECD-2017-03"},
    )
    title = forms.CharField(max_length=250, required=False)
    quote = forms.CharField(required=False)
    parties = forms.CharField(required=False)
    topics = forms.CharField(required=False)
    strength = forms.CharField(required=False)
    deadline = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    deadline_text = forms.CharField(max_length=200, required=False)
    deadline_granularity = forms.CharField(required=False)
    made_on = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    meeting = forms.CharField(required=False)
    parent = forms.CharField(required=False)
    predecessor = forms.CharField(required=False)
    source_url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    is_published = forms.CharField(required=False)

    def __init__(self, data: dict[str, str], *, lookups: Lookups, columns: set[str]) -> None:
        super().__init__(data)
        self.lookups = lookups
        self.columns = columns

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()

    def clean_parties(self) -> list[Party]:
        return _look_up(self.cleaned_data["parties"], self.lookups.parties, "party", "parties")

    def clean_topics(self) -> list[Topic]:
        return _look_up(self.cleaned_data["topics"], self.lookups.topics, "topic", "topics")

    def clean_strength(self) -> str:
        return _choice(self.cleaned_data["strength"], Commitment.Strength, "strength", allow_blank=False)

    def clean_deadline_granularity(self) -> str:
        return _choice(self.cleaned_data["deadline_granularity"], Commitment.Granularity, "precision")

    def clean_meeting(self) -> Meeting | None:
        value = self.cleaned_data["meeting"].strip()
        if not value:
            return None
        meeting = self.lookups.meetings.get(value.casefold())
        if meeting is None:
            raise ValidationError(f"unknown meeting: {value}")
        return meeting

    def clean_is_published(self) -> bool | None:
        value = self.cleaned_data["is_published"].strip().lower()
        if not value:
            return None  # leave it as it is (a new commitment starts as a draft)
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise ValidationError(f"“{value}” is not true or false")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        for name in ("parent", "predecessor"):
            data[name] = (data.get(name) or "").strip().upper()
        return data


def _look_up(value: str, table: dict[str, Any], one: str, many: str) -> list[Any]:
    names = _split(value)
    unknown = [name for name in names if name.casefold() not in table]
    if unknown:
        raise ValidationError(f"unknown {one if len(unknown) == 1 else many}: {', '.join(unknown)}")
    return list({table[name.casefold()].pk: table[name.casefold()] for name in names}.values())


def _choice(value: str, choices: type[models.TextChoices], what: str, allow_blank: bool = True) -> str:
    value = value.strip()
    if not value:
        return ""
    for key, label in choices.choices:
        if value.casefold() in {key.casefold(), str(label).casefold()}:
            return str(key)
    keys = ", ".join(choices.values)
    raise ValidationError(f"“{value}” is not a {what} ({keys})")


class Lookups:
    """Parties, topics and meetings by every name a spreadsheet may use, loaded once per import."""

    def __init__(self) -> None:
        self.parties: dict[str, Party] = {}
        for party in Party.objects.all():
            for name in (party.code, party.short_name, party.name):
                if name:
                    self.parties[name.casefold()] = party
        self.topics: dict[str, Topic] = {}
        for topic in Topic.objects.all():
            for name in (topic.slug, topic.name, topic.key):
                self.topics[name.casefold()] = topic
        self.meetings: dict[str, Meeting] = {}
        for meeting in Meeting.objects.all():
            self.meetings[meeting.title.casefold()] = meeting
            self.meetings[str(meeting).casefold()] = meeting
        for meeting in Meeting.objects.all():
            self.meetings[meeting.slug.casefold()] = meeting  # a slug wins over a title


def read_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and (line number, row) for each record; line numbers count physical lines, so a
    quoted cell over several lines does not shift the numbers the spreadsheet shows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return [], []
    rows = []
    line = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            rows.append((line, record))
        line = reader.line_num + 1
    padded = [(n, cells + [""] * (len(header) - len(cells))) for n, cells in rows]
    return header, [(n, dict(zip(header, cells, strict=False))) for n, cells in padded]


def import_csv(text: str, *, author: Any, commit: bool) -> ImportReport:
    """Read the CSV text, then `import_rows`; a file that is not CSV is reported, not raised."""
    try:
        header, rows = read_rows(text)
    except csv.Error as error:
        return ImportReport(errors=[RowError(0, "", [f"The file is not valid CSV: {error}"])])
    return import_rows(header, rows, author=author, commit=commit)


def import_rows(
    header: list[str], rows: list[tuple[int, dict[str, str]]], *, author: Any, commit: bool
) -> ImportReport:
    """Validate every row, then write them all (commit=True) or show what would be written.

    `rows` are (line number, {column: cell}) as `read_rows` gives them. Every write goes through
    the verbs of `actions.py` in one transaction; with any error, or commit=False, it is rolled back.
    """
    report = ImportReport()
    problems = _header_problems(header, rows)
    if problems:
        report.errors.append(RowError(1, "", problems))
        return report
    columns = set(header) - INFORMATIONAL
    references = [row.get("reference", "").strip().upper() for _, row in rows]
    existing = {
        c.reference: c
        for c in Commitment.objects.filter(reference__in=references).prefetch_related("parties", "topics")
    }
    cleaned = _clean_rows(rows, columns, existing, report)
    if not report.errors:
        _write_all(cleaned, columns, existing, author, commit, report)
    return report


def _header_problems(header: list[str], rows: list[tuple[int, dict[str, str]]]) -> list[str]:
    unknown = [name for name in header if name not in COLUMNS]
    problems = []
    if "reference" not in header:
        problems.append("The header has no “reference” column.")
    if unknown:
        problems.append(f"Unknown columns: {', '.join(unknown)}. The columns are those of the public export.")
    if len(set(header)) != len(header):
        problems.append("A column appears twice in the header.")
    if not rows and not problems:
        problems.append("The file has no rows.")
    return problems


def _clean_rows(
    rows: Iterable[tuple[int, dict[str, str]]], columns: set[str], existing: dict[str, Commitment], report: ImportReport
) -> list[tuple[int, dict[str, Any]]]:
    """Each row through `RowForm` and the checks between rows; errors go to the report."""
    lookups = Lookups()
    seen: dict[str, int] = {}
    cleaned = []
    for line, row in rows:
        row = {name: unescape(value) if name in TEXT_COLUMNS else value for name, value in row.items()}
        form = RowForm(row, lookups=lookups, columns=columns)
        valid = form.is_valid()
        messages = [f"{name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()]
        reference = (row.get("reference") or "").strip().upper()
        if reference and reference in seen:
            messages.append(f"{reference} appears already on line {seen[reference]}")
        if reference:
            seen.setdefault(reference, line)
        if reference not in existing:
            messages += _missing_for_new(row, columns)
        messages += _link_problems(row, reference, line, existing, seen)
        if messages:
            report.errors.append(RowError(line, row.get("reference", ""), messages))
        elif valid:
            cleaned.append((line, form.cleaned_data))
    return cleaned


def _missing_for_new(row: dict[str, str], columns: set[str]) -> list[str]:
    messages = []
    for name in REQUIRED_FOR_NEW:
        if name not in columns:
            messages.append(f"{name}: a new commitment needs this column")
        elif not (row.get(name) or "").strip():
            messages.append(f"{name}: required for a new commitment")
    return messages


def _link_problems(
    row: dict[str, str], reference: str, line: int, existing: dict[str, Commitment], seen: dict[str, int]
) -> list[str]:
    messages = []
    for name in ("parent", "predecessor"):
        ref = (row.get(name) or "").strip().upper()
        known = ref in existing or (ref in seen and seen[ref] != line)
        if ref and ref == reference:
            messages.append(f"{name}: a commitment cannot refer to itself")
        elif ref and not known and not Commitment.objects.filter(reference=ref).exists():
            messages.append(f"{name}: no commitment {ref} (in the database or on an earlier line)")
    return messages


def _write_all(
    cleaned: list[tuple[int, dict[str, Any]]],
    columns: set[str],
    existing: dict[str, Commitment],
    author: Any,
    commit: bool,
    report: ImportReport,
) -> None:
    """Every row in one transaction, each in a savepoint so a row the database refuses is reported."""
    try:
        with transaction.atomic():
            written: dict[str, Commitment] = {}
            for line, data in cleaned:
                try:
                    with transaction.atomic():
                        result, commitment = _write(data, columns, existing, written, author)
                except (ValidationError, IntegrityError) as error:
                    report.errors.append(RowError(line, data["reference"], _messages(error)))
                    continue
                result.line = line
                report.rows.append(result)
                written[commitment.reference] = commitment
            if report.errors or not commit:
                raise _Refused
    except _Refused:
        return
    report.written = True


def _messages(error: ValidationError | IntegrityError) -> list[str]:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return [f"{name}: {' '.join(ValidationError(errors).messages)}" for name, errors in error.error_dict.items()]
    if isinstance(error, ValidationError):
        return error.messages
    return [f"the database refused the row: {error}"]


def _related(reference: str, written: dict[str, Commitment]) -> Commitment | None:
    if not reference:
        return None
    return written.get(reference) or Commitment.objects.get(reference=reference)


def _write(
    data: dict[str, Any],
    columns: set[str],
    existing: dict[str, Commitment],
    written: dict[str, Commitment],
    author: Any,
) -> tuple[RowResult, Commitment]:
    reference = data["reference"]
    fields: dict[str, Any] = {}
    for name in ("title", "quote", "strength", "deadline", "deadline_text", "deadline_granularity", "source_url"):
        if name in columns:
            fields[name] = data[name]
    if "meeting" in columns and data["meeting"]:
        fields["meeting"] = data["meeting"]
    if "made_on" in columns:
        meeting = fields.get("meeting") or (existing[reference].meeting if reference in existing else None)
        fields["made_on"] = data["made_on"] or (meeting.date if meeting else None)
    for name in ("parent", "predecessor"):
        # Empty leaves the link as it is: the public export blanks links to unpublished commitments,
        # and a round trip must not drop them.
        if name in columns and data[name]:
            fields[name] = _related(data[name], written)
    if not fields.get("strength") and "strength" in fields:
        fields.pop("strength")  # empty: keep the current one (or the default for a new row)
    parties = data["parties"] if "parties" in columns else None
    topics = data["topics"] if "topics" in columns else None
    publish = data["is_published"] if "is_published" in columns else None

    commitment = existing.get(reference)
    if commitment is None:
        commitment = actions.create_commitment(
            parties=parties or [],
            topics=topics or [],
            author=author,
            reference=reference or None,
            publish=bool(publish),
            **fields,
        )
        return RowResult(0, commitment.reference, "create", commitment.title), commitment

    changed = [name for name, value in fields.items() if getattr(commitment, name) != value]
    if parties is not None and {p.pk for p in parties} != {p.pk for p in commitment.parties.all()}:
        changed.append("parties")
    if topics is not None and {t.pk for t in topics} != {t.pk for t in commitment.topics.all()}:
        changed.append("topics")
    if changed:
        actions.update_commitment(commitment=commitment, author=author, parties=parties, topics=topics, **fields)
    if publish is True and not commitment.is_published:
        actions.publish_commitment(commitment=commitment, author=author)
        changed.append("is_published")
    elif publish is False and commitment.is_published:
        actions.unpublish_commitment(commitment=commitment, author=author)
        changed.append("is_published")
    action = "update" if changed else "unchanged"
    return RowResult(0, commitment.reference, action, commitment.title, changed), commitment
