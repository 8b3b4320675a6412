"""Heads of state and government by date: "President Biden" speaks for the United States.

A readout often names its own leader without the country ("President Biden met President Xi
Jinping of the People's Republic of China"); the text then introduces only the guest. This small
table answers who a leader's surname stands for on a document's date. Only distinctive surnames
are listed (not "Li", "Lee", "Kim" or "Wang", which name many people). Terms are inclusive ISO dates;
an open term has no end.
"""

from __future__ import annotations

import datetime

# (surname as written, country, first day in office, last day or None)
LEADERS: list[tuple[str, str, str, str | None]] = [
    ("Obama", "United States", "2009-01-20", "2017-01-20"),
    ("Trump", "United States", "2017-01-20", "2021-01-20"),
    ("Biden", "United States", "2021-01-20", "2025-01-20"),
    ("Trump", "United States", "2025-01-20", None),
    ("Harris", "United States", "2021-01-20", "2025-01-20"),
    ("Xi", "China", "2012-11-15", None),
    ("Modi", "India", "2014-05-26", None),
    ("Abe", "Japan", "2012-12-26", "2020-09-16"),
    ("Suga", "Japan", "2020-09-16", "2021-10-04"),
    ("Kishida", "Japan", "2021-10-04", "2024-10-01"),
    ("Ishiba", "Japan", "2024-10-01", "2025-10-21"),
    ("Takaichi", "Japan", "2025-10-21", None),
    ("Putin", "Russia", "2000-05-07", None),
    ("Macron", "France", "2017-05-14", None),
    ("Merkel", "Germany", "2005-11-22", "2021-12-08"),
    ("Scholz", "Germany", "2021-12-08", "2025-05-06"),
    ("Merz", "Germany", "2025-05-06", None),
    ("Johnson", "United Kingdom", "2019-07-24", "2022-09-06"),
    ("Sunak", "United Kingdom", "2022-10-25", "2024-07-05"),
    ("Starmer", "United Kingdom", "2024-07-05", None),
    ("Trudeau", "Canada", "2015-11-04", "2025-03-14"),
    ("Carney", "Canada", "2025-03-14", None),
    ("Morrison", "Australia", "2018-08-24", "2022-05-23"),
    ("Albanese", "Australia", "2022-05-23", None),
    ("Lula", "Brazil", "2023-01-01", None),
    ("Bolsonaro", "Brazil", "2019-01-01", "2022-12-31"),
    ("Yoon", "South Korea", "2022-05-10", "2025-04-04"),
    ("Moon", "South Korea", "2017-05-10", "2022-05-10"),
    ("Widodo", "Indonesia", "2014-10-20", "2024-10-20"),
    ("Jokowi", "Indonesia", "2014-10-20", "2024-10-20"),
    ("Prabowo", "Indonesia", "2024-10-20", None),
    ("Marcos", "Philippines", "2022-06-30", None),
    ("Zelenskyy", "Ukraine", "2019-05-20", None),
    ("Zelensky", "Ukraine", "2019-05-20", None),
    ("Erdogan", "Turkey", "2014-08-28", None),
    ("Erdoğan", "Turkey", "2014-08-28", None),
    ("Ramaphosa", "South Africa", "2018-02-15", None),
    ("Petro", "Colombia", "2022-08-07", None),
    ("Sheinbaum", "Mexico", "2024-10-01", None),
    ("Meloni", "Italy", "2022-10-22", None),
    ("Milei", "Argentina", "2023-12-10", None),
    ("Kenyatta", "Kenya", "2013-04-09", "2022-09-13"),
    ("Ruto", "Kenya", "2022-09-13", None),
]


def leaders_on(day: datetime.date | None) -> dict[str, str]:
    """Surname -> country of the leaders in office on a date (none when the date is unknown)."""
    if day is None:
        return {}
    found: dict[str, str] = {}
    for surname, country, first, last in LEADERS:
        if datetime.date.fromisoformat(first) <= day and (last is None or day <= datetime.date.fromisoformat(last)):
            found[surname] = country
    return found
