"""Getting text in: feeds, articles and what the pipeline proposes from them.

An Article moves through a small state machine (`queued -> fetching -> fetched -> analysing ->
analysed`, or `failed` with its error, or `duplicate` of an article already stored). Each step
claims the row with a conditional update, so a task delivered twice does the work once.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tracker.commitments.models import Commitment, Evidence, Meeting, Party, Topic
from tracker.commitments.status import Status


class DocumentKind(models.TextChoices):
    JOINT_STATEMENT = "joint_statement", "Joint statement"
    READOUT = "readout", "Readout"
    FACT_SHEET = "fact_sheet", "Fact sheet"
    COMMUNIQUE = "communique", "Communiqué"
    SPEECH = "speech", "Speech or remarks"
    NEWS = "news", "News report"


class Feed(models.Model):
    """An RSS or Atom feed polled on a schedule with conditional GET."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.NEWS)
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="feeds")
    issuing_party = models.ForeignKey(Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    entries_seen = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["etag", "last_modified", "last_polled_at", "entries_seen"])

    class Meta:
        ordering = ["title", "url"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="feed_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class ArticleQuerySet(models.QuerySet):
    def stalled(self, now: datetime.datetime):
        """Claimed by a worker whose lease ran out (the worker died), or queued and never run."""
        return self.filter(
            Q(state__in=[Article.State.FETCHING, Article.State.ANALYSING], lease_until__lt=now)
            | Q(
                state__in=[Article.State.QUEUED, Article.State.FETCHED],
                updated_at__lt=now - datetime.timedelta(minutes=10),
            )
        )


class Article(models.Model):
    """A document brought in: its source, raw bytes (bounded), extracted text and metadata."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        FETCHING = "fetching", "Fetching"
        FETCHED = "fetched", "Fetched"
        ANALYSING = "analysing", "Analysing"
        ANALYSED = "analysed", "Analysed"
        FAILED = "failed", "Failed"
        DUPLICATE = "duplicate", "Duplicate"

    class Origin(models.TextChoices):
        URL = "url", "Address"
        PASTE = "paste", "Pasted text"
        UPLOAD = "upload", "Uploaded file"
        FEED = "feed", "Feed"
        FILE = "file", "File on the server"

    url = models.URLField(max_length=2000, blank=True)
    canonical_url = models.CharField(max_length=2000, unique=True, null=True, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices)
    filename = models.CharField(max_length=255, blank=True)
    content_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, help_text="SHA-256 of the normalised extracted text."
    )
    simhash = models.BigIntegerField(null=True, blank=True, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    site = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=10, blank=True)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.NEWS)
    issuing_party = models.ForeignKey(
        Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="issued_articles"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles")
    feed = models.ForeignKey(Feed, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles")
    raw = models.BinaryField(null=True, blank=True, editable=False)
    raw_content_type = models.CharField(max_length=100, blank=True)
    encoding = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=["queued", "fetching", "fetched", "analysing", "analysed", "failed", "duplicate"]
                ),
                name="article_state_valid",
            ),
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="article_kind_valid"),
            models.CheckConstraint(
                condition=Q(origin__in=["url", "paste", "upload", "feed", "file"]), name="article_origin_valid"
            ),
            models.CheckConstraint(condition=~Q(state="failed") | ~Q(error=""), name="article_failure_has_error"),
        ]
        indexes = [
            # requeue_stalled_articles: Article.objects.stalled(now) polls only unfinished rows.
            models.Index(
                fields=["state", "lease_until"],
                condition=Q(state__in=["queued", "fetching", "fetched", "analysing"]),
                name="article_unfinished_idx",
            ),
            # Evidence matching: articles of a period.
            models.Index(fields=["published_on"], name="article_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.filename or f"Article {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.state in {self.State.ANALYSED, self.State.FAILED, self.State.DUPLICATE}

    @property
    def display_url(self) -> str:
        """The address shown to readers: http(s) only, never a javascript: or data: link."""
        return self.url if self.url.startswith(("http://", "https://")) else ""


class ParagraphSighting(models.Model):
    """A paragraph fingerprint seen in an article of a site: paragraphs that recur across many
    articles of the same site are page furniture (the per-site boilerplate filter)."""

    site = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="paragraph_sighting_once"),
        ]
        indexes = [
            # boilerplate_for(site): count articles per fingerprint of one site.
            models.Index(fields=["site", "fingerprint"], name="paragraph_site_fp_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.site} {self.fingerprint[:12]}"


class Review(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    MERGED = "merged", "Merged"


class CandidateQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=Review.PENDING)


class Candidate(models.Model):
    """A commitment the pipeline proposes from an article; an editor accepts, merges or rejects it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="candidates")
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    parties = models.ManyToManyField(Party, related_name="+", blank=True)
    party_names = models.JSONField(default=list, blank=True, help_text="As detected, before matching to parties.")
    topics = models.ManyToManyField(Topic, related_name="+", blank=True)
    topic_keys = models.JSONField(default=list, blank=True, help_text="All topics detected, most relevant first.")
    strength = models.CharField(max_length=10, choices=Commitment.Strength.choices)
    deadline = models.DateField(null=True, blank=True)
    deadline_text = models.CharField(max_length=200, blank=True)
    deadline_granularity = models.CharField(max_length=10, choices=Commitment.Granularity.choices, blank=True)
    confidence = models.FloatField()
    duplicate_of = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="An existing commitment this candidate repeats.",
    )
    duplicate_score = models.FloatField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
        help_text="The commitment it became or was merged into.",
    )
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CandidateQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[parties, topics])

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            # Re-running detection on an article proposes each span once.
            models.UniqueConstraint(fields=["article", "start", "end"], name="candidate_span_once"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="candidate_span_not_empty"),
            models.CheckConstraint(condition=Q(state__in=Review.values), name="candidate_state_valid"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="candidate_confidence_range"
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(rejection_reason=""), name="candidate_rejection_has_reason"
            ),
        ]
        indexes = [
            # The review inbox: pending candidates, grouped by article.
            models.Index(fields=["article", "start"], condition=Q(state="pending"), name="candidate_pending_idx"),
        ]

    def __str__(self) -> str:
        return self.quote[:80]


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=Review.PENDING)

    def evidence(self):
        return self.filter(kind=Suggestion.Kind.EVIDENCE)

    def restatements(self):
        return self.filter(kind=Suggestion.Kind.RESTATEMENT)


class Suggestion(models.Model):
    """A passage of a new article proposed as evidence for an existing commitment, or as a
    restatement of it at a later round (lineage: accepting it links the commitments, and never
    changes a status).

    One passage can be proposed for several commitments: the inbox shows it as one card, the
    best commitment (rank 0) first and the alternatives folded under it."""

    class Kind(models.TextChoices):
        EVIDENCE = "evidence", "Evidence"
        RESTATEMENT = "restatement", "Restated at a later round"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.EVIDENCE)
    rank = models.PositiveSmallIntegerField(
        default=0, help_text="0 for the commitment the passage most likely bears on; alternatives after it."
    )
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="suggestions")
    party = models.ForeignKey(Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    passage = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    score = models.FloatField()
    proposed_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    state = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    evidence = models.ForeignKey(Evidence, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    restated_by = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="For an accepted restatement: the later commitment that now has this one as predecessor.",
    )
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SuggestionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["article", "commitment", "start"], name="suggestion_once"),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "accepted", "rejected"]), name="suggestion_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(proposed_status="") | Q(proposed_status__in=Status.values),
                name="suggestion_status_valid",
            ),
            models.CheckConstraint(condition=Q(kind__in=["evidence", "restatement"]), name="suggestion_kind_valid"),
            # A restatement is lineage: it never proposes a status.
            models.CheckConstraint(
                condition=~Q(kind="restatement") | Q(proposed_status=""), name="suggestion_restatement_no_status"
            ),
        ]
        indexes = [
            # The evidence inbox: pending suggestions, best first.
            models.Index(fields=["-score"], condition=Q(state="pending"), name="suggestion_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.passage[:60]}"


# Archived copies of cited pages: the model and its verbs live in their own module.
from tracker.ingest.archive import ArchivedCopy  # noqa: E402, F401
