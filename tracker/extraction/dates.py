"""Calendar dates written in English text: the patterns and their parsing.

Shared by clean (the document's own date) and deadlines (dates inside sentences). Hand-written
because the forms are few and fixed ("August 12, 2025", "12 August 2025", "Aug. 12", "2025-08-12")
and dateparser costs half a second to import and milliseconds per call, far more than a regex.
"""

from __future__ import annotations

import calendar
import datetime
import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAMES = [calendar.month_name[i] for i in range(13)]

# "May" is also a modal verb: as a bare month it needs a day or a year next to it, which the
# patterns below always require.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)[0-9]{2}"

# Month Day, Year | Day Month Year | ISO; the year is optional in the first two forms.
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:\s*(?:-|–|to)\s*{DAY})?(?:,?\s+(?P<y1>{YEAR}))?"
    rf"|(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?"
    rf"|(?P<iso>{YEAR}-[01][0-9]-[0-3][0-9]))\b"
)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_date_match(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date | None, bool]:
    """(date, year_given) for a DATE_RE match; a missing year comes from the reference date."""
    if match.group("iso"):
        try:
            return datetime.date.fromisoformat(match.group("iso")), True
        except ValueError:
            return None, True
    month_name = match.group("m1") or match.group("m2")
    digits = re.match(r"\d+", match.group("d1") or match.group("d2"))
    assert digits is not None  # DATE_RE's day groups start with a digit
    day = int(digits.group())
    year_text = match.group("y1") or match.group("y2")
    month = month_number(month_name)
    if year_text:
        year = int(year_text)
    elif reference is not None:
        year = reference.year
    else:
        return None, False
    try:
        return datetime.date(year, month, day), bool(year_text)
    except ValueError:
        return None, bool(year_text)


def find_dates(text: str, reference: datetime.date | None = None) -> list[tuple[re.Match[str], datetime.date, bool]]:
    found = []
    for match in DATE_RE.finditer(text):
        value, year_given = parse_date_match(match, reference)
        if value is not None:
            found.append((match, value, year_given))
    return found


_FILENAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?([01][0-9])[-_.]?([0-3][0-9])(?![0-9])")


def date_in_name(name: str | None) -> datetime.date | None:
    """A YYYY-MM-DD (or YYYYMMDD) date in a file name or URL path."""
    if not name:
        return None
    for match in _FILENAME_DATE.finditer(name):
        try:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def coerce_date(value: object) -> datetime.date | None:
    """A date from front matter: a date, a datetime, or a string starting with an ISO date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*((?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])", value)
        if match:
            try:
                return datetime.date.fromisoformat(match.group(1))
            except ValueError:
                return None
        found = find_dates(value)
        if found and found[0][2]:
            return found[0][1]
    return None
