"""The pipeline's steps as plain functions: import, fetch, analyse (extract, detect, match).

Each step takes an article id, claims the row with a conditional update (so a task delivered
twice, or re-delivered after a worker died, does the work once), does its slow work outside any
transaction, then writes the result in one short transaction that re-checks the claim. The Celery
tasks in `tasks.py` are thin wrappers; tests call these functions directly.
"""

from __future__ import annotations

import datetime
import enum
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tracker.commitments.models import Commitment, Meeting, Party, Topic
from tracker.extraction import evidence, match
from tracker.extraction.pipeline import extract_document
from tracker.ingest import fetch, filetypes, outbox, size
from tracker.ingest.alignments import propose_alignments
from tracker.ingest.canonical import canonical_url
from tracker.ingest.lexicon import lexicon_from_database
from tracker.ingest.models import Article, Candidate, DocumentKind, Feed, ParagraphSighting, Suggestion

logger = logging.getLogger(__name__)

# A paragraph seen in this many articles of one site is page furniture, not article text.
BOILERPLATE_MIN_ARTICLES = 3
# Near-duplicate articles: SimHashes this close are compared word by word, and texts this similar
# are the same article.
NEAR_DUPLICATE_BITS = 12
NEAR_DUPLICATE_SIMILARITY = 0.9
# How many existing commitments (of the same parties, newest first) a new article is compared
# against, for repeated commitments and for evidence, at most.
MAX_COMPARED_COMMITMENTS = 2000
# How many commitments an article is read against for evidence, at most: those of the parties it
# names, the ones sharing a topic with it first (an index probe on the topic links), then the
# newest. Ranking is per commitment and passage; at 200,000 commitments the newest 2,000 of the
# named parties took most of an import's time and were mostly off-topic.
MAX_EVIDENCE_COMMITMENTS = 500
# Article.metadata key: the editor asked for evidence for draft commitments too (by default the
# pipeline proposes evidence only for published ones).
EVIDENCE_FOR_DRAFTS = "evidence_for_drafts"


class Outcome(enum.Enum):
    DONE = "done"  # the step ran and recorded its result (success or failure)
    SKIPPED = "skipped"  # nothing to do: the article is past this step, or unknown
    BUSY = "busy"  # another worker holds a live claim on the article


@dataclass
class StepResult:
    outcome: Outcome
    retry_after: float = 0.0


class InputError(ValidationError):
    """A bad import request: the editor gets the message, nothing is stored."""


# --- Entry points ------------------------------------------------------------------------------

SUFFIX_KINDS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


def import_article(
    *,
    url: str = "",
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "",
    meeting: Meeting | None = None,
    kind: str = DocumentKind.NEWS,
    issuing_party: Party | None = None,
    feed: Feed | None = None,
    published_on: datetime.date | None = None,
    title: str = "",
    created_by=None,
) -> tuple[Article, bool]:
    """Bring a document in: an address to fetch, pasted text, or an uploaded file's bytes.

    Returns (article, created). An address already imported returns the existing article and
    enqueues nothing: importing twice yields nothing new. Analysis is enqueued after commit.
    """
    if kind not in DocumentKind.values:
        raise InputError({"kind": f"“{kind}” is not a kind of document this app knows."})
    sources = [bool(url), text is not None, data is not None]
    if sum(sources) != 1:
        raise InputError("Give exactly one of: an address, pasted text, or a file.")

    if url:
        url = url.strip()
        try:
            canonical = canonical_url(url)
        except ValueError as exc:
            raise InputError({"url": str(exc)}) from None
        if urlsplit(canonical).scheme not in {"http", "https"}:
            raise InputError({"url": "Only http and https addresses can be imported."})
        try:
            # An address no fetch could ever reach is refused here, with its reason, rather than
            # stored as a failed article whose Retry can never succeed.
            fetch.check_address(url)
        except fetch.FetchRefused as refused:
            raise InputError({"url": refused.message}) from None
        existing = Article.objects.filter(canonical_url=canonical).first()
        if existing:
            return existing, False
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    url=url,
                    canonical_url=canonical,
                    origin=Article.Origin.FEED if feed else Article.Origin.URL,
                    meeting=meeting,
                    kind=kind,
                    issuing_party=issuing_party,
                    feed=feed,
                    published_on=published_on,
                    title=title[:500],
                    created_by=created_by,
                )
                _enqueue("fetch_article", article.pk)
        except IntegrityError:  # imported by someone else a moment ago
            return Article.objects.get(canonical_url=canonical), False
        return article, True

    if text is not None:
        raw = text.encode("utf-8")
        origin = Article.Origin.PASTE
    else:
        raw = data
        origin = Article.Origin.UPLOAD
    if not raw.strip():
        raise InputError("The document is empty.")
    if len(raw) > settings.FETCH_MAX_BYTES:
        raise InputError(f"The document is larger than the {settings.FETCH_MAX_BYTES // (1024 * 1024)} MB limit.")
    suffix = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    if problem := filetypes.refusal(filename, raw if data is not None else None):
        raise InputError({"file": problem})
    if problem := size.too_long(raw):
        raise InputError(problem)
    with transaction.atomic():
        article = Article.objects.create(
            origin=origin,
            filename=filename[:255],
            meeting=meeting,
            kind=kind,
            issuing_party=issuing_party,
            published_on=published_on,
            title=title[:500],
            raw=raw,
            raw_content_type={"html": "text/html", "markdown": "text/markdown"}.get(
                SUFFIX_KINDS.get(suffix, "text"), "text/plain"
            ),
            state=Article.State.FETCHED,
            fetched_at=timezone.now(),
            created_by=created_by,
        )
        _enqueue("analyse_article", article.pk)
    return article, True


def retry_article(article: Article) -> bool:
    """Put a failed article back at the start of the pipeline. False if it had not failed."""
    state = (
        Article.State.QUEUED if article.origin in {Article.Origin.URL, Article.Origin.FEED} else Article.State.FETCHED
    )
    with transaction.atomic():
        changed = Article.objects.filter(pk=article.pk, state=Article.State.FAILED).update(
            state=state, error="", lease_until=None, updated_at=timezone.now()
        )
        if changed:
            task = "fetch_article" if state == Article.State.QUEUED else "analyse_article"
            _enqueue(task, article.pk)
    return bool(changed)


def _enqueue(task_name: str, article_id: int) -> None:
    """Send the step's message once the transaction commits (at once outside one). Never raises
    when the broker is down: the article waits in the outbox (`outbox.OutboxTask`)."""
    outbox.task_named(task_name).delay_on_commit(article_id)


# --- Claims ------------------------------------------------------------------------------------


def _take_lease(article_id: int, *, ready: str, working: str) -> StepResult | None:
    """Move the article from `ready` to `working` under a lease. None means: claimed, go on.

    A claim whose lease ran out belongs to a worker that died: it is taken over.
    """
    now = timezone.now()
    lease = now + datetime.timedelta(seconds=settings.PIPELINE_LEASE_SECONDS)
    claimed = (
        Article.objects.filter(pk=article_id)
        .filter(Q(state=ready) | Q(state=working, lease_until__lt=now))
        .update(state=working, lease_until=lease, attempts=F("attempts") + 1, updated_at=now)
    )
    if claimed:
        return None
    current = Article.objects.filter(pk=article_id).values("state", "lease_until").first()
    if current and current["state"] == working and current["lease_until"]:
        return StepResult(Outcome.BUSY, retry_after=max(1.0, (current["lease_until"] - now).total_seconds()))
    return StepResult(Outcome.SKIPPED)


def _finish(article_id: int, working: str, **fields) -> bool:
    """Record a step's result if the claim still holds (no one took the article over meanwhile)."""
    fields.setdefault("lease_until", None)
    return bool(Article.objects.filter(pk=article_id, state=working).update(updated_at=timezone.now(), **fields))


def fail(article_id: int, message: str) -> None:
    """Mark an unfinished article failed with a message editors can act on."""
    Article.objects.filter(pk=article_id).exclude(state__in=[Article.State.ANALYSED, Article.State.DUPLICATE]).update(
        state=Article.State.FAILED, error=message or "Unknown error", lease_until=None, updated_at=timezone.now()
    )


# --- Step 1: fetch -----------------------------------------------------------------------------


def fetch_article(article_id: int) -> StepResult:
    """Fetch the article's address with the guarded client (`tracker.ingest.fetch`). Raises
    FetchRetryable to be retried."""
    busy = _take_lease(article_id, ready=Article.State.QUEUED, working=Article.State.FETCHING)
    if busy:
        return busy
    article = Article.objects.get(pk=article_id)
    try:
        result = fetch.fetch_url(article.url, kinds=frozenset({"html", "text"}))
    except fetch.FetchRetryable:
        # Give the claim back so the retry can take it; the task decides when to retry.
        _finish(article_id, Article.State.FETCHING, state=Article.State.QUEUED)
        raise
    except fetch.FetchError as exc:
        _finish(article_id, Article.State.FETCHING, state=Article.State.FAILED, error=exc.message)
        return StepResult(Outcome.DONE)
    final = canonical_url(result.final_url) if result.final_url else article.canonical_url
    with transaction.atomic():
        if (
            final != article.canonical_url
            and Article.objects.filter(canonical_url=final).exclude(pk=article_id).exists()
        ):
            # The address redirected to an article we already have.
            original = Article.objects.get(canonical_url=final)
            finished = _finish(
                article_id,
                Article.State.FETCHING,
                state=Article.State.DUPLICATE,
                duplicate_of=original,
                error="",
                fetched_at=timezone.now(),
            )
            return StepResult(Outcome.DONE if finished else Outcome.SKIPPED)
        finished = _finish(
            article_id,
            Article.State.FETCHING,
            state=Article.State.FETCHED,
            raw=result.body,
            raw_content_type=result.content_type,
            encoding=result.encoding or "",
            fetched_at=timezone.now(),
            metadata={**article.metadata, "final_url": result.final_url, "http_status": result.status},
        )
        if finished:
            _enqueue("analyse_article", article_id)
    return StepResult(Outcome.DONE if finished else Outcome.SKIPPED)


# --- Step 2: analyse ---------------------------------------------------------------------------


def _document_kind(article: Article) -> str:
    content_type = (article.raw_content_type or "").split(";")[0].strip().lower()
    if content_type in {"text/html", "application/xhtml+xml"}:
        return "html"
    if content_type == "text/markdown" or article.filename.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def _decode(article: Article) -> str | bytes:
    """The text in the charset the fetch found; bytes (decoded by extraction) when unknown."""
    raw = bytes(article.raw or b"")
    if article.encoding:
        try:
            return raw.decode(article.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return raw


def boilerplate_for(site: str) -> frozenset[str]:
    if not site:
        return frozenset()
    rows = (
        ParagraphSighting.objects.filter(site=site)
        .values("fingerprint")
        .annotate(n=Count("article", distinct=True))
        .filter(n__gte=BOILERPLATE_MIN_ARTICLES)
        .values_list("fingerprint", flat=True)
    )
    return frozenset(rows)


def _site_of(article: Article) -> str:
    host = urlsplit(article.url).hostname if article.url else ""
    return (host or "").removeprefix("www.")


def _extract(article: Article, lexicon, boilerplate: frozenset[str], meeting_parties: list[str] | None):
    """Run the extraction core. Relative deadlines resolve against the article's date: the one
    given at import, else the document's own; the meeting's date only when the text has none."""
    arguments = {
        "kind": _document_kind(article),
        "filename": article.filename or None,
        "url": article.url or None,
        "parties": meeting_parties or None,
        "lexicon": lexicon,
        "boilerplate": boilerplate,
    }
    data = _decode(article)
    result = extract_document(data, doc_date=article.published_on, **arguments)
    if result.document.date is None and article.meeting is not None:
        result = extract_document(data, doc_date=article.meeting.date, **arguments)
    return result


def analyse(article_id: int) -> StepResult:
    """Extract the main text, detect candidate commitments, match them, and suggest evidence."""
    busy = _take_lease(article_id, ready=Article.State.FETCHED, working=Article.State.ANALYSING)
    if busy:
        return busy
    article = Article.objects.select_related("meeting").get(pk=article_id)
    site = _site_of(article)
    meeting_parties = sorted(article.meeting.parties.values_list("name", flat=True)) if article.meeting else None
    lexicon = lexicon_from_database()
    if problem := size.too_long(_decode(article)):
        _finish(article_id, Article.State.ANALYSING, state=Article.State.FAILED, error=problem)
        return StepResult(Outcome.DONE)
    try:
        result = _extract(article, lexicon, boilerplate_for(site), meeting_parties)
    except SoftTimeLimitExceeded:
        raise  # not a parse error: the task records that the analysis took too long
    except Exception as exc:  # a parse error will not go away on retry: record it
        logger.exception("Extraction failed for article %s", article_id)
        _finish(
            article_id, Article.State.ANALYSING, state=Article.State.FAILED, error=f"The text could not be read: {exc}"
        )
        return StepResult(Outcome.DONE)
    document = result.document
    if not document.text.strip():
        _finish(
            article_id,
            Article.State.ANALYSING,
            state=Article.State.FAILED,
            error="No article text was found in the document.",
        )
        return StepResult(Outcome.DONE)

    content_hash = match.content_hash(document.text)
    fingerprint = match.simhash(document.text)
    published_on = article.published_on or document.date
    duplicate = _find_duplicate_article(article_id, content_hash, fingerprint, document.text)
    with transaction.atomic():
        if duplicate is not None:
            finished = _finish(
                article_id,
                Article.State.ANALYSING,
                state=Article.State.DUPLICATE,
                duplicate_of=duplicate,
                text="",
                analysed_at=timezone.now(),
                title=(article.title or document.title or "")[:500],
            )
            return StepResult(Outcome.DONE if finished else Outcome.SKIPPED)
        try:
            with transaction.atomic():
                finished = _finish(
                    article_id,
                    Article.State.ANALYSING,
                    state=Article.State.ANALYSED,
                    text=document.text,
                    title=(article.title or document.title or "")[:500],
                    site=(document.site or site or "")[:200],
                    published_on=published_on,
                    language=(document.language or "")[:10],
                    content_hash=content_hash,
                    simhash=fingerprint,
                    analysed_at=timezone.now(),
                    error="",
                    metadata={
                        **article.metadata,
                        "dropped_paragraphs": [[p[:200], why] for p, why in document.dropped][:100],
                        "sentences": result.sentence_count,
                    },
                )
        except IntegrityError:  # the same text arrived through another article meanwhile
            original = Article.objects.filter(content_hash=content_hash).first()
            finished = _finish(
                article_id, Article.State.ANALYSING, state=Article.State.DUPLICATE, duplicate_of=original, text=""
            )
            return StepResult(Outcome.DONE if finished else Outcome.SKIPPED)
        if not finished:
            return StepResult(Outcome.SKIPPED)
        if site:
            ParagraphSighting.objects.bulk_create(
                [
                    ParagraphSighting(site=site, fingerprint=fp, article_id=article_id)
                    for fp in {_paragraph_fingerprint(p) for p in document.paragraphs}
                ],
                ignore_conflicts=True,
            )
        article.refresh_from_db()
        cards = read_evidence(
            article, document.text, lexicon, include_drafts=bool(article.metadata.get(EVIDENCE_FOR_DRAFTS))
        )
        _store_candidates(article, result.commitments, lexicon, reported=reported_spans(cards))
        _store_suggestions(article, cards)
    # A second account of the meeting (the other side's readout): propose its alignments.
    propose_alignments(article_id)
    return StepResult(Outcome.DONE)


def _paragraph_fingerprint(paragraph: str) -> str:
    from tracker.extraction.clean import paragraph_fingerprint

    return paragraph_fingerprint(paragraph)


def _find_duplicate_article(article_id: int, content_hash: str, fingerprint: int, text: str) -> Article | None:
    same = Article.objects.filter(content_hash=content_hash).exclude(pk=article_id).first()
    if same:
        return same
    # Near-identical text under another address (a syndicated copy, a corrected typo). SimHash
    # finds the few texts close enough to compare; on short texts a one-word edit moves several
    # bits, so the loose SimHash pre-filter is confirmed by comparing the words themselves.
    for pk, other in (
        Article.objects.filter(state=Article.State.ANALYSED, simhash__isnull=False)
        .exclude(pk=article_id)
        .values_list("pk", "simhash")
        .iterator()
    ):
        if match.is_near_duplicate(fingerprint, other, max_distance=NEAR_DUPLICATE_BITS):
            candidate = Article.objects.get(pk=pk)
            if match.text_similarity(text, candidate.text) >= NEAR_DUPLICATE_SIMILARITY:
                return candidate
    return None


def _store_candidates(article: Article, detected, lexicon, *, reported: list[tuple[int, int]] = ()) -> None:
    """Store the detected commitments, except those whose sentence reports what was done (the
    evidence step proposes it for the commitment it reports on) and makes no new pledge."""
    detected = [item for item in detected if not _only_reports(item, reported)]
    named = {name for item in detected for name in item.parties}
    parties_by_name = {p.name: p for p in Party.objects.filter(name__in=named)}
    topics_by_key = {t.key: t for t in Topic.objects.all()}
    # Only commitments of the same parties can be repeated here; the newest first.
    existing = _commitment_infos(
        Commitment.objects.filter(_of_parties(named)), topics={key for item in detected for key in item.topics}
    )
    for item in detected:
        parties = [parties_by_name[name] for name in item.parties if name in parties_by_name]
        topics = [topics_by_key[k] for k in item.topics if k in topics_by_key]
        duplicate = match.find_duplicate_commitment(
            match.CandidateInfo(text=item.text, parties=frozenset(item.parties), topics=frozenset(item.topics)),
            existing,
        )
        candidate, created = Candidate.objects.get_or_create(
            article=article,
            start=item.start,
            end=item.end,
            defaults={
                "quote": item.text,
                "sentence_start": item.sentence_start,
                "sentence_end": item.sentence_end,
                "party_names": list(item.parties),
                "topic_keys": list(item.topics),
                "strength": item.strength,
                "deadline": item.deadline,
                "deadline_text": (item.deadline_text or "")[:200],
                "deadline_granularity": item.deadline_granularity or "",
                "confidence": max(0.0, min(1.0, float(item.confidence))),
                "duplicate_of_id": duplicate[0] if duplicate else None,
                "duplicate_score": duplicate[1] if duplicate else None,
            },
        )
        if created:
            candidate.parties.set(parties)
            candidate.topics.set(topics)


def _only_reports(item, reported: list[tuple[int, int]]) -> bool:
    inside = any(start <= item.start and item.end <= end for start, end in reported)
    return inside and not evidence.makes_new_pledge(item.text)


def _of_parties(named) -> Exists:
    """Commitments of any of the parties `named`: a probe on the links, where a join with
    DISTINCT sorted every commitment of those parties."""
    return Exists(Commitment.parties.through.objects.filter(commitment=OuterRef("pk"), party__name__in=named))


def _commitment_infos(queryset, *, topics=(), limit: int = MAX_COMPARED_COMMITMENTS) -> list[match.CommitmentInfo]:
    """The commitments compared with an article: those sharing one of `topics` first (when
    given), then the newest, at most `limit`."""
    order = ["-made_on", "-pk"]
    if topics:
        shared = Commitment.topics.through.objects.filter(commitment=OuterRef("pk"), topic__key__in=list(topics))
        queryset = queryset.alias(on_topic=Exists(shared))
        order = ["-on_topic", *order]
    return [
        match.CommitmentInfo(
            id=c.pk,
            text=c.quote,
            parties=frozenset(p.name for p in c.parties.all()),
            topics=frozenset(t.key for t in c.topics.all()),
            made_on=c.made_on,
            # Where it was made: a later "as agreed at the Bali meeting" anchors on it.
            meeting=f"{c.meeting.title} {c.meeting.place}",
            reference=c.reference,
            meeting_parties=frozenset(p.name for p in c.meeting.parties.all()),
        )
        for c in queryset.select_related("meeting")
        .order_by(*order)
        .prefetch_related("parties", "topics", "meeting__parties")[:limit]
    ]


def _evidence_commitments(article: Article, text: str, lexicon, *, include_drafts: bool):
    """The commitments a later article may report on: made before it, of a party it names, not
    made in the article itself, and published unless the editor asked for drafts too."""
    named = evidence.parties_named(text, lexicon, article.published_on)
    commitments = (
        Commitment.objects.filter(_of_parties(named), made_on__lt=article.published_on)
        .exclude(sources__article=article)
        .exclude(source_article=article)
    )
    if not include_drafts:
        commitments = commitments.published()
    return commitments


def read_evidence(article: Article, text: str, lexicon, *, include_drafts: bool = False) -> list[evidence.Card]:
    """The article read as a follow-up of the tracked commitments (no writes)."""
    if article.published_on is None:
        return []  # an undated article may be older than the pledges: nothing to say
    infos = _commitment_infos(
        _evidence_commitments(article, text, lexicon, include_drafts=include_drafts),
        topics=lexicon.topics_for(text),
        limit=MAX_EVIDENCE_COMMITMENTS,
    )
    if not infos:
        return []
    return evidence.read_follow_up(text, infos, published=article.published_on, lexicon=lexicon, title=article.title)


# At most this many suggestions are stored per article (each passage's best commitments first): an
# editor reviews a few dozen, and a long article read against 200,000 commitments proposed about 920.
MAX_SUGGESTIONS_PER_ARTICLE = 250


def _store_suggestions(article: Article, cards: list[evidence.Card]) -> None:
    """One suggestion per passage and commitment: the best commitment of each passage has rank 0,
    the alternatives follow, up to `MAX_SUGGESTIONS_PER_ARTICLE` (lowest ranks, then best scores,
    first). Written in one bulk insert (with their history rows), skipping what is stored already:
    idempotent (one row per article, commitment and passage start)."""
    links = sorted(
        (
            (rank, -link.score, index, card, link)
            for index, card in enumerate(cards)
            for rank, link in enumerate(card.links)
        ),
        key=lambda item: item[:3],
    )
    chosen = links[:MAX_SUGGESTIONS_PER_ARTICLE]
    party_names = {link.party for *_, link in chosen if link.party}
    parties_by_name = {p.name: p for p in Party.objects.filter(name__in=party_names)}
    stored = set(Suggestion.objects.filter(article=article).values_list("commitment_id", "start"))
    new = []
    for rank, _score, _index, card, link in chosen:
        if (link.commitment_id, card.start) in stored:
            continue
        stored.add((link.commitment_id, card.start))
        restatement = card.kind == "restatement"
        new.append(
            Suggestion(
                article=article,
                commitment_id=link.commitment_id,
                start=card.start,
                kind=Suggestion.Kind.RESTATEMENT if restatement else Suggestion.Kind.EVIDENCE,
                rank=rank,
                end=card.end,
                passage=card.text,
                score=link.score,
                proposed_status="" if restatement else (link.status or ""),
                party=parties_by_name.get(link.party) if link.party else None,
            )
        )
    if new:
        bulk_create_with_history(new, Suggestion, batch_size=500)


def suggest_evidence(article_id: int, *, include_drafts: bool = False) -> int:
    """Read an analysed article again for evidence, e.g. for draft commitments when the editor asks.
    Returns the number of suggestions now stored for the article."""
    article = Article.objects.get(pk=article_id, state=Article.State.ANALYSED)
    cards = read_evidence(article, article.text, lexicon_from_database(), include_drafts=include_drafts)
    with transaction.atomic():
        if include_drafts and not article.metadata.get(EVIDENCE_FOR_DRAFTS):
            # Remembered, so that analysing the article again proposes the same.
            Article.objects.filter(pk=article.pk).update(metadata={**article.metadata, EVIDENCE_FOR_DRAFTS: True})
        _store_suggestions(article, cards)
    return Suggestion.objects.filter(article=article).count()


def reported_spans(cards: list[evidence.Card]) -> list[tuple[int, int]]:
    """Passages that report what was done (not plans or restatements): not new pledges."""
    return [(card.sentence_start, card.sentence_end) for card in cards if card.kind == "evidence" and card.reports]


# --- Feeds -------------------------------------------------------------------------------------


def poll_feed(feed_id: int) -> int:
    """Fetch a feed with conditional GET and import its new entries. Returns how many were new."""
    from tracker.ingest.feeds import FeedError, parse_feed

    feed = Feed.objects.get(pk=feed_id)
    now = timezone.now()
    try:
        result = fetch.fetch_url(
            feed.url, etag=feed.etag or None, last_modified=feed.last_modified or None, kinds=frozenset({"feed"})
        )
    except fetch.FetchRetryable:
        raise
    except fetch.FetchError as exc:
        Feed.objects.filter(pk=feed_id).update(last_polled_at=now, last_error=exc.message)
        return 0
    if result.not_modified:
        Feed.objects.filter(pk=feed_id).update(last_polled_at=now, last_error="")
        return 0
    try:
        entries = parse_feed(result.body, base_url=result.final_url or feed.url)
    except FeedError as exc:
        Feed.objects.filter(pk=feed_id).update(last_polled_at=now, last_error=exc.message)
        return 0
    new = 0
    for entry in entries:
        try:
            _, created = import_article(
                url=entry.url,
                feed=feed,
                meeting=feed.meeting,
                kind=feed.kind,
                issuing_party=feed.issuing_party,
                title=entry.title or "",
                published_on=entry.published.date() if entry.published else None,
            )
        except InputError as exc:
            logger.info("Feed %s: skipped entry %s: %s", feed_id, entry.url, exc)
            continue
        new += created
    Feed.objects.filter(pk=feed_id).update(
        last_polled_at=now,
        last_error="",
        etag=(result.etag or "")[:500],
        last_modified=(result.last_modified or "")[:100],
        entries_seen=F("entries_seen") + new,
    )
    return new


def requeue_stalled(now: datetime.datetime | None = None) -> int:
    """Re-enqueue articles whose worker died holding them, or that were never picked up."""
    now = now or timezone.now()
    count = 0
    for article_id, state in Article.objects.stalled(now).values_list("pk", "state"):
        task = "fetch_article" if state in {Article.State.QUEUED, Article.State.FETCHING} else "analyse_article"
        # Back to waiting, as of now: beat runs this often, and an article whose message is lost
        # again (no worker yet) is sent once more only after the ten minutes `stalled` allows.
        ready = Article.State.QUEUED if task == "fetch_article" else Article.State.FETCHED
        if (
            Article.objects.stalled(now)
            .filter(pk=article_id, state=state)
            .update(state=ready, lease_until=None, updated_at=now)
        ):
            _enqueue(task, article_id)
            count += 1
    return count
