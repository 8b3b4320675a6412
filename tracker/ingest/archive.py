"""Archived copies of cited documents, and the periodic re-check of the live pages.

Official pages get edited or removed after they are cited, so every address a commitment or an
assessment cites (`CommitmentSource.url`, `Evidence.url`, the commitment's own source) gets an
archived copy: the bytes the guarded client (`ingest.fetch.fetch_url`, with its refusals, size
caps and timeouts) received, kept in the storage named "archive" (`settings.STORAGES`; a
directory under MEDIA_ROOT by default, never in git), with the capture time, SHA-256, content
type, final address and HTTP status. A document imported as pasted text or an uploaded file has
no address to fetch: its stored text is the archive (`ArchivedCopy.article`).

What each step does, and who calls it:

- `cite` (from the `post_save` receivers below, after the transaction commits): a pending row
  for a newly cited address, and its capture task. The receivers only enqueue: the record's
  verbs in `commitments.actions` cannot know about this app (the app graph), and whatever door a
  source comes through (editor, review, CSV, admin) gets its copy.
- `capture(copy_id)` (task `archive_tasks.capture_archive`; `manage.py archive_citations`):
  claims a pending row, fetches outside any transaction, then records the copy or the reason it
  failed. What may work later (timeouts, 5xx) stays pending for the sweep to try again, up to
  `ARCHIVE_MAX_ATTEMPTS`; a refusal (a private address, a page over the size cap, the wrong kind
  of document, a 404) fails at once, with the fetcher's message for the editors.
- `recheck(copy_id)` (beat's `recheck_archives`, batched and spaced per host): fetches the live
  page again and compares its main text (extracted as the pipeline does: trafilatura, then
  whitespace and case normalised, `match.content_hash`) with the text of the copy, so a changed
  advertisement or a re-indented template is no change. 404, 410 or a host name that no longer
  resolves counts as a miss; `ARCHIVE_GONE_AFTER` misses in a row, an hour apart at least, make
  the page gone. Other failures (a timeout, a 5xx) change nothing and are noted.

Readers see the copy beside each source (`public/archive.py`), with what the re-check found;
editors see the changed and gone pages listed in their workspace (`editor/views/archive.py`).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.utils import timezone

from tracker.commitments import cache
from tracker.commitments.models import Commitment, CommitmentSource, Evidence
from tracker.ingest import fetch
from tracker.ingest.models import Article

logger = logging.getLogger(__name__)

# Capture what the pipeline reads: web pages and plain text (fetch.TYPES_BY_KIND).
KINDS = frozenset({"html", "text"})
# Origins whose stored text is the document itself (nothing to fetch).
TEXT_ORIGINS = frozenset({Article.Origin.PASTE, Article.Origin.UPLOAD, Article.Origin.FILE})


class ArchivedCopyQuerySet(models.QuerySet):
    def captured(self):
        return self.filter(state=ArchivedCopy.State.ARCHIVED)

    def captured_by(self, day: datetime.date):
        """Copies a page dated `day` may show: captured by the end of that day."""
        end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
        return self.captured().filter(captured_at__lt=end)

    def capture_due(self, now: datetime.datetime):
        """Pending copies whose claim (if any) ran out: the sweep sends them again."""
        return self.filter(state=ArchivedCopy.State.PENDING).filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        )

    def recheck_due(self, now: datetime.datetime):
        """Live pages to look at again: never checked, last checked `ARCHIVE_RECHECK_DAYS` ago, or
        missing at the last check and not yet declared gone (checked again after an hour)."""
        every = datetime.timedelta(days=settings.ARCHIVE_RECHECK_DAYS)
        retry = datetime.timedelta(seconds=settings.ARCHIVE_MISS_RETRY_SECONDS)
        return (
            self.captured()
            .exclude(url="")
            .filter(
                Q(live_checked_at__isnull=True)
                | Q(live_checked_at__lt=now - every)
                | (Q(live_misses__gt=0) & ~Q(live_state=ArchivedCopy.Live.GONE) & Q(live_checked_at__lt=now - retry))
            )
        )

    def needing_attention(self):
        """What the editors' list shows: live pages changed or gone since they were cited."""
        return self.filter(live_state__in=[ArchivedCopy.Live.CHANGED, ArchivedCopy.Live.GONE])


class ArchivedCopy(models.Model):
    """The archived copy of one cited address (or of one imported text), and what the latest
    re-check of the live page found."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be captured"
        ARCHIVED = "archived", "Archived"
        FAILED = "failed", "Could not be archived"

    class Live(models.TextChoices):
        UNKNOWN = "", "Not checked yet"
        UNCHANGED = "unchanged", "Unchanged"
        CHANGED = "changed", "Changed since it was cited"
        GONE = "gone", "Gone"

    url = models.URLField(max_length=2000, blank=True, help_text="The address as cited.")
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="archived_copies",
        help_text="For a pasted or uploaded document: its stored text is the archive.",
    )
    host = models.CharField(max_length=255, blank=True, help_text="The address's host: re-checks are spaced per host.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    reason = models.TextField(blank=True, help_text="Why the capture failed, or why it will be tried again.")
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The capture.
    captured_at = models.DateTimeField(null=True, blank=True)
    final_url = models.CharField(max_length=2000, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True, help_text="Media type as sent, e.g. text/html.")
    encoding = models.CharField(max_length=40, blank=True, help_text="The charset the page was decoded with.")
    size = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the bytes as archived.")
    stored_name = models.CharField(max_length=200, blank=True, help_text="Name in the archive storage.")
    text_hash = models.CharField(max_length=64, blank=True, help_text="Hash of the normalised main text.")
    # The latest re-check of the live page.
    live_state = models.CharField(max_length=10, choices=Live.choices, default=Live.UNKNOWN, blank=True)
    live_since = models.DateTimeField(null=True, blank=True, help_text="When the live page was first seen so.")
    live_checked_at = models.DateTimeField(null=True, blank=True)
    live_misses = models.PositiveSmallIntegerField(default=0, help_text="404, 410 or no such host, in a row.")
    live_note = models.TextField(blank=True, help_text="What the latest re-check found, in the editors' words.")

    objects = ArchivedCopyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "archived copies"
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="archived_copy_url_once"),
            models.UniqueConstraint(fields=["article"], condition=Q(url=""), name="archived_copy_article_once"),
            models.CheckConstraint(condition=~Q(url="") | Q(article__isnull=False), name="archived_copy_has_source"),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "archived", "failed"]), name="archived_copy_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(live_state__in=["", "unchanged", "changed", "gone"]), name="archived_copy_live_valid"
            ),
            models.CheckConstraint(
                condition=~Q(state="archived") | (Q(captured_at__isnull=False) & ~Q(sha256="")),
                name="archived_copy_archived_has_capture",
            ),
            models.CheckConstraint(
                condition=~Q(state="failed") | ~Q(reason=""), name="archived_copy_failure_has_reason"
            ),
        ]
        indexes = [
            # capture_due: the sweep's pending rows.
            models.Index(fields=["claimed_until"], condition=Q(state="pending"), name="archived_copy_pending_idx"),
            # recheck_due: captured addresses by the time of their last check.
            models.Index(
                fields=["live_checked_at"], condition=Q(state="archived") & ~Q(url=""), name="archived_copy_recheck_idx"
            ),
            # needing_attention: the editors' list.
            models.Index(
                fields=["live_since"],
                condition=Q(live_state__in=["changed", "gone"]),
                name="archived_copy_attention_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.url or f"Article {self.article_id}"

    @property
    def is_text_import(self) -> bool:
        return not self.url

    def read(self) -> bytes:
        """The archived bytes: the stored file, or the imported text as UTF-8."""
        if self.is_text_import:
            return (self.article.text if self.article else "").encode("utf-8")
        with archive_storage().open(self.stored_name, "rb") as handle:
            return handle.read()


def archive_storage():
    return storages["archive"]


# --- Which copy a citation has ------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """What identifies a citation's copy: its http(s) address, else its imported article."""

    url: str = ""
    article_id: int | None = None


def _web_address(url: str | None) -> str:
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def key_for(url: str | None, article: Article | None = None, article_id: int | None = None) -> Key | None:
    """The copy of a citation of `url` and/or `article`: the address cited, else the article's
    address, else (for a pasted or uploaded text) the article itself."""
    address = _web_address(url) or _web_address(article.url if article is not None else "")
    if address:
        return Key(url=address)
    article_id = article.pk if article is not None else article_id
    return Key(article_id=article_id) if article_id else None


def copies_for(keys) -> dict[Key, ArchivedCopy]:
    """{key: copy} for the given keys, in one query."""
    keys = {k for k in keys if k is not None}
    urls = [k.url for k in keys if k.url]
    articles = [k.article_id for k in keys if k.article_id]
    if not keys:
        return {}
    found = ArchivedCopy.objects.filter(Q(url__in=urls) | (Q(url="") & Q(article_id__in=articles)))
    return {Key(url=c.url) if c.url else Key(article_id=c.article_id): c for c in found}


def ensure_copy(key: Key) -> ArchivedCopy:
    """The copy row of `key`, created pending (or, for an imported text, archived at once)."""
    if key.url:
        copy, _ = ArchivedCopy.objects.get_or_create(
            url=key.url, defaults={"host": (urlsplit(key.url).hostname or "").lower()[:255]}
        )
        return copy
    if key.article_id is None:
        raise ValueError("An archive key names a URL or an article.")
    existing = ArchivedCopy.objects.filter(url="", article_id=key.article_id).first()
    if existing is not None:
        return existing
    article = Article.objects.get(pk=key.article_id)
    data = article.text.encode("utf-8")
    with transaction.atomic():
        copy, _ = ArchivedCopy.objects.get_or_create(
            url="",
            article=article,
            defaults={
                "state": ArchivedCopy.State.ARCHIVED,
                "captured_at": article.created_at,
                "content_type": "text/plain",
                "encoding": "utf-8",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "final_url": "",
            },
        )
    return copy


def cited_keys():
    """Every citation's key: the sources of commitments, their own source and cited evidence."""
    rows = set(CommitmentSource.objects.values_list("url", "article_id").distinct())
    rows |= set(
        Commitment.objects.exclude(source_url="", source_article=None).values_list("source_url", "source_article_id")
    )
    rows |= set(Evidence.objects.values_list("url", "article_id").distinct())
    article_urls = dict(
        Article.objects.filter(pk__in={a for _u, a in rows if a and not _web_address(_u)}).values_list("pk", "url")
    )
    keys = set()
    for url, article_id in rows:
        address = _web_address(url) or _web_address(article_urls.get(article_id, ""))
        keys.add(Key(url=address) if address else (Key(article_id=article_id) if article_id else None))
    keys.discard(None)
    return keys


def cite(key: Key | None) -> None:
    """A citation was saved: make sure it has a copy, and capture it after the commit."""
    if key is None or not settings.ARCHIVE_ON_CITE:
        return
    copy = ensure_copy(key)
    if copy.state == ArchivedCopy.State.PENDING:
        transaction.on_commit(lambda: enqueue_capture(copy.pk))


def enqueue_capture(copy_id: int, countdown: int = 0) -> None:
    from tracker.ingest import archive_tasks

    try:
        archive_tasks.capture_archive.apply_async((copy_id,), countdown=countdown)
    except Exception:
        logger.warning("Archive capture of copy %s not sent (broker unreachable); the sweep will send it", copy_id)


@receiver(post_save, sender=CommitmentSource, dispatch_uid="archive-commitment-source")
@receiver(post_save, sender=Evidence, dispatch_uid="archive-evidence")
def _citation_saved(sender, instance, created, raw=False, **kwargs):
    """A source or a piece of evidence was created (by whichever verb, form or command): archive
    what it cites. Only enqueues; the capture runs after the commit, in a worker."""
    if created and not raw:
        cite(_citation_key(instance))


def _citation_key(instance) -> Key | None:
    if _web_address(instance.url) or not instance.article_id:
        return key_for(instance.url)
    return key_for("", instance.article)  # the article given to the verb, or one query


# --- Capture ------------------------------------------------------------------------------------


class Outcome:
    ARCHIVED = "archived"
    FAILED = "failed"
    RETRY = "retry"
    SKIPPED = "skipped"


def _main_text_hash(text: str | None, content_type: str, url: str) -> str:
    """The pipeline's reading of a page (trafilatura for HTML), normalised and hashed."""
    from tracker.extraction.clean import clean_document
    from tracker.extraction.match import content_hash

    if not text:
        return content_hash("")
    kind = "html" if content_type in fetch.HTML_TYPES else "text"
    try:
        document = clean_document(text, kind=kind, url=url or None)
    except Exception:
        logger.exception("Main text of %s could not be extracted; its whole text is compared", url)
        return content_hash(text)
    return content_hash(document.text)


def capture(copy_id: int, *, now: datetime.datetime | None = None) -> str:
    """Fetch and store the copy of a pending address. Returns an `Outcome`."""
    now = now or timezone.now()
    lease = now + datetime.timedelta(seconds=settings.FETCH_TOTAL_TIMEOUT + 60)
    claimed = ArchivedCopy.objects.capture_due(now).filter(pk=copy_id).exclude(url="").update(claimed_until=lease)
    if claimed != 1:
        return Outcome.SKIPPED
    copy = ArchivedCopy.objects.get(pk=copy_id)
    try:
        result = fetch.fetch_url(copy.url, kinds=KINDS)
    except fetch.FetchRetryable as error:
        attempts = copy.attempts + 1
        if attempts >= settings.ARCHIVE_MAX_ATTEMPTS:
            _fail(copy, f"{error.message} (gave up after {attempts} attempts)", attempts=attempts)
            return Outcome.FAILED
        retry_at = now + datetime.timedelta(seconds=settings.ARCHIVE_RETRY_SECONDS * 2 ** (attempts - 1))
        ArchivedCopy.objects.filter(pk=copy.pk).update(
            attempts=attempts, claimed_until=retry_at, reason=f"Attempt {attempts} failed: {error.message}"
        )
        return Outcome.RETRY
    except fetch.FetchError as error:
        _fail(copy, error.message, attempts=copy.attempts + 1, status=error.status)
        return Outcome.FAILED
    except Exception as error:
        logger.exception("Archive capture of %s failed unexpectedly", copy.url)
        _fail(copy, f"The page could not be archived ({type(error).__name__}).", attempts=copy.attempts + 1)
        return Outcome.FAILED

    digest = hashlib.sha256(result.body).hexdigest()
    name = f"{digest[:2]}/{digest}"
    storage = archive_storage()
    if not storage.exists(name):
        saved = storage.save(name, ContentFile(result.body))
        if saved != name:  # two workers stored the same bytes at once: keep one name
            storage.delete(saved)
    text_hash = _main_text_hash(result.text, result.content_type, result.final_url)
    captured_at = timezone.now()
    updated = ArchivedCopy.objects.filter(pk=copy.pk, state=ArchivedCopy.State.PENDING).update(
        state=ArchivedCopy.State.ARCHIVED,
        reason="",
        attempts=copy.attempts + 1,
        claimed_until=None,
        captured_at=captured_at,
        final_url=result.final_url[:2000],
        http_status=result.status,
        content_type=result.content_type[:100],
        encoding=(result.encoding or "")[:40],
        size=len(result.body),
        sha256=digest,
        stored_name=name,
        text_hash=text_hash,
        live_state=ArchivedCopy.Live.UNCHANGED,
        live_since=captured_at,
        live_checked_at=captured_at,
        live_misses=0,
        live_note="",
    )
    if updated:
        _pages_changed(copy)
    return Outcome.ARCHIVED if updated else Outcome.SKIPPED


def _fail(copy: ArchivedCopy, reason: str, *, attempts: int, status: int | None = None) -> None:
    ArchivedCopy.objects.filter(pk=copy.pk, state=ArchivedCopy.State.PENDING).update(
        state=ArchivedCopy.State.FAILED,
        reason=reason or "The page could not be archived.",
        attempts=attempts,
        claimed_until=None,
        http_status=status,
    )


def retry_failed(copy_id: int) -> bool:
    """An editor asks for another try of a failed capture."""
    sent = ArchivedCopy.objects.filter(pk=copy_id, state=ArchivedCopy.State.FAILED).update(
        state=ArchivedCopy.State.PENDING, attempts=0, claimed_until=None, reason="Waiting for another try."
    )
    if sent:
        transaction.on_commit(lambda: enqueue_capture(copy_id))
    return bool(sent)


# --- The re-check of the live page --------------------------------------------------------------


def _is_miss(error: fetch.FetchError) -> bool:
    """404, 410, or a host name that does not resolve (now, or again after a retry)."""
    return error.status in (404, 410) or isinstance(error.__cause__, socket.gaierror)


def recheck(copy_id: int, *, now: datetime.datetime | None = None) -> str:
    """Fetch the live page of a captured address and record what it is now: unchanged, changed
    (its main text differs from the copy's) or, after `ARCHIVE_GONE_AFTER` misses, gone. Returns
    the live state, or "error" when the page could not be checked (the state is left as it was)."""
    now = now or timezone.now()
    copy = ArchivedCopy.objects.captured().exclude(url="").filter(pk=copy_id).first()
    if copy is None:
        return "skipped"
    try:
        result = fetch.fetch_url(copy.url, kinds=KINDS)
    except fetch.FetchError as error:
        if _is_miss(error):
            misses = copy.live_misses + 1
            if misses >= settings.ARCHIVE_GONE_AFTER:
                note = f"Gone: {error.message} ({misses} checks in a row)"
                return _record_live(copy, ArchivedCopy.Live.GONE, now, note=note, misses=misses)
            note = f"Missing at check {misses} of {settings.ARCHIVE_GONE_AFTER}: {error.message}"
            ArchivedCopy.objects.filter(pk=copy.pk).update(live_checked_at=now, live_misses=misses, live_note=note)
            return "missing"
        ArchivedCopy.objects.filter(pk=copy.pk).update(
            live_checked_at=now, live_note=f"Could not be checked: {error.message}"
        )
        return "error"
    except Exception as error:
        logger.exception("Re-check of %s failed unexpectedly", copy.url)
        ArchivedCopy.objects.filter(pk=copy.pk).update(
            live_checked_at=now, live_note=f"Could not be checked ({type(error).__name__})."
        )
        return "error"
    text_hash = _main_text_hash(result.text, result.content_type, result.final_url)
    if text_hash == copy.text_hash:
        return _record_live(copy, ArchivedCopy.Live.UNCHANGED, now, note="")
    digest = hashlib.sha256(result.body).hexdigest()
    note = f"The main text differs from the archived copy's (live page SHA-256 {digest}, HTTP {result.status})."
    return _record_live(copy, ArchivedCopy.Live.CHANGED, now, note=note)


def _record_live(copy: ArchivedCopy, state: str, now: datetime.datetime, *, note: str, misses: int = 0) -> str:
    fields = {"live_state": state, "live_checked_at": now, "live_misses": misses, "live_note": note}
    if state != copy.live_state:
        fields["live_since"] = now
    ArchivedCopy.objects.filter(pk=copy.pk).update(**fields)
    if state != copy.live_state:
        _pages_changed(copy)
    return state


def schedule_rechecks(now: datetime.datetime | None = None) -> int:
    """Send the due re-checks, at most `ARCHIVE_RECHECK_BATCH`, each host's spaced by
    `ARCHIVE_HOST_INTERVAL_SECONDS` so that no site gets a burst of requests from us."""
    from tracker.ingest import archive_tasks

    now = now or timezone.now()
    due = list(
        ArchivedCopy.objects.recheck_due(now)
        .order_by(F("live_checked_at").asc(nulls_first=True), "pk")
        .values_list("pk", "host")[: settings.ARCHIVE_RECHECK_BATCH]
    )
    per_host: dict[str, int] = {}
    for pk, host in due:
        slot = per_host.get(host, 0)
        per_host[host] = slot + 1
        archive_tasks.recheck_archive.apply_async((pk,), countdown=slot * settings.ARCHIVE_HOST_INTERVAL_SECONDS)
    return len(due)


def sweep_pending(now: datetime.datetime | None = None) -> int:
    """Send the pending captures whose claim or retry time has passed (broker outages, retries)."""
    now = now or timezone.now()
    # A new row's task was sent when it was cited: leave it that long before sending it again.
    fresh = now - datetime.timedelta(minutes=10)
    due = (
        ArchivedCopy.objects.capture_due(now)
        .exclude(url="")
        .filter(Q(claimed_until__isnull=False) | Q(created_at__lt=fresh))
    )
    due = list(due.order_by("pk").values_list("pk", flat=True)[:500])
    for pk in due:
        enqueue_capture(pk)
    return len(due)


# --- The copy as an HTTP response --------------------------------------------------------------

# No script (a sandbox without allow-scripts), no form, an opaque origin, nothing loaded from
# anywhere (the cited site's trackers never see the reader); inline style only, for readability.
POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def response_for(copy: ArchivedCopy) -> HttpResponse:
    """The archived bytes as they were received, under headers that make serving them safe."""
    try:
        data = copy.read()
    except OSError:
        raise Http404("The archived copy is missing from the archive storage.") from None
    html = copy.content_type in fetch.HTML_TYPES
    media_type = copy.content_type if html else "text/plain"
    response = HttpResponse(data, content_type=f"{media_type}; charset={copy.encoding or 'utf-8'}")
    response["Content-Security-Policy"] = POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="archived-{copy.pk}.{"html" if html else "txt"}"'
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["ETag"] = f'"{copy.sha256}"'
    return response


# --- Who cites a copy ---------------------------------------------------------------------------


def citing_commitments(copies) -> dict[int, list[Commitment]]:
    """{copy id: commitments citing it} (as a source, or through an assessment's evidence), in
    three queries whatever the number of copies."""
    copies = list(copies)
    urls = {c.url: c.pk for c in copies if c.url}
    articles = {c.article_id: c.pk for c in copies if not c.url}
    found: dict[int, dict[int, Commitment]] = {c.pk: {} for c in copies}
    sources = CommitmentSource.objects.filter(Q(url__in=urls) | Q(article__url__in=urls) | Q(article_id__in=articles))
    for source in sources.select_related("commitment", "article"):
        key = key_for(source.url, source.article)
        copy_id = urls.get(key.url) if key and key.url else articles.get(key.article_id if key else None)
        if copy_id:
            found[copy_id][source.commitment_id] = source.commitment
    cited = Evidence.objects.filter(Q(url__in=urls) | Q(article__url__in=urls) | Q(article_id__in=articles))
    evidence = {e.pk: e for e in cited.select_related("article")}
    if evidence:
        from tracker.commitments.models import AssessmentEvidence

        links = AssessmentEvidence.objects.filter(evidence_id__in=evidence).select_related("assessment__commitment")
        for link in links:
            e = evidence[link.evidence_id]
            key = key_for(e.url, e.article)
            copy_id = urls.get(key.url) if key and key.url else articles.get(key.article_id if key else None)
            if copy_id:
                found[copy_id][link.assessment.commitment_id] = link.assessment.commitment
    return {pk: sorted(commitments.values(), key=lambda c: c.reference) for pk, commitments in found.items()}


def _pages_changed(copy: ArchivedCopy) -> None:
    """The public pages citing `copy` show it: invalidate them (after the commit)."""
    for commitment in citing_commitments([copy]).get(copy.pk, []):
        if commitment.is_published:
            cache.changed_on_commit(commitment)
