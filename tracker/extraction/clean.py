"""Main text and metadata of a document, as paragraphs in the article's language.

HTML goes through trafilatura in precision mode (navigation, link lists and comment forms are
what we most want gone), with readability-lxml as the fallback when trafilatura keeps too little.
Plain text and Markdown are their own body: markup such as ``**`` stays, because the labelled
spans keep it, and YAML front matter gives the title and date but never body text.

Every paragraph of ``CleanDocument.text`` is one line of normalised text (whitespace runs,
non-breaking spaces included, collapsed to one space), paragraphs are joined by a blank line, and
candidate offsets index into that text.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import frontmatter
import yaml

from tracker.extraction import language as lang
from tracker.extraction.dates import coerce_date, date_in_name, find_dates, parse_date_match
from tracker.extraction.sentences import PARAGRAPH_BREAK

# Below this many characters trafilatura has probably thrown the article away with the furniture.
MIN_MAIN_TEXT = 250


@dataclass
class CleanDocument:
    title: str | None
    date: datetime.date | None
    site: str | None
    language: str | None
    text: str
    paragraphs: list[str]
    dropped: list[tuple[str, str]] = field(default_factory=list)


def paragraph_fingerprint(paragraph: str) -> str:
    """Stable hash of a paragraph with case, punctuation, spacing and digits normalised away.

    The caller keeps per-site counts of fingerprints; a paragraph seen on many pages of one site
    ("Follow us on ...", "© 2024 ...") is boilerplate. Digits become 0 so a changing year or
    counter does not make a new paragraph.
    """
    text = unicodedata.normalize("NFKC", paragraph).casefold()
    text = re.sub(r"[0-9]", "0", text)
    text = " ".join(re.findall(r"\w+", text))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]  # noqa: S324 - a fingerprint, not security


# --- entry points ---------------------------------------------------------------------------


def clean_document(
    data: str,
    *,
    kind: str,
    url: str | None = None,
    filename: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
) -> CleanDocument:
    """Dispatch on kind ("html", "text", "markdown"); a text file that is really HTML is treated as HTML."""
    if kind not in {"html", "text", "markdown"}:
        raise ValueError(f"unknown document kind {kind!r}: expected html, text or markdown")
    data = _CONTROL.sub("", data)  # NUL and other control characters break lxml and mean nothing
    if kind == "html" or looks_like_html(data):
        return clean_html(data, url=url, filename=filename, boilerplate=boilerplate)
    return clean_text(data, filename=filename, url=url, boilerplate=boilerplate)


def kind_for_name(name: str | None) -> str:
    name = (name or "").lower()
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


_STRUCTURAL_TAG = re.compile(r"<(?:html|head|body|div|p|span|article|section|table|br|li|ul|h[1-6])\b[^>]*>", re.I)


def looks_like_html(data: str) -> bool:
    """True for a page of HTML markup, false for Markdown or text with a stray inline tag."""
    _meta, body = split_front_matter(data)
    head = body.lstrip()[:4000]
    if re.match(r"<!doctype html|<html\b", head, re.I):
        return True
    tags = _STRUCTURAL_TAG.findall(body[:20000])
    return len(tags) >= 5 and sum(len(t) for t in tags) > 0.02 * min(len(body), 20000)


def clean_html(
    html: str,
    *,
    url: str | None = None,
    filename: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
) -> CleanDocument:
    meta, html = split_front_matter(html)
    paragraphs, found = _main_text(html, url)
    title = _meta_title(meta) or found.get("title")
    date = (
        _meta_date(meta)
        or coerce_date(found.get("date"))
        or _html_meta_date(html)
        or date_in_name(url)
        or date_in_name(filename)
    )
    site = _meta_site(meta) or found.get("sitename") or found.get("hostname") or _host(url)
    return _finish(paragraphs, title=title, date=date, site=site, boilerplate=boilerplate)


def clean_text(
    text: str,
    *,
    filename: str | None = None,
    url: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
) -> CleanDocument:
    meta, body = split_front_matter(text)
    record = _json_record(body)
    if record is not None:
        meta, body = record
    paragraphs = text_paragraphs(body)
    title = _meta_title(meta) or _first_heading(paragraphs)
    date = _meta_date(meta) or date_in_name(filename) or date_in_name(url) or _date_near_top(body)
    if date is None:
        date = _dateline_date(body)
    site = _meta_site(meta) or _host(url)
    return _finish(paragraphs, title=title, date=date, site=site, boilerplate=boilerplate)


# --- front matter ---------------------------------------------------------------------------

# python-frontmatter's YAML handler finds, splits and (safely) loads the front matter. Only YAML:
# its JSON handler would take a news record stored as JSON (`_json_record`) for front matter. The
# block opens with "---" and closes with "---" or YAML's end-of-document "..." (as Pandoc's does).
_FRONT_MATTER = frontmatter.YAMLHandler(fm_boundary=re.compile(r"^(?:-{3,}|\.{3})[ \t]*\r?$", re.MULTILINE))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) for a text that may start with YAML front matter (after a byte-order mark
    at most). Front matter that is not a mapping, or not YAML, gives no metadata; its body is still
    the text after it. A text without front matter is its own body, unchanged."""
    start = text.removeprefix("\ufeff")
    if not (start.startswith("---") and _FRONT_MATTER.detect(start)):
        return {}, text
    try:
        head, body = _FRONT_MATTER.split(start)
    except ValueError:  # an opening "---" and no closing one: a Markdown rule, not front matter
        return {}, text
    try:
        meta = _FRONT_MATTER.load(head)
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), body.removeprefix("\n")


def _json_record(text: str) -> tuple[dict[str, Any], str] | None:
    """A news record stored as JSON ({"title", "date", "content": ...}): its content is the body."""
    stripped = text.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    try:
        record = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    for key in ("content", "text", "body", "article"):
        if isinstance(record.get(key), str) and record[key].strip():
            meta = {k: v for k, v in record.items() if k != key}
            return meta, record[key]
    return None


def _first_value(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _meta_title(meta: dict[str, Any]) -> str | None:
    for key in ("title", "post_title", "headline", "original_title"):
        value = _first_value(meta.get(key))
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _meta_date(meta: dict[str, Any]) -> datetime.date | None:
    for key in ("date", "published_time", "post_date", "published", "pubdate", "modified_time"):
        value = coerce_date(_first_value(meta.get(key)))
        if value:
            return value
    return None


def _meta_site(meta: dict[str, Any]) -> str | None:
    for key in ("source_url", "url", "permalink", "canonical_url", "original_link", "link"):
        value = _first_value(meta.get(key))
        if isinstance(value, str) and value.strip().startswith("http"):
            return _host(value.strip())
    for key in ("site", "site_name", "publisher"):
        value = _first_value(meta.get(key))
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# --- HTML ------------------------------------------------------------------------------------


def _main_text(html: str, url: str | None) -> tuple[list[str], dict[str, Any]]:
    import trafilatura

    found: dict[str, Any] = {}
    paragraphs: list[str] = []
    try:
        # fast: skip trafilatura's own comparison with its fallback extractors (which doubles the
        # time on large pages); readability below is our fallback.
        result = trafilatura.bare_extraction(
            html,
            url=url,
            fast=True,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            # the document date from the page's own markup, without htmldate's slow search of the text
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        result = None
    if result is not None:
        result = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        found = {k: result.get(k) for k in ("title", "date", "sitename", "hostname")}
        paragraphs = [line for line in (result.get("text") or "").splitlines() if line.strip()]
    if sum(len(p) for p in paragraphs) < MIN_MAIN_TEXT and len(_TAGS.sub("", html).strip()) >= MIN_MAIN_TEXT:
        fallback, fallback_title = _readability_paragraphs(html)
        if sum(len(p) for p in fallback) > sum(len(p) for p in paragraphs):
            paragraphs = fallback
            if not found:
                # trafilatura found no article and so returned no metadata either: the cheap part
                # of it again (asking trafilatura would double the time of an already slow page)
                found = {"date": _html_meta_date(html)}
            if not found.get("title"):
                found["title"] = fallback_title
    return paragraphs, found


_META_DATE = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|datePublished|"
    r"pubdate|publishdate|publish-date|date|dc\.date|DC\.date\.issued|Last-Modified)[\"'][^>]*?content=[\"']([^\"']+)",
    re.I,
)


def _html_meta_date(html: str) -> datetime.date | None:
    for match in _META_DATE.finditer(html[:200_000]):
        value = coerce_date(match.group(1))
        if value:
            return value
    return None


_TAGS = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td")


def _readability_paragraphs(html: str) -> tuple[list[str], str | None]:
    """(paragraphs, title) of the main content by readability-lxml."""
    try:
        import lxml.html
        from readability import Document

        document = Document(html)
        summary = document.summary(html_partial=True)
        title = document.short_title() or None
        tree = lxml.html.fromstring(summary)
    except Exception:
        return [], None
    paragraphs = []
    for element in tree.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue
        text = element.text_content().strip()
        if text:
            paragraphs.append(text)
    if not paragraphs:
        text = tree.text_content().strip()
        paragraphs = [line for line in text.splitlines() if line.strip()]
    return paragraphs, title


# --- plain text and Markdown ----------------------------------------------------------------

_ITEM_START = re.compile(r"^\s{0,8}(?:[-*+•]|\d{1,2}[.)]|\([a-zA-Z0-9]{1,3}\))\s+\S")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_HTML_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$")
WRAP_WIDTH = 100


def text_paragraphs(body: str) -> list[str]:
    """Paragraphs of a plain-text or Markdown body, before normalisation.

    Blocks are separated by blank lines. Inside a block whose lines are hard-wrapped (all but the
    last at most WRAP_WIDTH characters, as Markdown conversions wrap at about 72), lines are joined
    and list items and headings start new paragraphs; otherwise every line is a paragraph (the
    news pages saved as text often put one paragraph on each long line).
    """
    paragraphs: list[str] = []
    # Chinese text marks paragraphs with runs of spaces or ideographic spaces instead of blank lines
    body = re.sub(r"(?<=[\u3400-\u9fff。！？”：])[ \u00a0\u2002\u2003\u3000]{2,}(?=\S)", "\n\n", body)
    for block in re.split(r"\n[ \t\u00a0\u3000]*\n", body.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in block.split("\n") if line.strip() and not _HTML_COMMENT.match(line)]
        if not lines:
            continue
        if _is_wrapped(lines):
            current: list[str] = []
            for line in lines:
                if (_ITEM_START.match(line) or _HEADING.match(line)) and current:
                    paragraphs.append(" ".join(current))
                    current = []
                current.append(line.strip())
                if _HEADING.match(line):
                    paragraphs.append(" ".join(current))
                    current = []
            if current:
                paragraphs.append(" ".join(current))
        else:
            current = []
            for line in lines:
                previous = current[-1] if current else ""
                continues = current and (
                    # the indented continuation of a list item, or a sentence broken mid-way
                    (line[:2].isspace() and _ITEM_START.match(current[0]) and not _ITEM_START.match(line))
                    or (line.lstrip()[:1].islower() and not re.search(r"[.!?:;\"”’)]\s*$", previous))
                )
                if continues:
                    current.append(line.strip())
                else:
                    if current:
                        paragraphs.append(" ".join(current))
                    current = [line.strip()]
            if current:
                paragraphs.append(" ".join(current))
    return paragraphs


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: short lines of similar length, or lines that mostly stop mid-sentence."""
    if len(lines) < 2:
        return False
    body = [len(line.rstrip()) for line in lines[:-1]]
    mean = sum(body) / len(body)
    if max(body) <= WRAP_WIDTH and mean >= 45:
        return True
    ending = sum(bool(re.search(r"[.!?:;\"”’)\]]\s*$", line)) for line in lines[:-1]) / len(body)
    return ending < 0.3 and max(body) <= 160 and mean >= 40


def _first_heading(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:5]:
        if _HEADING.match(paragraph):
            return re.sub(r"^\s*#+\s*", "", paragraph).strip() or None
    if paragraphs:
        first = " ".join(paragraphs[0].split())
        # A one-line page dump starts "Headline - Site Name ..."
        match = re.match(r"(.{15,200}?) [-|–] [A-Z]", first)
        if match and len(first) > 300:
            return match.group(1).strip()
        if len(first) <= 200 and not first.endswith((".", "!", "?", ":", "。", "！", "？", "：", "”", '"')):
            return first
    return None


def _date_near_top(body: str) -> datetime.date | None:
    head = body[:800]
    for _match, value, year_given in find_dates(head):
        if year_given:
            return value
    return None


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40},\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b", re.M)


def _dateline_date(body: str) -> datetime.date | None:
    """'WASHINGTON, Oct. 6 --' gives month and day; the year is the latest one the text names."""
    match = _DATELINE.search(body[:2000])
    if not match:
        return None
    years = [int(y) for y in re.findall(r"\b((?:19|20)[0-9]{2})\b", body)]
    if not years:
        return None
    found = find_dates(match.group("date"), datetime.date(max(years), 1, 1))
    if found:
        return parse_date_match(found[0][0], datetime.date(max(years), 1, 1))[0]
    return None


# --- shared finishing -----------------------------------------------------------------------

_IMAGE_ONLY = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")


def _same_words(a: str, b: str) -> bool:
    words = re.compile(r"\w+")
    return words.findall(re.sub(r"^#+\s*", "", a).casefold()) == words.findall(b.casefold())


def normalise_paragraph(paragraph: str) -> str:
    return " ".join(paragraph.split())


def _finish(
    raw_paragraphs: list[str],
    *,
    title: str | None,
    date: datetime.date | None,
    site: str | None,
    boilerplate: frozenset[str],
) -> CleanDocument:
    dropped: list[tuple[str, str]] = []
    paragraphs: list[str] = []
    for raw in raw_paragraphs:
        paragraph = normalise_paragraph(raw)
        if not paragraph:
            continue
        if _IMAGE_ONLY.match(paragraph) or not any(ch.isalnum() for ch in paragraph):
            dropped.append((paragraph, "markup"))
            continue
        paragraphs.append(paragraph)
    if paragraphs and title and _same_words(paragraphs[0], title):
        # the headline repeated as the first line is metadata, not body (and would make two
        # copies of one story under different headlines look like different texts)
        dropped.append((paragraphs.pop(0), "title"))
    paragraphs, language_dropped, language = lang.filter_paragraphs(paragraphs)
    dropped.extend(language_dropped)
    if boilerplate:
        kept = []
        for paragraph in paragraphs:
            if paragraph_fingerprint(paragraph) in boilerplate:
                dropped.append((paragraph, "boilerplate"))
            else:
                kept.append(paragraph)
        paragraphs = kept
    return CleanDocument(
        title=title,
        date=date,
        site=site,
        language=language,
        text=PARAGRAPH_BREAK.join(paragraphs),
        paragraphs=paragraphs,
        dropped=dropped,
    )
