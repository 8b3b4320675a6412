"""The date a public page is read at: today, or `?as_of=YYYY-MM-DD` for a historical view.

Every public page, feed filter, export and the API accept the same parameter with the same
rules, so a permanent link can always be made by adding the date.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def long_date(day: datetime.date) -> str:
    """1 January 2019: the form readers and citations use."""
    return f"{day.day} {day:%B %Y}"


def parse_as_of(raw: str, today: datetime.date | None = None) -> datetime.date:
    """The date `raw` names, or ValidationError with a message a reader can act on."""
    today = today or timezone.localdate()
    raw = (raw or "").strip()
    try:
        if not ISO_DATE.match(raw):
            raise ValueError(raw)
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(
            f"“{raw[:40]}” is not a date. Write the date as YYYY-MM-DD, for example 2019-01-01.", code="invalid"
        ) from None
    if day > today:
        raise ValidationError(
            f"{long_date(day)} is in the future: the tracker can show how things stood on any date up to today "
            f"({long_date(today)}).",
            code="future",
        )
    return day


def validate_not_future(day: datetime.date) -> None:
    """For form fields that parse the date themselves (the list filters, the API)."""
    if day and day > timezone.localdate():
        parse_as_of(day.isoformat())


@dataclass(frozen=True)
class ViewDate:
    """`day` is the date a page shows; `historical` when the reader asked for a date."""

    day: datetime.date
    historical: bool = False
    error: str = ""

    @property
    def as_of(self) -> datetime.date | None:
        return self.day if self.historical else None


def view_date(request) -> ViewDate:
    today = timezone.localdate()
    raw = request.GET.get("as_of", "")
    if not raw.strip():
        return ViewDate(today)
    try:
        return ViewDate(parse_as_of(raw, today), historical=True)
    except ValidationError as error:
        return ViewDate(today, error=error.messages[0] + " Showing today’s view instead.")
