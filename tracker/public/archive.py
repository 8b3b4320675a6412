"""Archived copies on the public site: the copy itself, and what a page shows beside each source.

`/archive/<capture>/` serves the bytes as they were captured, as-is, so a reader sees the cited
page as it looked, under headers that make that safe (`tracker.ingest.archive.response_for`, which
the editors' workspace uses too):

- `Content-Security-Policy: sandbox` with no `allow-scripts` and `default-src 'none'`: the copy
  runs no script, submits no form, has an opaque origin (no cookies, no storage of this site) and
  loads nothing from anywhere, so no tracker of the cited site learns who reads it (inline style
  only, so that the page stays readable);
- `X-Content-Type-Options: nosniff` and the content type recorded at capture, with the charset the
  page was decoded with (a GB18030 page shows as such), so the browser never guesses;
- `Content-Disposition: inline` with a file name, `Referrer-Policy: no-referrer`,
  `X-Robots-Tag: noindex` (a copy is evidence, not a mirror for search engines), and the SHA-256
  as the ETag.

Only copies cited by a published commitment are served (a draft's sources stay unseen), and with
`?as_of=` only copies captured by that date. The same rule decides what `archive_for` gives the
templates: the copy of a source or a piece of evidence, its capture and what the re-check of the
live page found, all as of the page's date, for all the page's sources in one query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from tracker.ingest import archive
from tracker.ingest.archive import ArchivedCopy, Key
from tracker.ingest.models import Article
from tracker.public.asof import view_date


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


@require_safe
def archived_copy(request, capture):
    vd = view_date(request)
    if vd.error:
        return HttpResponse(vd.error + "\n", status=400, content_type="text/plain; charset=utf-8")
    copy = get_object_or_404(ArchivedCopy.objects.captured().select_related("article"), pk=capture)
    if copy.captured_at >= _end_of(vd.day):
        raise Http404("Not archived yet on that date.")
    cited = archive.citing_commitments([copy])[copy.pk]
    if not any(c.is_published and c.made_on <= vd.day for c in cited):
        raise Http404("No published commitment cites this document.")
    response = archive.response_for(copy)
    response["Cache-Control"] = "public, max-age=3600"
    return response


# --- What a page shows beside each source -------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A copy as a page dated `day` shows it: the capture, and the live page's state by then."""

    copy: ArchivedCopy
    live: str  # "", "changed" or "gone"
    historical: bool
    day: datetime.date

    @property
    def is_text_import(self) -> bool:
        return self.copy.is_text_import


def _parts(item) -> tuple[str, int | None, Article | None]:
    """(url, article id, article if loaded) of a CommitmentSource, an Evidence or a Commitment."""
    if hasattr(item, "source_url"):  # a Commitment: its own first source
        url, article_id, field = item.source_url, item.source_article_id, "source_article"
    else:
        url, article_id, field = item.url, item.article_id, "article"
    descriptor = type(item)._meta.get_field(field)
    article = getattr(item, field) if article_id and descriptor.is_cached(item) else None
    return url or "", article_id, article


def keys_of(items) -> dict[int, Key | None]:
    """{id(item): key} for the items, loading the addresses of uncached articles in one query."""
    parts = {id(item): _parts(item) for item in items}
    missing = {
        article_id
        for url, article_id, article in parts.values()
        if article_id and article is None and not archive.key_for(url)
    }
    urls = dict(Article.objects.filter(pk__in=missing).values_list("pk", "url")) if missing else {}
    keys = {}
    for ident, (url, article_id, article) in parts.items():
        key = archive.key_for(url, article)
        if key is None and article_id:
            key = archive.key_for(urls.get(article_id, ""), article_id=article_id)
        keys[ident] = key
    return keys


class Index:
    """The copies of the items a page shows, as of the page's date."""

    def __init__(self, items, day: datetime.date, historical: bool):
        self.keys = keys_of(items)
        self.copies = archive.copies_for(self.keys.values())
        self.day, self.historical, self.end = day, historical, _end_of(day)

    def knows(self, item) -> bool:
        return id(item) in self.keys

    def shown(self, item) -> Shown | None:
        copy = self.copies.get(self.keys.get(id(item)))
        if copy is None or copy.state != ArchivedCopy.State.ARCHIVED or copy.captured_at >= self.end:
            return None
        live = ""
        if copy.live_state in (ArchivedCopy.Live.CHANGED, ArchivedCopy.Live.GONE) and copy.live_since < self.end:
            live = copy.live_state
        return Shown(copy=copy, live=live, historical=self.historical, day=self.day)


def page_items(context) -> list:
    """What a page that includes `public/_source.html` cites: its `sources`, the evidence of its
    `history` (prefetched by the commitment page) and its `commitment`'s own source."""
    items = list(context.get("sources") or [])
    for assessment in context.get("history") or []:
        evidence = getattr(assessment, "evidence", None)
        if evidence is not None:
            items.extend(evidence.all())
    commitment = context.get("commitment")
    if commitment is not None and hasattr(commitment, "source_url"):
        items.append(commitment)
    return items


def archive_for(context, item) -> Shown | None:
    """The copy `item` shows on this page, built for every item of the page at the first call (one
    query, two when some article's address must be looked up) and kept on the template context for
    the rest of the rendering (each included template gets a render context of its own)."""
    index = getattr(context, "_archive_index", None)
    if index is not None and index.knows(item):
        return index.shown(item)
    vd = context.get("view_date")
    day = vd.day if vd is not None else timezone.localdate()
    items = page_items(context) if index is None else [item]
    if not any(i is item for i in items):
        items.append(item)
    built = Index(items, day, bool(vd and vd.historical))
    if index is None:
        context._archive_index = built
    return built.shown(item)
