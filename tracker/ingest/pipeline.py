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
import math
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tracker.commitments.models import Commitment, Meeting, Party, Topic
from tracker.extraction import evidence, match
from tracker.extraction.document import extract_document
from tracker.extraction.lexicon import Lexicon
from tracker.ingest import fetch, filetypes, outbox, size
from tracker.ingest.alignments import propose_alignments
from tracker.ingest.canonical import canonical_url
from tracker.ingest.database_lexicon import lexicon_from_database
from tracker.ingest.models import Article, Candidate, DocumentKind, Feed, ParagraphSighting, Suggestion

logger = logging.getLogger(__name__)

# A paragraph seen in this many articles of one site is page furniture, not article text.
BOILERPLATE_MIN_ARTICLES = 3
# Near-duplicate articles: SimHashes this close are compared word by word, and texts this similar
# are the same article.
NEAR_DUPLICATE_BITS = 12
NEAR_DUPLICATE_SIMILARITY = 0.9
# How many existing commitments (of the same parties, on the candidates' topics first, then newest)
# a detected candidate is compared against for repeated commitments, at most.
MAX_COMPARED_COMMITMENTS = 2000
# How many commitments an article is read against for evidence, at most (`evidence_candidates`):
# those of the parties it names that share a distinctive word with it (full text), then a topic,
# newest first. Ranking is per commitment and passage; at 200,000 commitments the newest 2,000 of
# the named parties took most of an import's time and were mostly off-topic.
MAX_EVIDENCE_COMMITMENTS = 200
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
    outbox.task_named(task_name).delay_on_commit(article_id)  # type: ignore[attr-defined]  # Celery 5.4; celery-types lacks it


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
        Commitment.objects.filter(_of_parties(_party_ids(named))),
        topics={key for item in detected for key in item.topics},
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


def _party_ids(names: Iterable[str]) -> list[int]:
    return list(Party.objects.filter(name__in=list(names)).values_list("pk", flat=True))


def _of_parties(party_ids: list[int]) -> Exists:
    """Commitments of any of these parties: a probe on the links per commitment. With the ids
    written in the query, the planner walks the commitments newest first and probes each (a
    `LIMIT` stops early), where a join on the parties' names hashed every link of those parties
    (80,000 for Russia and Japan at 200,000 commitments: 2 s)."""
    return Exists(Commitment.parties.through.objects.filter(commitment=OuterRef("pk"), party_id__in=party_ids))


def _only_of_parties(party_ids: list[int]) -> Exists:
    """Commitments with a party outside these (negate it: those whose parties are all among them)."""
    return Exists(Commitment.parties.through.objects.filter(commitment=OuterRef("pk")).exclude(party_id__in=party_ids))


def _newest_ids(queryset: QuerySet[Commitment], limit: int) -> list[int]:
    return list(queryset.order_by("-made_on", "-pk").values_list("pk", flat=True)[: max(0, limit)])


def _commitment_infos(
    queryset: QuerySet[Commitment], *, topics: Iterable[str] = (), limit: int = MAX_COMPARED_COMMITMENTS
) -> list[match.CommitmentInfo]:
    """The commitments compared with an article: those sharing one of `topics` first (when
    given), then the newest, at most `limit`."""
    topics = list(topics)
    ids: list[int] = []
    if topics:
        ids = _newest_ids(queryset.filter(_on_topics(topics)), limit)
    ids += _newest_ids(queryset.exclude(pk__in=ids), limit - len(ids))
    return commitment_infos(ids)


def _on_topics(topics: list[str]) -> Exists:
    topic_ids = list(Topic.objects.filter(key__in=topics).values_list("pk", flat=True))
    return Exists(Commitment.topics.through.objects.filter(commitment=OuterRef("pk"), topic_id__in=topic_ids))


def commitment_infos(ids: list[int]) -> list[match.CommitmentInfo]:
    """What the matching reads of these commitments, in this order: four queries of plain values
    (the rows, their parties, their topics, their meetings' parties), no model instances."""
    if not ids:
        return []
    rows = {
        row["pk"]: row
        for row in Commitment.objects.filter(pk__in=ids).values(
            "pk", "quote", "made_on", "reference", "meeting_id", "meeting__title", "meeting__place"
        )
    }
    parties: dict[int, set[str]] = defaultdict(set)
    for commitment_id, name in Commitment.parties.through.objects.filter(commitment_id__in=ids).values_list(
        "commitment_id", "party__name"
    ):
        parties[commitment_id].add(name)
    topics: dict[int, set[str]] = defaultdict(set)
    for commitment_id, key in Commitment.topics.through.objects.filter(commitment_id__in=ids).values_list(
        "commitment_id", "topic__key"
    ):
        topics[commitment_id].add(key)
    at_table: dict[int, set[str]] = defaultdict(set)
    meetings = {row["meeting_id"] for row in rows.values()}
    for meeting_id, name in Meeting.parties.through.objects.filter(meeting_id__in=meetings).values_list(
        "meeting_id", "party__name"
    ):
        at_table[meeting_id].add(name)
    return [
        match.CommitmentInfo(
            id=pk,
            text=row["quote"],
            parties=frozenset(parties[pk]),
            topics=frozenset(topics[pk]),
            made_on=row["made_on"],
            # Where it was made: a later "as agreed at the Bali meeting" anchors on it.
            meeting=f"{row['meeting__title']} {row['meeting__place']}",
            reference=row["reference"],
            meeting_parties=frozenset(at_table[row["meeting_id"]]),
        )
        for pk in ids
        if (row := rows.get(pk)) is not None
    ]


def _evidence_commitments(article: Article, party_ids: list[int], *, include_drafts: bool) -> QuerySet[Commitment]:
    """The commitments a later article may report on: made before it, all of whose parties it
    names (`evidence.concerns` reads no other), not made in the article itself, and published
    unless the editor asked for drafts too."""
    commitments = (
        Commitment.objects.filter(_of_parties(party_ids), made_on__lt=article.published_on)
        .exclude(_only_of_parties(party_ids))
        .exclude(sources__article=article)
        .exclude(source_article=article)
    )
    if not include_drafts:
        commitments = commitments.published()
    return commitments


# The full-text look-up of candidates leaves out the words of more than this share of the tracked
# commitments ("cooperation", "group", "agree": a readout shares them with half the tracker), and
# keeps the rarest words, at most MAX_SEARCH_WORDS and as long as the shares of those kept add up
# to at most SEARCH_WORDS_SHARE (the index's work is the commitments they match).
COMMON_WORD_SHARE = 0.05
SEARCH_WORDS_SHARE = 0.15
MAX_SEARCH_WORDS = 32
# How long a process trusts the word shares it read (ANALYZE's statistics of the search vectors).
WORD_SHARES_SECONDS = 3600
_word_shares: dict[str, tuple[float, dict[str, float]]] = {}


def _common_lexemes(using: str) -> dict[str, float]:
    """The commonest lexemes of the commitments' search vectors with the share of commitments that
    have each, from PostgreSQL's statistics of the column (`pg_stats.most_common_elems`, kept by
    ANALYZE): one small read per process and hour, no scan."""
    now = time.monotonic()
    cached = _word_shares.get(using)
    if cached is not None and now - cached[0] < WORD_SHARES_SECONDS:
        return cached[1]
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'search_vector'",
            [Commitment._meta.db_table],
        )
        row = cursor.fetchone()
    shares = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _word_shares[using] = (now, shares)
    return shares


def _search_lexemes(words: list[str], using: str) -> list[str]:
    """The English lexemes of `words` (PostgreSQL's stemmer, as in the search vectors), the rarest
    first, within COMMON_WORD_SHARE, SEARCH_WORDS_SHARE and MAX_SEARCH_WORDS."""
    with connections[using].cursor() as cursor:
        # Each lexeme with its first position: among equally rare ones, those said first count.
        cursor.execute(
            "SELECT lexeme, positions[1] FROM unnest(to_tsvector('english', %s)) ORDER BY positions[1]",
            [" ".join(words)],
        )
        lexemes = [lexeme for lexeme, _ in cursor.fetchall() if lexeme.isalpha()]
    shares = _common_lexemes(using)
    kept: list[str] = []
    total = 0.0
    by_share = sorted(range(len(lexemes)), key=lambda i: (shares.get(lexemes[i], 0.0), i))
    for share, lexeme in ((shares.get(lexemes[i], 0.0), lexemes[i]) for i in by_share):
        if share > COMMON_WORD_SHARE or total + share > SEARCH_WORDS_SHARE or len(kept) == MAX_SEARCH_WORDS:
            break
        kept.append(lexeme)
        total += share
    return kept


def _sharing_words(commitments: QuerySet[Commitment], words: list[str]) -> QuerySet[Commitment] | None:
    """The commitments whose reference, title or quote has one of `words`: PostgreSQL's full text
    (the GIN index on `search_vector`) on the words' rarer lexemes, a plain substring match
    elsewhere. None when every word is common."""
    if connections[commitments.db].vendor == "postgresql":
        lexemes = _search_lexemes(words, commitments.db)
        if not lexemes:
            return None
        # Lexemes, letters only: a raw query in the "simple" configuration matches them as they are.
        return commitments.filter(search_vector=SearchQuery(" | ".join(lexemes), config="simple", search_type="raw"))
    condition = Q()
    for word in words:
        condition |= Q(quote__icontains=word) | Q(title__icontains=word)
    return commitments.filter(condition)


# How long a process trusts the meetings' parties it read (for `_at_the_table`); a meeting added
# meanwhile is never left out, only one whose parties changed may be misjudged this long.
MEETING_PARTIES_SECONDS = 60
_meeting_parties: dict[str, tuple[float, dict[int, frozenset[str]]]] = {}


def _parties_by_meeting(using: str) -> dict[int, frozenset[str]]:
    now = time.monotonic()
    cached = _meeting_parties.get(using)
    if cached is not None and now - cached[0] < MEETING_PARTIES_SECONDS:
        return cached[1]
    at_table: dict[int, set[str]] = {pk: set() for pk in Meeting.objects.using(using).values_list("pk", flat=True)}
    for meeting_id, name in Meeting.parties.through.objects.using(using).values_list("meeting_id", "party__name"):
        at_table[meeting_id].add(name)
    frozen = {pk: frozenset(parties) for pk, parties in at_table.items()}
    _meeting_parties[using] = (now, frozen)
    return frozen


def _at_the_table(mentioned: set[str], principal: set[str], using: str) -> Q | None:
    """The meetings whose commitments the document can be about, by who was at the table
    (`evidence.concerns`: at least three quarters of the parties at the table, the commitment's and
    its meeting's, are the document's principal parties, and the commitment's own are among those
    it mentions): not those with more parties outside its principal ones than a quarter of their
    parties and the mentioned ones together. A meeting added since the parties were read counts.
    None when every meeting counts."""
    meetings = _parties_by_meeting(using)
    kept = [
        pk
        for pk, parties in meetings.items()
        if len(parties - principal) <= math.floor(0.25 * len(parties | mentioned))
    ]
    if len(kept) == len(meetings):
        return None
    return Q(meeting_id__in=kept) | Q(meeting_id__gt=max(meetings, default=0))


def evidence_candidates(
    article: Article, text: str, lexicon: Lexicon, *, include_drafts: bool = False, limit: int | None = None
) -> list[match.CommitmentInfo]:
    """The commitments an article is read against for evidence, found through indexes and bounded
    (at most `limit`, MAX_EVIDENCE_COMMITMENTS): of the meetings whose parties it is about and the
    parties it names (all of theirs named), those sharing one of its rarer words first (full text:
    subjects, named mechanisms such as a working group or a dialogue, places, officials), then
    those sharing one of its topics, then the newest; newest first within each."""
    if article.published_on is None:
        return []  # an undated article may be older than the pledges: nothing to say
    limit = MAX_EVIDENCE_COMMITMENTS if limit is None else limit
    mentioned, principal = evidence.document_parties(text, article.title or "", lexicon, article.published_on)
    party_ids = _party_ids(mentioned)
    if not party_ids:
        return []
    commitments = _evidence_commitments(article, party_ids, include_drafts=include_drafts)
    at_table = _at_the_table(mentioned, principal, commitments.db)
    if at_table is not None:
        commitments = commitments.filter(at_table)
    words = evidence.search_words(f"{article.title or ''}\n{text}", lexicon)
    sharing = _sharing_words(commitments, words) if words else None
    ids = _newest_ids(sharing, limit) if sharing is not None else []
    topics = lexicon.topics_for(text)
    if topics and len(ids) < limit:
        ids += _newest_ids(commitments.filter(_on_topics(topics)).exclude(pk__in=ids), limit - len(ids))
    # Then the newest: a passage may name a pledge's subject in other words ("handed over two
    # suspects" reports on "repatriate fugitives"), which only the ranking's concepts see.
    ids += _newest_ids(commitments.exclude(pk__in=ids), limit - len(ids))
    return commitment_infos(ids)


def read_evidence(
    article: Article, text: str, lexicon: Lexicon, *, include_drafts: bool = False
) -> list[evidence.Card]:
    """The article read as a follow-up of the tracked commitments (no writes)."""
    infos = evidence_candidates(article, text, lexicon, include_drafts=include_drafts)
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
