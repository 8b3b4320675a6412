"""Keyset pagination for the public list: page 500 costs what page 1 costs.

An OFFSET page makes the database walk past every row before it, so deep pages get slower the
deeper they are, and rows shift between pages while editors publish. A keyset page instead asks
for "the next N rows after this one" on the sort key plus the reference (unique, so the order
is total), which the indexes on (is_published, made_on / deadline / status_changed_at) answer
with a range scan. The cursor is the last (or first) row's key, in the page's address, so every
page is a shareable link. Nullable sort columns are coalesced to a sentinel (no deadline sorts
last), because SQL comparisons with NULL would drop those rows.
"""

from __future__ import annotations

import base64
import datetime
import json
from dataclasses import dataclass

from django.db.models import DateField, DateTimeField, F, Q, Value
from django.db.models.functions import Coalesce

NO_DEADLINE = datetime.date(9999, 12, 31)
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class CursorError(ValueError):
    """The page address is damaged or was made for another sort order."""


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    expression: object
    descending: bool = False
    kind: str = "str"  # how the cursor value is read back: str, date, datetime

    def parse(self, raw):
        if self.kind == "date":
            return datetime.date.fromisoformat(raw)
        if self.kind == "datetime":
            return datetime.datetime.fromisoformat(raw)
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw


SORTS = {
    sort.key: sort
    for sort in [
        Sort("reference", "Reference", F("reference")),
        Sort("newest", "Newest first", F("made_on"), descending=True, kind="date"),
        Sort("oldest", "Oldest first", F("made_on"), kind="date"),
        Sort(
            "deadline",
            "Deadline, soonest first",
            Coalesce("deadline", Value(NO_DEADLINE), output_field=DateField()),
            kind="date",
        ),
        Sort(
            "changed",
            "Status changed, latest first",
            Coalesce("status_changed_at", Value(NEVER), output_field=DateTimeField()),
            descending=True,
            kind="datetime",
        ),
        Sort("title", "Title, A to Z", F("title")),
    ]
}
DEFAULT_SORT = "reference"


def _encode(value, reference: str) -> str:
    if isinstance(value, datetime.date | datetime.datetime):
        value = value.isoformat()
    raw = json.dumps([value, reference], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, sort: Sort):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, reference = json.loads(raw)
        if not isinstance(reference, str):
            raise ValueError(reference)
        return sort.parse(value), reference
    except (ValueError, TypeError, json.JSONDecodeError):
        raise CursorError(cursor) from None


@dataclass
class KeysetPage:
    rows: list
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def has_other_pages(self) -> bool:
        return bool(self.next_cursor or self.previous_cursor)


def paginate(queryset, sort: Sort, *, after: str = "", before: str = "", size: int = 25) -> KeysetPage:
    """One page of `queryset` in `sort` order: after a cursor, before one, or the first page."""
    queryset = queryset.annotate(sort_key=sort.expression)
    forward = not before
    cursor = after or before
    # Walking backwards (a "previous" link) reverses the order, then the rows are put back.
    descending = sort.descending if forward else not sort.descending
    if cursor:
        value, reference = _decode(cursor, sort)
        op = "lt" if descending else "gt"
        queryset = queryset.filter(
            Q(**{f"sort_key__{op}": value}) | Q(sort_key=value, **{f"reference__{op}": reference})
        )
    order = ["-sort_key", "-reference"] if descending else ["sort_key", "reference"]
    rows = list(queryset.order_by(*order)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    if not rows:
        return KeysetPage([], None, None)
    first, last = rows[0], rows[-1]
    next_cursor = _encode(last.sort_key, last.reference) if (more or not forward) else None
    previous_cursor = (
        _encode(first.sort_key, first.reference) if (cursor and forward) or (more and not forward) else None
    )
    return KeysetPage(rows, next_cursor, previous_cursor)
