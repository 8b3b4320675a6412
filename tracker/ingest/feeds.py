"""RSS and Atom feeds: the verbs that add or change one, and the parser for what a poll fetched.

`add_feed` and `update_feed` are how a feed enters or changes (the editor's feed form only routes
to them): each validates the row, saves it, and once that is committed sends its first poll, rather
than waiting for beat's next `poll_feeds`.

Feeds are parsed from bytes that `fetch.fetch_url` already fetched. Two traps are avoided here:

- feedparser given a URL fetches it itself, outside the fetch guard; given bytes it tries them
  as a local file name first. So it is only ever handed a file object over our bytes.
- XML entity declarations expand ("billion laughs": a few hundred bytes become gigabytes) and
  external entities read local files or URLs (XXE). A feed has no need for either, so a document
  that declares any entity is refused outright, by defusedxml, before feedparser sees it.

Malformed feeds are parsed tolerantly (feedparser's loose parser recovers most broken feeds in
the wild); a document that yields nothing recognisable as a feed raises FeedError.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.commitments.models import Meeting, Party
from tracker.ingest import outbox
from tracker.ingest.models import DocumentKind, Feed

# What an editor may change on a feed; the rest (etag, last poll, errors) is the poller's.
EDITABLE = ("url", "title", "kind", "meeting", "issuing_party", "is_active")

# Used only when expat cannot read the document (malformed, or in an encoding expat does not
# know such as GB2312): NUL bytes are dropped first so UTF-16 and UTF-32 documents match too.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def add_feed(
    *,
    url: str,
    kind: str = DocumentKind.NEWS,
    title: str = "",
    meeting: Meeting | None = None,
    issuing_party: Party | None = None,
    is_active: bool = True,
    author=None,
) -> Feed:
    """A new feed to poll, polled once it is committed. ValidationError, nothing written, if a
    field is wrong (an address that is not http(s), one already polled, an unknown kind)."""
    feed = Feed(
        url=url,
        title=title,
        kind=kind,
        meeting=meeting,
        issuing_party=issuing_party,
        is_active=is_active,
        created_by=author,
    )
    return _save_and_poll(feed, author=author)


def update_feed(*, feed: Feed, author=None, **changes) -> Feed:
    """Change what an editor may change on a feed (`EDITABLE`), then poll it once committed."""
    if unknown := set(changes) - set(EDITABLE):
        raise TypeError(f"update_feed() cannot change {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(feed, name, value)
    return _save_and_poll(feed, author=author)


def _save_and_poll(feed: Feed, *, author) -> Feed:
    if not feed.url.lower().startswith(("http://", "https://")):
        raise ValidationError({"url": "Only http and https addresses can be polled."})
    feed.full_clean()
    with transaction.atomic():
        if author is not None:
            feed._history_user = author  # type: ignore[attr-defined]  # django-simple-history's hook
        feed.save()
        transaction.on_commit(lambda: outbox.send("poll_feed", feed.pk))
    return feed


@dataclass(frozen=True)
class FeedEntry:
    url: str  # absolute http(s) URL of the article
    title: str | None
    published: datetime | None  # timezone-aware (UTC)
    summary: str | None  # as the feed gives it, HTML sanitised by feedparser
    guid: str | None


class FeedError(Exception):
    """The bytes are not a usable feed; `message` is written for editors."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_feed(body: bytes, *, base_url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, in feed order, with absolute http(s) links only.

    `base_url` is the address the feed was fetched from (FetchResult.final_url); relative entry
    links are resolved against it. Entries without a usable link are left out.
    """
    if not body.strip():
        raise FeedError("The feed is empty: the site sent no content.")
    _refuse_entity_declarations(body)

    # A file object, never a URL or raw bytes (see the module docstring).
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": base_url},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    if not parsed.version and not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo_exception") else ""
        raise FeedError(f"This is not an RSS or Atom feed, or it is too broken to read{reason}.")

    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries:
        entry = _entry(raw, base_url)
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            entries.append(entry)
    return entries


def _refuse_entity_declarations(body: bytes) -> None:
    message = (
        "The feed declares XML entities, which are refused: they can expand to gigabytes of text "
        "or read files from the server."
    )
    try:
        defusedxml.ElementTree.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise FeedError(message) from exc
    except (ParseError, ValueError, LookupError):
        # Not well-formed XML, or in an encoding expat cannot read (GB2312, Big5...): it still
        # goes to feedparser, which converts or parses it tolerantly, so check it textually.
        if _ENTITY_DECLARATION.search(body.replace(b"\x00", b"")):
            raise FeedError(message) from None


def _entry(raw, base_url: str) -> FeedEntry | None:
    link = raw.get("link") or _alternate_link(raw)
    if not link and raw.get("guidislink"):
        link = raw.get("id")
    if not link:
        return None
    url = urljoin(base_url, link.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return FeedEntry(
        url=url,
        title=_text(raw.get("title")),
        published=_datetime(raw.get("published_parsed") or raw.get("updated_parsed")),
        summary=_text(raw.get("summary")),
        guid=_text(raw.get("id")),
    )


def _alternate_link(raw) -> str | None:
    for link in raw.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _text(value) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _datetime(value) -> datetime | None:
    # feedparser normalises every date format it knows to a UTC struct_time.
    if value is None:
        return None
    try:
        return datetime(*value[:6]).replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None
