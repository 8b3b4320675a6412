"""How many commitments a view of the list holds, without counting 200,000 rows on every page.

- Today's list, filtered by nothing but status, party, dialogue and meeting (the dashboard's and
  the party and dialogue pages' links): exact, summed from the summary rows
  (`commitments.summaries`), a few thousand rows at most.
- Anything else (a search, a date, a topic, `as_of`): counted exactly up to `EXACT_UP_TO` rows
  (a COUNT over a LIMITed subquery stops there); above that, the planner's estimate of the rows,
  shown as "about N" (rounded to two significant figures, never below the rows counted), so a
  reader is never told a number as exact that was not counted. On SQLite (no estimate to read),
  the full count.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from django.db import connections
from django.db.models import Sum

from tracker.commitments.models import PartyTally, StatusTally

EXACT_UP_TO = 1000
# The filters the summary rows answer exactly (besides the sort order).
TALLIED = {"status", "party", "dialogue", "meeting"}


class Total(NamedTuple):
    n: int
    exact: bool = True


def _set(data: dict) -> set[str]:
    return {k for k, v in data.items() if k != "sort" and v not in (None, "", [], False)}


def _from_summaries(data: dict) -> int:
    party = data.get("party")
    rows = PartyTally.objects.filter(party=party) if party is not None else StatusTally.objects.all()
    if data.get("status"):
        rows = rows.filter(status__in=data["status"])
    if data.get("dialogue") is not None:
        rows = rows.filter(meeting__dialogue=data["dialogue"])
    if data.get("meeting") is not None:
        rows = rows.filter(meeting=data["meeting"])
    return rows.aggregate(total=Sum("n"))["total"] or 0


def _estimate(queryset) -> int | None:
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _round(n: int) -> int:
    digits = len(str(n))
    step = 10 ** max(0, digits - 2)
    return round(n / step) * step


def list_total(filterset) -> Total:
    """The number of rows of `filterset.qs` (a valid `CommitmentFilter`)."""
    data = filterset.form.cleaned_data
    if _set(data) <= TALLIED:
        return Total(_from_summaries(data))
    queryset = filterset.qs
    counted = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if counted <= EXACT_UP_TO:
        return Total(counted)
    estimate = _estimate(queryset)
    if estimate is None:
        return Total(queryset.count())
    return Total(_round(max(estimate, counted)), exact=False)
