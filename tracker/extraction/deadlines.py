"""Deadlines: find the phrase first, then resolve it against the document's date.

Finding and resolving are kept apart because most errors are in finding: a percentage ("reduce to
19 percent"), the duration of a measure ("for an additional period of 90 days"), a start date
("starting on March 1, 2030"), the date of an instrument ("Executive Order 12345 of January 2,
2030") or a past event ("signed on May 5, 1999") must never become a deadline.

Labels follow the labelling rules: an ISO date when the text gives an exact day; the resolved
end of the period with the phrase when the text gives a period end ("2021-12-31 (by the end of
2021)"); the year for "by 2030"; a month or part of a year written out ("mid-November 2020",
"early 2024 ('early next year')"); otherwise the phrase.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from tracker.extraction.dates import DATE_RE, MONTH, MONTH_NAMES, YEAR, last_day, month_number, parse_date_match

DAY, MONTH_G, QUARTER, HALF, YEAR_G, VAGUE = "day", "month", "quarter", "half", "year", "vague"


@dataclass(frozen=True)
class Deadline:
    start: int
    end: int
    text: str  # the phrase as written
    date: datetime.date | None  # the day, or the last day of the period
    granularity: str  # day, month, quarter, half, year, vague
    exact: bool  # the text names the day
    label: str  # how the labelled data writes it


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_REL_YEAR = r"(?:this|next|the current|the coming|the following) year"
_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"sixty|ninety)"
)
_BY = r"(?:by|before|until|till|through|no later than|not later than|prior to|at|towards?)"

# Words that, right before a date, make it anything but a deadline.
_NOT_DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:starting|started|beginning|from|since|of|dated|as of|effective|signed|"
    r"adopted|issued|held|launched|established|released|announced|on or after)\s*(?:on|in|from)?\s*)$",
    re.I,
)
# A period of time that a measure lasts: "for an additional period of 90 days", "for 90 days".
_DURATION_BEFORE = re.compile(
    r"\b(?:for|lasting|of)\s+(?:an?\s+)?(?:additional\s+|further\s+|initial\s+)?(?:period\s+of\s+)?$", re.I
)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent|per cent|percentage)", re.I)


def _year_for(month: int, reference: datetime.date | None) -> int | None:
    """The year of a month named without one: this year, or next year when it is well past."""
    if reference is None:
        return None
    if month < reference.month - 2:
        return reference.year + 1
    return reference.year


def _relative_year(word: str, reference: datetime.date) -> int:
    return reference.year + (1 if word.lower() in {"next", "the coming", "the following"} else 0)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month0 = day.month - 1 + months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    return min(datetime.date(year, month, min(day.day, 28)), last_day(year, month))


def _quarter_end(year: int, quarter: int) -> datetime.date:
    return last_day(year, quarter * 3)


def _core(phrase: str) -> str:
    """The phrase without its leading preposition: 'in the coming weeks' stays, 'by 2030' -> '2030'."""
    prepositions = r"^(?:by|before|until|till|in|during|no later than|not later than|prior to)\s+"
    return re.sub(prepositions, "", phrase, flags=re.I)


# Each finder returns (date, granularity, exact, label) or None for a match it rejects.
Resolved = tuple[datetime.date | None, str, bool, str] | None
Resolver = Callable[[re.Match[str], datetime.date | None], Resolved]


def _end_of(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    what = m.group("what").lower()
    phrase = m.group(0)
    rel = re.match(r"(this|next|the current|the coming|the following|the)\s+(year|month|quarter|decade)", what)
    if rel:
        if ref is None:
            return None, VAGUE, False, phrase
        word, unit = rel.groups()
        if unit == "year":
            year = ref.year + (1 if word in {"next", "the coming", "the following"} else 0)
            day = datetime.date(year, 12, 31)
            return day, YEAR_G, False, f"{day.isoformat()} ({phrase})"
        if unit == "month":
            base = _add_months(ref, 1) if word in {"next", "the coming", "the following"} else ref
            day = last_day(base.year, base.month)
            return day, MONTH_G, False, f"{day.isoformat()} ({phrase})"
        if unit == "quarter":
            quarter = (ref.month - 1) // 3 + 1 + (1 if word == "next" else 0)
            year = ref.year + (quarter - 1) // 4
            day = _quarter_end(year, (quarter - 1) % 4 + 1)
            return day, QUARTER, False, f"{day.isoformat()} ({phrase})"
        decade_end = datetime.date(ref.year // 10 * 10 + 9, 12, 31)
        return decade_end, VAGUE, False, phrase
    quarter = re.match(r"(?:the\s+)?(first|second|third|fourth)\s+quarter(?:\s+of\s+(.+))?", what)
    if quarter:
        year = _year_of(quarter.group(2), ref)
        if year is None:
            return None
        day = _quarter_end(year, _ORDINALS[quarter.group(1)])
        return day, QUARTER, False, f"{day.isoformat()} ({phrase})"
    year_match = re.fullmatch(YEAR, what)
    if year_match:
        day = datetime.date(int(what), 12, 31)
        return day, YEAR_G, False, f"{day.isoformat()} ({phrase})"
    month = re.match(rf"({MONTH})(?:\s+({YEAR}))?", m.group("what"), re.I)
    if month:
        number = month_number(month.group(1))
        year = int(month.group(2)) if month.group(2) else _year_for(number, ref)
        if year is None:
            return None
        if not month.group(2) and ref is not None and last_day(year, number) < ref:
            year += 1  # "by the end of March" said in May looks ahead to next March
        day = last_day(year, number)
        return day, MONTH_G, False, f"{day.isoformat()} ({phrase})"
    return None


def _year_of(text: str | None, ref: datetime.date | None) -> int | None:
    if not text:
        return ref.year if ref else None
    text = text.strip().lower()
    if re.fullmatch(YEAR, text):
        return int(text)
    if ref is None:
        return None
    return _relative_year(text.replace(" year", ""), ref)


def _year_end_short(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    if ref is None:
        return None
    day = datetime.date(ref.year, 12, 31)
    return day, YEAR_G, False, f"{day.isoformat()} ({m.group(0)})"


def _quarter(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    year = _year_of(m.group("y"), ref)
    if year is None:
        return None
    number = _ORDINALS.get((m.group("ord") or "").lower()) or int(m.group("qn") or 0)
    if m.group("unit").lower().startswith("half") or (m.group("qunit") or "").upper() == "H":
        day = last_day(year, 6 * number)
        return day, HALF, False, f"{'H'}{number} {year}" if m.group("qn") else f"{day.isoformat()} ({m.group(0)})"
    day = _quarter_end(year, number)
    return day, QUARTER, False, f"Q{number} {year}" if m.group("qn") else f"{day.isoformat()} ({m.group(0)})"


_PART_END = {
    "early": (4, QUARTER),
    "beginning": (3, QUARTER),
    "start": (3, QUARTER),
    "mid": (7, HALF),
    "middle": (7, HALF),
    "late": (12, QUARTER),
}


def _part_of_year(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    part = m.group("part").lower().split()[-1]
    part = {"the middle of": "middle"}.get(part, part)
    year_text = m.group("y")
    if re.fullmatch(YEAR, year_text):
        year = int(year_text)
        relative = False
    elif ref is None:
        return None
    else:
        year = _relative_year(year_text.lower().replace(" year", ""), ref)
        relative = True
    end_month, granularity = _PART_END[part]
    day = last_day(year, end_month)
    word = "mid-" if part in {"mid", "middle"} else f"{part} "
    written = f"{word}{year}"
    label = f"{written} ('{_core(m.group(0))}')" if relative else written
    return day, granularity, False, label


def _month_part(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    number = month_number(m.group("m"))
    year = int(m.group("y")) if m.group("y") else _year_for(number, ref)
    if year is None:
        return None
    part = (m.group("part") or "").lower()
    name = MONTH_NAMES[number]
    if part == "early":
        day, written = datetime.date(year, number, 10), f"early {name} {year}"
    elif part == "mid":
        day, written = datetime.date(year, number, 20), f"mid-{name} {year}"
    elif part == "late":
        day, written = last_day(year, number), f"late {name} {year}"
    else:
        day, written = last_day(year, number), f"{name} {year}"
    return day, MONTH_G, False, written


def _exact(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    inner = DATE_RE.search(m.group(0))
    if inner is None:
        return None
    value, year_given = parse_date_match(inner, ref)
    if value is None:
        return None
    if not year_given and ref is not None:
        year = _year_for(value.month, ref)
        try:
            value = value.replace(year=year)
        except ValueError:
            return None
    return value, DAY, True, value.isoformat()


def _year(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    year = int(m.group("y"))
    return datetime.date(year, 12, 31), YEAR_G, False, str(year)


def _relative(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    if ref is None:
        return None, VAGUE, False, m.group(0)
    unit = m.group("unit").lower()
    word = m.group("rel").lower()
    nxt = word in {"next", "coming", "the coming", "following"}
    core = _core(m.group(0))
    if unit == "year":
        year = ref.year + (1 if nxt else 0)
        return datetime.date(year, 12, 31), YEAR_G, False, f"{year} ({core})"
    if unit == "month":
        base = _add_months(ref, 1) if nxt else ref
        day = last_day(base.year, base.month)
        return day, MONTH_G, False, f"{MONTH_NAMES[base.month]} {base.year} ('{core}')"
    if unit == "week":
        day = ref + datetime.timedelta(days=(13 - ref.weekday()) if nxt else (6 - ref.weekday()))
        return day, VAGUE, False, f"{day.isoformat()} ({core})"
    if unit == "quarter":
        quarter = (ref.month - 1) // 3 + 1 + (1 if nxt else 0)
        year = ref.year + (quarter - 1) // 4
        quarter = (quarter - 1) % 4 + 1
        return _quarter_end(year, quarter), QUARTER, False, f"Q{quarter} {year} ('{core}')"
    return None, VAGUE, False, core


def _within(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    phrase = m.group(0)
    if m.group("anchor"):
        return None, VAGUE, False, phrase  # "within 30 days of verification": an event, not today
    if ref is None:
        return None, VAGUE, False, phrase
    count = m.group("n").lower()
    n = int(count) if count.isdigit() else _NUMBERS.get(count, 1)
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        day = ref + datetime.timedelta(days=n)
    elif unit == "week":
        day = ref + datetime.timedelta(weeks=n)
    elif unit == "month":
        day = _add_months(ref, n)
    else:
        day = _add_months(ref, 12 * n)
    return day, DAY if unit in {"day", "week"} else MONTH_G, False, f"{day.isoformat()} ({phrase})"


def _coming(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    phrase = m.group(0)
    if ref is None:
        return None, VAGUE, False, phrase
    unit = m.group("unit").lower()
    offset = {"days": datetime.timedelta(days=10), "weeks": datetime.timedelta(weeks=4)}.get(unit)
    if offset is not None:
        day = ref + offset
    elif unit == "months":
        day = _add_months(ref, 3)
    else:
        return None, VAGUE, False, phrase
    return day, VAGUE, False, f"{MONTH_NAMES[day.month]} {day.year} ('{phrase.lower()}')"


def _soon(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    return None, VAGUE, False, m.group(0)


def _weekday(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    if ref is None:
        return None
    target = _WEEKDAYS.index(m.group("wd").lower())
    ahead = (target - ref.weekday()) % 7
    if m.group("rel").lower() != "next" and ahead == 0:
        return None  # "on Monday" in a Monday report is the day it happened
    if m.group("rel").lower() == "next":
        ahead = ahead or 7
        if ahead < 2:
            ahead += 7
    day = ref + datetime.timedelta(days=ahead)
    return day, DAY, True, day.isoformat()


def _event(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    return None, VAGUE, False, m.group("ev")


_FINDERS: list[tuple[re.Pattern[str], Resolver]] = [
    (
        re.compile(
            rf"\b{_BY}\s+(?:the\s+)?end(?:\s+of|-)\s*(?P<what>(?:this|next|the current|the coming|the following|the)\s+"
            rf"(?:year|month|quarter|decade)|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of\s+"
            rf"(?:{YEAR}|this year|"
            rf"next year))?|{MONTH}(?:\s+{YEAR})?|{YEAR})\b",
            re.I,
        ),
        _end_of,
    ),
    (re.compile(r"\b(?:by|before|until)\s+(?:the\s+)?year[- ]end\b", re.I), _year_end_short),
    (
        re.compile(
            rf"\b(?:(?:by|in|during|before|within)\s+)?(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
            rf"(?P<unit>quarter|half)\s+of\s+(?P<y>{YEAR}|{_REL_YEAR})(?P<qn>)(?P<qunit>)",
            re.I,
        ),
        _quarter,
    ),
    (
        re.compile(
            rf"\b(?:(?:by|in|during|before)\s+)?(?P<qunit>[QH])(?P<qn>[1-4])\s+(?P<y>{YEAR})(?P<ord>)(?P<unit>)\b"
        ),
        _quarter,
    ),
    (
        re.compile(
            rf"\b(?:(?:by|in|during|before|until|from)\s+)?(?:the\s+)?(?P<part>early|mid|late|the middle of|"
            rf"the beginning of|the start of)[\s-]+(?P<y>{YEAR}|{_REL_YEAR})\b",
            re.I,
        ),
        _part_of_year,
    ),
    (re.compile(r"\b(?:later|earlier)\s+(?P<rel>this|next)\s+(?P<unit>year|month)\b", re.I), _relative),
    (
        re.compile(
            rf"\b(?:(?:by|in|during|before|until|no later than)\s+)?(?P<part>early|mid|late)[\s-]+"
            rf"(?P<m>{_FULL_MONTH})"
            rf"(?:,?\s+(?P<y>{YEAR}))?\b",
            re.I,
        ),
        _month_part,
    ),
    (
        re.compile(
            rf"\b(?:by|in|during|before|until|no later than|not later than)\s+(?P<part>)(?P<m>{_FULL_MONTH})"
            rf"(?:,?\s+(?P<y>{YEAR}))?\b(?!\s+\d)"
        ),
        _month_part,
    ),
    (
        re.compile(rf"\b(?:(?:by|on|before|until|no later than|not later than|ahead of)\s+)?{DATE_RE.pattern[2:-2]}\b"),
        _exact,
    ),
    (
        re.compile(
            rf"\b(?:by|in|before|until|through|during|no later than|not later than|by the year|in the year|"
            rf"(?:planned|scheduled|slated|set|due) for)\s+"
            rf"(?:FY\s?|fiscal year\s+)?(?P<y>{YEAR})\b(?![-–]\d)",
            re.I,
        ),
        _year,
    ),
    (
        re.compile(
            r"\b(?:(?:by|in|during|within|before|for)\s+)?(?:the\s+)?"
            r"(?P<rel>this|next|the coming|coming|the current|"
            r"the following)\s+(?P<unit>year|month|week|quarter|decade)\b",
            re.I,
        ),
        _relative,
    ),
    (re.compile(r"\bwithin\s+(?P<rel>this|the)\s+(?P<unit>year|month)\b", re.I), _relative),
    (
        re.compile(
            rf"\bwithin\s+(?:the\s+next\s+)?(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)"
            r"(?P<anchor>\s+(?:of|after|from|following)\s+(?!(?:today|this|the date of this|signing))[\w-]+)?",
            re.I,
        ),
        _within,
    ),
    (
        re.compile(
            r"\b(?:in|over|during|within)\s+the\s+(?:coming|next|following)\s+(?:few\s+|several\s+)?"
            r"(?P<unit>days|weeks|months|years)\b",
            re.I,
        ),
        _coming,
    ),
    (
        re.compile(
            r"\b(?:in the near (?:future|term)|as soon as possible|at an early date|at the earliest (?:possible )?"
            r"(?:date|opportunity)|in due course|shortly|(?<!as )soon(?!\s+as\b))\b",
            re.I,
        ),
        _soon,
    ),
    (
        re.compile(
            r"\b(?P<rel>next|this|on|coming)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?:ahead of|before|by|towards?|at|in time for)\s+(?:the\s+)?(?P<ev>COP\s?\d{1,2}|"
            r"(?:next|upcoming)\s+(?:summit|meeting|round|session))\b",
            re.I,
        ),
        _event,
    ),
]


# A text with none of these holds no deadline phrase (checked first: it is most texts, and cheap).
_ANY_TIME = re.compile(
    r"\d|year|month|week|quarter|\bend\b|early|\bmid|late|next|coming|near|soon|shortly|due course|earliest|"
    r"day|january|february|march|april|may|june|july|august|september|october|november|december|COP",
    re.I,
)


def find_deadlines(text: str, doc_date: datetime.date | None) -> list[Deadline]:
    """Deadline phrases in a text, left to right, without overlaps, past dates, durations or start dates."""
    if not _ANY_TIME.search(text):
        return []
    candidates: list[tuple[int, int, re.Match[str], Resolver]] = []
    for regex, resolver in _FINDERS:
        for match in regex.finditer(text):
            candidates.append((match.start(), match.end(), match, resolver))
    # longest first, then leftmost: "by the end of 2021" beats "2021"
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    found: list[Deadline] = []
    for start, end, match, resolver in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        # "India will cut its duties ... from Oct. 1": the day a pledged measure starts is its deadline
        starts = bool(_FUTURE_START.search(text, max(0, start - 140), start))
        rejected = _rejected(text, start, end)
        if rejected and not starts:
            continue
        resolved = resolver(match, doc_date)
        if resolved is None:
            continue
        day, granularity, exact, label = resolved
        if rejected and not exact:
            continue
        if day is not None and doc_date is not None and _is_past(day, granularity, doc_date):
            continue
        found.append(Deadline(start, end, match.group(0), day, granularity, exact, label))
    found.sort(key=lambda d: d.start)
    return found


# A future measure and the day it starts: "will grant ... visa-free entry starting from Jan. 1, 2028"
_FUTURE_START = re.compile(
    r"\b(?:will|shall)\s(?:[^.;:]|\.\d){0,120}?\b(?:(?:starting|beginning|effective)(?:\s+(?:from|on))?|from)\s+$", re.I
)


_REPORTED_WHEN = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted|reported|confirmed|met|held|spoke|pledged|agreed|decided|"
    r"committed|vowed|promised|signed|launched|adopted|issued|released)\s+(?:\w+\s+)?$",
    re.I,
)


# A finished event earlier in the same clause dates that event, not a future action: "the
# consensus reached by the Chinese and U.S. presidents in 2017", "the agreement signed by both
# sides in May" (a period inside an abbreviation does not end the clause).
_EVENT_EARLIER_IN_CLAUSE = re.compile(
    r"\b(?:reached|signed|concluded|adopted|achieved|established|launched|issued|released|held|"
    r"announced|approved|ratified|agreed upon)\b(?:[^,;:.()]|\.(?!\s+(?-i:[A-Z]))){0,80}$",
    re.I,
)


def _rejected(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    if _REPORTED_WHEN.search(before):
        return True  # "said on Friday", "met on Tuesday": when it was said, not when it is due
    introduced = re.match(r"(?:by|before|until|no later than)\b", text[start:end], re.I)
    if _NOT_DEADLINE_BEFORE.search(before) and not introduced:
        return True
    if not introduced and _EVENT_EARLIER_IN_CLAUSE.search(text[max(0, start - 120) : start]):
        return True
    if _DURATION_BEFORE.search(before) and re.match(r"\d+\s+(?:days|weeks|months|years)", text[start:end]):
        return True
    if re.match(r"(?:until|till|through)\b", text[start:end], re.I) and _LASTING.search(
        text[max(0, start - 120) : start]
    ):
        return True  # "extend its visa-free policy until the end of 2028": how long a measure lasts
    return bool(_PERCENT_AFTER.match(text[end : end + 15]))


# Verbs of a measure that lasts: a date after "until" is its end, not a deadline.
_LASTING = re.compile(
    r"\b(?:extend(?:s|ed|ing)?|prolong(?:s|ed|ing)?|remain(?:s|ed)?|stay(?:s|ed)?|suspend(?:s|ed)?|"
    r"paus(?:e|es|ed)|freez(?:e|es)|froze|valid|in\s+force|in\s+effect)\b(?![^.;]*\b(?:by|before)\b)",
    re.I,
)


def _is_past(day: datetime.date, granularity: str, doc_date: datetime.date) -> bool:
    # A deadline lies after the document's date; a period ending before it is history.
    return day < doc_date


# --- Chinese -----------------------------------------------------------------------------------
#
# One named rule per kind of phrase: (name, pattern, resolver). The earlier rule wins where two
# phrases overlap ("2025年底前" is a year end, not the year 2025); every resolver returns (date,
# granularity, exact, label) against the document's date, or None.

_ZH_NUMBER = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ZH_BEFORE = r"(?:前|之前|以前)"
_ZH_N = r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,2}|半)"
_ZH_REL = r"(?P<rel>今年|明年|本年度?)"
_ZH_PLANS = {"十四五": (2021, 2025), "十五五": (2026, 2030), "十六五": (2031, 2035)}
_ZH_MONTHS_IN = {"月": 1, "年": 12}
_ZH_DAYS_IN = {"周": 7, "星期": 7, "天": 1, "日": 1}


def _zh_count(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _ZH_NUMBER.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _ZH_NUMBER.get(text[0], 1) * 10
    return _ZH_NUMBER.get(text, 1)


def _zh_year(m: re.Match[str], ref: datetime.date | None) -> int | None:
    """The year a phrase names: written out ("2027年"), 明年 (the document's next), else the document's."""
    named = m.groupdict().get("y")
    if named:
        return int(named)
    if ref is None:
        return None
    return ref.year + (1 if m.groupdict().get("rel") == "明年" else 0)


def _zh_day(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "2031年6月30日(前)", "今年7月1日", "4月10日": the day, exact (of the document's year if none)."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    try:
        day = datetime.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return day, DAY, True, day.isoformat()


def _zh_month(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "2026年3月底前", "9月底前": the end of that month (a month of the document's year, or of the
    next when it has passed)."""
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    year = int(m.group("y")) if m.group("y") else _year_for(month, ref)
    if year is None:
        return None
    return last_day(year, month), MONTH_G, False, f"{MONTH_NAMES[month]} {year}"


def _zh_this_month(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "本月底前" (this month), "下个月" (next month): the end of the month."""
    if ref is None:
        return None
    ahead = 1 if m.group(0).startswith("下") else 0
    first = _add_months(ref.replace(day=1), ahead)
    day = last_day(first.year, first.month)
    return day, MONTH_G, False, f"{day.isoformat()} ({m.group(0)})"


def _zh_year_end(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "2030年底前", "今年年底", "年底前": the last day of the year."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    return datetime.date(year, 12, 31), YEAR_G, False, f"{year}-12-31 ({m.group(0)})"


def _zh_half(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "明年上半年", "2027年上半年前", "下半年": the end of that half."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    day = last_day(year, 6 if m.group("half") == "上半年" else 12)
    return day, HALF, False, f"{day.isoformat()} ({m.group(0)})"


def _zh_quarter(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "今年第三季度前", "2027年一季度": the end of the quarter."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    day = _quarter_end(year, _zh_count(m.group("q")))
    return day, QUARTER, False, f"{day.isoformat()} ({m.group(0)})"


def _zh_part_of_year(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "明年年初" / "明年早些时候" (early), "今年年中" (mid), "今年晚些时候" (late): a part of a year, as
    "early 2027" is written in English."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    part = m.group("part")
    early, late = "初" in part or "早" in part, "晚" in part
    day = last_day(year, 3 if early else 12 if late else 7)
    word = "early " if early else "late " if late else "mid-"
    return day, VAGUE, False, f"{word}{year} ('{m.group(0)}')"


def _zh_by_year(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "2030年前", "到2035年", "2027年": the year."""
    year = int(m.group("y"))
    return datetime.date(year, 12, 31), YEAR_G, False, str(year)


def _zh_relative_year(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "明年", "今年内", "年内": the document's year or the next, with the phrase."""
    year = _zh_year(m, ref)
    if year is None:
        return None
    return datetime.date(year, 12, 31), YEAR_G, False, f"{year} ({m.group(0)})"


def _zh_within(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "未来3年", "六个月内", "两周内", "30天内": a period counted from the document's date."""
    if ref is None:
        return None
    n = 0 if m.group("n") == "半" else _zh_count(m.group("n"))
    unit = m.group("unit")
    if unit in _ZH_MONTHS_IN:
        months = _ZH_MONTHS_IN[unit] * n if n else 6
        day = _add_months(ref, months)
    else:
        day = ref + datetime.timedelta(days=_ZH_DAYS_IN[unit] * n)
    return day, MONTH_G, False, f"{day.isoformat()} ({m.group(0)})"


def _zh_plan(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "“十五五”期间": the years of a five-year plan."""
    first, last = _ZH_PLANS[m.group("plan")]
    return datetime.date(last, 12, 31), VAGUE, False, f"{first}-{last} ('{m.group(0)}')"


def _zh_mid_century(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "到本世纪中叶": 2050, as Chinese plans date it."""
    return datetime.date(2050, 12, 31), VAGUE, False, f"2050 ('{m.group(0)}')"


def _zh_soon(m: re.Match[str], ref: datetime.date | None) -> Resolved:
    """ "尽早", "尽快": no date, written as the labelled data writes it."""
    return None, VAGUE, False, f"as soon as possible (unspecified: '{m.group(0)}')"


_ZH_RULES: list[tuple[str, re.Pattern[str], Resolver]] = [
    ("exact day", re.compile(rf"(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日{_ZH_BEFORE}?"), _zh_day),
    ("day of this year", re.compile(rf"{_ZH_REL}?(?<!\d)(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日"), _zh_day),
    ("end of a month", re.compile(rf"(?:(?P<y>\d{{4}})年)?(?<!\d)(?P<m>\d{{1,2}})月(?:底|末)?{_ZH_BEFORE}"), _zh_month),
    ("end of a month", re.compile(r"(?:(?P<y>\d{4})年)?(?<!\d)(?P<m>\d{1,2})月(?:底|末)"), _zh_month),
    ("this or next month", re.compile(r"本月(?:底|末|内)前?|下个?月"), _zh_this_month),
    (
        "end of a year",
        re.compile(rf"(?:(?P<y>\d{{4}})年(?:底|末)|{_ZH_REL}(?:年底|年末|底|末)|年底|年末){_ZH_BEFORE}?"),
        _zh_year_end,
    ),
    ("half of a year", re.compile(rf"(?:(?P<y>\d{{4}})年|{_ZH_REL})?(?P<half>上半年|下半年){_ZH_BEFORE}?"), _zh_half),
    (
        "quarter",
        re.compile(rf"(?:(?P<y>\d{{4}})年|{_ZH_REL})?第?(?P<q>[一二三四1-4])季度(?:末|内|{_ZH_BEFORE})?"),
        _zh_quarter,
    ),
    (
        "part of a year",
        re.compile(rf"(?:(?P<y>\d{{4}})年|{_ZH_REL})(?P<part>年初|初|年中|早些时候|晚些时候)"),
        _zh_part_of_year,
    ),
    ("within a year written out", re.compile(r"(?P<y>\d{4})年内"), _zh_by_year),
    ("by a year", re.compile(rf"(?:到|至|在)?(?P<y>\d{{4}})年{_ZH_BEFORE}"), _zh_by_year),
    ("to a year", re.compile(r"(?:到|至)(?P<y>\d{4})年(?![\d月])"), _zh_by_year),
    ("within a period", re.compile(rf"(?:未来|今后){_ZH_N}(?P<unit>年)内?"), _zh_within),
    ("within a period", re.compile(rf"(?<![\d年]){_ZH_N}(?:个)?(?P<unit>年|月|周|星期|天|日)(?:之)?内"), _zh_within),
    ("this or next year", re.compile(rf"{_ZH_REL}内?|年内"), _zh_relative_year),
    ("plan period", re.compile(r"[“\"]?(?P<plan>十四五|十五五|十六五)[”\"]?(?:时期|期间)"), _zh_plan),
    ("mid-century", re.compile(r"(?:到)?本世纪中叶"), _zh_mid_century),
    ("as soon as possible", re.compile(r"尽早|尽快"), _zh_soon),
    # a year alone, in a clause about what is to be done ("2026年举办…"); not a range, an era or a start
    ("a year named", re.compile(r"(?<![\d—–\-~至到])(?P<y>\d{4})年(?![\d月底末内代度以起开—–\-~至到])"), _zh_by_year),
]


_ZH_TITLE = re.compile(r"《[^》]{0,60}》")


def find_chinese_deadlines(text: str, doc_date: datetime.date | None) -> list[Deadline]:
    """Deadline phrases in Chinese text ("2030年前", "年底前", "明年", "三个月内", "“十五五”期间"), with
    labels written as in the English data: "2030", "2026-12-31 (年底前)", "2027 (明年)"."""
    if not re.search(r"年|月|内|季度|十[四五六]五|世纪|尽早|尽快", text):
        return []
    # a phrase inside a title (《中日韩合作未来十年展望》) names the document, not a deadline
    taken: list[tuple[int, int]] = [m.span() for m in _ZH_TITLE.finditer(text)]
    found: list[Deadline] = []
    for _name, regex, resolve in _ZH_RULES:
        for m in regex.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            resolved = resolve(m, doc_date)
            taken.append((m.start(), m.end()))
            if resolved is None:
                continue
            day, granularity, exact, label = resolved
            if day is not None and doc_date is not None and _is_past(day, granularity, doc_date):
                continue
            found.append(Deadline(m.start(), m.end(), m.group(0), day, granularity, exact, label))
    found.sort(key=lambda d: d.start)
    return found
