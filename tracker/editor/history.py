"""Who changed what and when: a record's django-simple-history rows as readable diffs.

Each historical row is compared with the one before it (`diff_against`); foreign keys and
many-to-many rows come back as primary keys and are named in one query per related model.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}

# Columns derived from elsewhere and written without a history row (actions._refresh_current_status
# uses update()): a diff would show them changing on an unrelated edit. The assessment log, listed
# on the same tab, is their history.
DERIVED = {"commitments.Commitment": {"current_status", "current_status_as_of", "status_changed_at"}}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime.datetime
    user: object
    kind: str
    changes: list[Change] = field(default_factory=list)
    reason: str = ""


def history_of(obj, limit: int = 100) -> list[Entry]:
    """The history of `obj`, newest first, each entry with its field changes."""
    model = type(obj)
    derived = DERIVED.get(model._meta.label, set())
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    records.reverse()  # oldest first, to diff each against the one before it
    raw = []
    for index, record in enumerate(records):
        if index == 0:
            if len(records) > limit:
                continue  # the row before the window, only there to diff the first shown against
            changes = [c for c in _initial_values(record) if c[0] not in derived]
        else:
            delta = record.diff_against(records[index - 1], excluded_fields=derived)
            changes = [(c.field, c.old, c.new) for c in delta.changes]
        raw.append((record, changes))
    names = _names_for(model, [c for _, changes in raw for c in changes])
    entries = [
        Entry(
            when=record.history_date,
            user=record.history_user,
            kind=KINDS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
            changes=[
                Change(_label(model, name), _show(model, name, old, names), _show(model, name, new, names))
                for name, old, new in changes
            ],
        )
        for record, changes in raw
    ]
    entries.reverse()
    return entries


def _initial_values(record) -> list[tuple]:
    values = []
    for f in record.tracked_fields:
        if not f.editable:
            continue
        value = getattr(record, f.attname)
        if value not in (None, "", [], {}):
            values.append((f.name, None, value))
    for f in getattr(record, "_history_m2m_fields", []):
        rows = list(getattr(record, f.name).values(f.m2m_reverse_field_name()))
        if rows:
            values.append((f.name, None, rows))
    return values


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _names_for(model, changes) -> dict:
    """{(related model, pk): str} for every related row the changes mention, one query per model."""
    wanted = defaultdict(set)
    for name, old, new in changes:
        f = model._meta.get_field(name)
        if f.many_to_many:
            key = f.m2m_reverse_field_name()
            for rows in (old, new):
                wanted[f.related_model].update(row[key] for row in rows or [])
        elif f.is_relation:
            wanted[f.related_model].update(v for v in (old, new) if v is not None)
    names = {}
    for related, pks in wanted.items():
        for obj in related._default_manager.filter(pk__in=pks):
            names[(related, obj.pk)] = getattr(obj, "reference", None) or str(obj)
    return names


def _show(model, name: str, value, names: dict) -> str:
    f = model._meta.get_field(name)
    if value is None or value == "":
        return "—"
    if f.many_to_many:
        key = f.m2m_reverse_field_name()
        shown = [names.get((f.related_model, row[key]), f"#{row[key]}") for row in value]
        return ", ".join(sorted(shown)) or "—"
    if f.is_relation:
        return names.get((f.related_model, value), f"#{value} (deleted)")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
