"""“Cite this”: a permanent link that includes the date, a formatted citation and BibTeX.

The link always carries `as_of`, even on today's view, so what is cited stays what was read:
a later assessment never changes the page the link opens.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from tracker.public import links
from tracker.public.asof import long_date


@dataclass(frozen=True)
class Citation:
    permalink: str
    text: str
    bibtex: str


def permalink(path: str, day: datetime.date, params: dict | None = None, *, request=None) -> str:
    query = {k: v for k, v in (params or {}).items() if k not in {"as_of", "after", "before"} and v not in ("", None)}
    query["as_of"] = day.isoformat()
    return links.absolute(f"{path}?{urlencode(query, doseq=True)}", request)


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")


def bibtex_escape(text: str) -> str:
    def replace(match):
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(replace, " ".join(str(text).split()))


def bibtex_key(*parts: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", "".join(parts)) or "tracker"


def cite(
    *,
    title: str,
    path: str,
    day: datetime.date,
    accessed: datetime.date,
    key: str,
    params=None,
    detail: str = "",
    request=None,
) -> Citation:
    """A citation of the page at `path` as it stood on `day`, read on `accessed` (at `request`'s address)."""
    link = permalink(path, day, params, request=request)
    site = settings.SITE_NAME
    sentence = f"{site}. “{title}.” Status as of {long_date(day)}"
    if detail:
        sentence += f": {detail}"
    text = f"{sentence}. {link} (accessed {long_date(accessed)})."
    fields = [
        ("author", "{" + bibtex_escape(site) + "}"),
        ("title", "{" + bibtex_escape(title) + "}"),
        ("howpublished", r"{\url{" + link + "}}"),
        ("year", str(day.year)),
        (
            "note",
            "{Status as of "
            + day.isoformat()
            + (": " + bibtex_escape(detail) if detail else "")
            + "; accessed "
            + accessed.isoformat()
            + "}",
        ),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" if name == "year" else f"  {name} = {value}" for name, value in fields)
    bibtex = f"@misc{{{bibtex_key(key, day.isoformat())},\n{body}\n}}"
    return Citation(link, text, bibtex)
