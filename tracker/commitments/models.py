"""The record: who committed to what, where, and how each commitment has fared since.

Reads are QuerySet methods (`Commitment.objects.published()`); changes that touch several rows go
through the verbs in `actions.py`. Assessments are append-only: see `Assessment`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tracker.commitments.status import CLOSED, ComplianceScore, Status, party_status

# --- Parties, dialogues, meetings, topics ------------------------------------------------------


class PartyQuerySet(models.QuerySet):
    def countries(self):
        return self.filter(kind=Party.Kind.COUNTRY)

    def organisations(self):
        return self.filter(kind=Party.Kind.ORGANISATION)

    def public(self, day: datetime.date | None = None):
        """Parties readers see: those with a published commitment (made by `day`, when given).
        Today, an EXISTS on the summary rows (`summaries`); on a past date, a LIMIT 1 probe on
        the (party, commitment) link index."""
        from tracker.commitments import summaries

        if day is None:
            return self.filter(summaries.party_has_published())
        links = Commitment.parties.through.objects.filter(
            party=models.OuterRef("pk"), commitment__is_published=True, commitment__made_on__lte=day
        )
        return _having(self, links)


def _having(rows, first):
    """`rows` for which `first` (correlated to them) finds a row: a LIMIT 1 subquery, an index
    probe that stops at the first hit (a plain EXISTS is planned as a hash join over every row)."""
    return rows.alias(first_found=models.Subquery(first.order_by().values("pk")[:1])).filter(first_found__isnull=False)


class DialogueQuerySet(models.QuerySet):
    def public(self, day: datetime.date | None = None):
        """Dialogues readers see: those with a published commitment (made by `day`, when given)."""
        from tracker.commitments import summaries

        if day is None:
            return self.filter(summaries.has_published("meeting__dialogue"))
        return _having(self, Meeting.objects.public(day).filter(dialogue=models.OuterRef("pk")))

    def with_public_counts(self, day: datetime.date | None = None):
        """`public(day)`, each with `commitment_count`: its published commitments (made by `day`).
        Today, one GROUP BY over the summary rows when the dialogues are fetched (a correlated
        sum per dialogue was planned as a scan of every summary row per dialogue); on a past
        date, a count per dialogue over its commitments."""
        if day is None:
            clone = self.public()
            clone._public_counts = True
            return clone
        made = Commitment.objects.published().made_by(day).filter(meeting__dialogue=models.OuterRef("pk"))
        count = made.order_by().values("meeting__dialogue").annotate(total=models.Count("pk")).values("total")
        return self.public(day).annotate(commitment_count=models.Subquery(count))

    _public_counts = False

    def _clone(self):
        clone = super()._clone()
        clone._public_counts = self._public_counts
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if self._public_counts and not fetched and self._iterable_class is models.query.ModelIterable:
            from tracker.commitments import summaries

            counts = summaries.commitments_per_dialogue()
            for dialogue in self._result_cache:
                dialogue.commitment_count = counts.get(dialogue.pk, 0)


class MeetingQuerySet(models.QuerySet):
    def public(self, day: datetime.date | None = None):
        """Meetings readers see: those with a published commitment; with `day`, held by then and
        with a published commitment made by then."""
        from tracker.commitments import summaries

        if day is None:
            return self.filter(summaries.has_published("meeting"))
        first = Commitment.objects.published().made_by(day).filter(meeting=models.OuterRef("pk"))
        return _having(self.filter(date__lte=day), first)

    def of_public_dialogues(self, day: datetime.date | None = None):
        """Every meeting of a dialogue readers see (rounds without commitments included)."""
        meetings = self.filter(dialogue__in=Dialogue.objects.public(day).values("pk"))
        return meetings.filter(date__lte=day) if day is not None else meetings


class Party(models.Model):
    """A government or organisation that can commit."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=120, unique=True, help_text="Common short English name, e.g. China.")
    short_name = models.CharField(max_length=80, blank=True, help_text="For tight spaces, e.g. US.")
    code = models.SlugField(
        max_length=20, unique=True, help_text="ISO 3166 alpha-2 code for countries (lower case); a slug for others."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNTRY)
    iso_alpha3 = models.CharField("ISO alpha-3", max_length=3, blank=True)
    official_name = models.CharField(max_length=200, blank=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names that refer to this party in texts: demonyms, capitals, abbreviations.",
    )
    members = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="memberships", help_text="For organisations."
    )

    objects = PartyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["country", "organisation"]), name="party_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:party_detail", args=[self.code])

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Dialogue(models.Model):
    """A standing mechanism, e.g. the U.S.–China Law Enforcement and Cybersecurity Dialogue."""

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        SUSPENDED = "suspended", "Suspended"
        ENDED = "ended", "Ended"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    reference_prefix = models.CharField(
        max_length=12,
        unique=True,
        help_text="Upper-case prefix of the references of its commitments, e.g. LECD (LECD-2017-03).",
    )
    description = models.TextField(blank=True)
    parties = models.ManyToManyField(Party, related_name="dialogues")
    state = models.CharField(
        max_length=20,
        choices=State.choices,
        default=State.ACTIVE,
        help_text="Whether the mechanism keeps meeting is itself tracked.",
    )
    state_note = models.CharField(max_length=300, blank=True)
    established_on = models.DateField(null=True, blank=True)
    requires_second_opinion = models.BooleanField(
        default=False,
        help_text="An assessment of its commitments is published only once a second editor agrees (second_opinion.py).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DialogueQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["active", "suspended", "ended"]), name="dialogue_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(reference_prefix__regex=r"^[A-Z][A-Z0-9]*$"), name="dialogue_reference_prefix_upper"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:dialogue_detail", args=[self.slug])


class Meeting(models.Model):
    """One round or event of a dialogue, or the issuance of a standalone joint statement."""

    class Kind(models.TextChoices):
        ROUND = "round", "Dialogue round"
        SUMMIT = "summit", "Summit or leaders' meeting"
        CALL = "call", "Call or virtual meeting"
        WORKING_GROUP = "working_group", "Working-group meeting"
        JOINT_STATEMENT = "joint_statement", "Joint statement"

    dialogue = models.ForeignKey(Dialogue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings")
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ROUND)
    date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    co_chairs = models.TextField(blank=True, help_text="One per line, with their office.")
    parties = models.ManyToManyField(Party, related_name="meetings")
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["round", "summit", "call", "working_group", "joint_statement"]),
                name="meeting_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="meeting_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d %B %Y})"

    def get_absolute_url(self) -> str:
        if self.dialogue_id:
            return reverse("public:dialogue_detail", args=[self.dialogue.slug]) + f"#meeting-{self.slug}"
        return reverse("public:commitment_list") + f"?meeting={self.slug}"

    @property
    def reference_prefix(self) -> str:
        return self.dialogue.reference_prefix if self.dialogue_id else "CT"

    @property
    def co_chair_list(self) -> list[str]:
        return [line.strip() for line in self.co_chairs.splitlines() if line.strip()]


class Topic(models.Model):
    """One entry of the fixed, editable topic list; keywords feed the pipeline's topic lexicon."""

    key = models.CharField(max_length=40, unique=True, help_text="Stable key, e.g. repatriation/fugitives.")
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    keywords = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


# --- Commitments -------------------------------------------------------------------------------


class CommitmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def drafts(self):
        return self.filter(is_published=False)

    def open(self):
        return self.exclude(current_status__in=CLOSED)

    def overdue(self, today: datetime.date):
        return self.open().filter(deadline__lt=today)

    def due_between(self, start: datetime.date, end: datetime.date):
        return self.open().filter(deadline__gte=start, deadline__lte=end)

    def for_party(self, party):
        return self.filter(parties=party)

    def made_by(self, day: datetime.date):
        """Commitments already made on `day` (the as-of views hide later ones)."""
        return self.filter(made_on__lte=day)

    def with_shown_status(self, day: datetime.date | None = None, party=None):
        """Annotate `status_on_day`, `status_on_day_as_of` and `status_on_day_is_demonstration`:
        the headline as of `day`, or the current one (the denormalised columns); with `party`,
        that party's own status instead. What every public list, count, feed and export shows."""
        if party is not None:
            return self.with_party_status_now(party) if day is None else self.with_party_status_on(party, day)
        if day is None:
            return self.annotate(
                status_on_day=F("current_status"),
                status_on_day_as_of=F("current_status_as_of"),
                status_on_day_is_demonstration=F("current_status_is_demonstration"),
            )
        return self.with_status_on(day)

    def with_status_on(self, day: datetime.date):
        """Annotate `status_on_day`, `status_on_day_as_of` and `status_on_day_is_demonstration`:
        the headline as it stood on `day` (the rule of `status.headline`, stored as steps by
        `actions.record_assessment`), in SQL so that lists can filter, count and sort on it. One
        correlated subquery per column, no extra query."""
        step = StatusStep.objects.filter(commitment=models.OuterRef("pk"), since__lte=day).order_by("-since")
        return self.annotate(
            status_on_day=models.functions.Coalesce(
                models.Subquery(step.values("status")[:1]), models.Value(Status.NOT_ASSESSED.value)
            ),
            status_on_day_as_of=models.Subquery(step.values("since")[:1]),
            status_on_day_is_demonstration=models.functions.Coalesce(
                models.Subquery(step.values("is_demonstration")[:1]), models.Value(False)
            ),
        )

    def with_party_status_on(self, party, day: datetime.date):
        """The same three annotations, for one party's status (the rule of `status.party_status`):
        its own lane's latest assessment, else the whole's; for a one-party commitment, the
        headline. The list's party filter reads these, so "status" means that party's status."""
        log = Assessment.objects.filter(commitment=models.OuterRef("pk"), as_of__lte=day).effective().latest_first()
        own, whole = log.lane(party), log.lane(None)
        step = StatusStep.objects.filter(commitment=models.OuterRef("pk"), since__lte=day).order_by("-since")
        others = Commitment.parties.through.objects.filter(commitment=models.OuterRef("pk")).exclude(party=party)
        one_party = ~models.Exists(others)

        def pick(column, step_column, default=None):
            value = models.Case(
                models.When(one_party, then=models.Subquery(step.values(step_column)[:1])),
                default=models.functions.Coalesce(
                    models.Subquery(own.values(column)[:1]), models.Subquery(whole.values(column)[:1])
                ),
            )
            return value if default is None else models.functions.Coalesce(value, models.Value(default))

        return self.annotate(
            status_on_day=pick("status", "status", Status.NOT_ASSESSED.value),
            status_on_day_as_of=pick("as_of", "since"),
            status_on_day_is_demonstration=pick("is_demonstration", "is_demonstration", False),
        )

    def with_party_status_now(self, party):
        """`with_party_status_on(party, today)` read from the `PartyStatus` projection: one join on
        its (commitment, party) key instead of replaying the log per row."""
        own = models.FilteredRelation("party_statuses", condition=Q(party_statuses__party=party))
        return self.annotate(own_status=own).annotate(
            status_on_day=models.functions.Coalesce(F("own_status__status"), models.Value(Status.NOT_ASSESSED.value)),
            status_on_day_as_of=F("own_status__as_of"),
            status_on_day_is_demonstration=models.functions.Coalesce(
                F("own_status__is_demonstration"), models.Value(False)
            ),
        )

    def search(self, query: str):
        """Full-text search over title and quote: ranked on PostgreSQL, a plain match elsewhere."""
        from django.db import connection

        query = (query or "").strip()
        if not query:
            return self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery

            return self.filter(search_vector=SearchQuery(query, config="english", search_type="websearch"))
        condition = Q()
        for word in query.split():
            condition &= Q(title__icontains=word) | Q(quote__icontains=word) | Q(reference__iexact=word)
        return self.filter(condition)

    def with_related(self):
        """Everything list pages and exports show, in a fixed number of queries."""
        return self.select_related("meeting__dialogue").prefetch_related("parties", "topics")

    def with_row_labels(self):
        """`with_related` for the rows of a page: the parties and topics as plain lists
        (`party_list`, `topic_list`), which spares a related manager and its queryset per row
        (half the cost of the two prefetches)."""
        return self.select_related("meeting__dialogue").prefetch_related(
            models.Prefetch("parties", to_attr="party_list"), models.Prefetch("topics", to_attr="topic_list")
        )


class Commitment(models.Model):
    """One atomic, verifiable, future-oriented undertaking."""

    class Strength(models.TextChoices):
        FIRM = "firm", "Firm"
        INTENT = "intent", "Intent"
        HEDGED = "hedged", "Hedged"

    class Granularity(models.TextChoices):
        DAY = "day", "Exact day"
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        HALF = "half", "Half year"
        YEAR = "year", "Year"
        VAGUE = "vague", "Vague"

    reference = models.CharField(max_length=30, unique=True, help_text="Stable reference, e.g. LECD-2017-03.")
    title = models.CharField(max_length=250)
    quote = models.TextField(help_text="The exact words of the source.")
    source_article = models.ForeignKey(
        "ingest.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments"
    )
    source_url = models.URLField(max_length=2000, blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="commitments")
    parties = models.ManyToManyField(Party, related_name="commitments")
    topics = models.ManyToManyField(Topic, related_name="commitments", help_text="Most relevant first in texts.")
    strength = models.CharField(max_length=10, choices=Strength.choices, default=Strength.FIRM)
    deadline = models.DateField(null=True, blank=True)
    deadline_text = models.CharField(max_length=200, blank=True, help_text="The phrase as written.")
    deadline_granularity = models.CharField(max_length=10, choices=Granularity.choices, blank=True)
    made_on = models.DateField(help_text="When the commitment was made (usually the meeting's date).")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="sub_commitments")
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
        help_text="The same pledge made at an earlier round.",
    )
    notes = models.TextField(blank=True, help_text="Editors' notes, shown on the public page.")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    # Denormalised from the assessment log; written only by actions.record_assessment.
    current_status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_ASSESSED)
    current_status_as_of = models.DateField(null=True, blank=True)
    current_status_is_demonstration = models.BooleanField(
        default=False, help_text="The current status rests on demonstration assessments."
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Maintained by a database trigger on PostgreSQL (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[parties, topics], excluded_fields=["search_vector"])

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(current_status__in=Status.values), name="commitment_current_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(strength__in=["firm", "intent", "hedged"]), name="commitment_strength_valid"
            ),
            models.CheckConstraint(
                condition=Q(deadline_granularity__in=["", "day", "month", "quarter", "half", "year", "vague"]),
                name="commitment_granularity_valid",
            ),
            models.CheckConstraint(
                condition=Q(quote_start__isnull=True) | Q(quote_end__gte=models.F("quote_start")),
                name="commitment_quote_offsets_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")) & ~Q(predecessor=models.F("id")),
                name="commitment_not_its_own_parent",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="commitment_published_has_date",
            ),
        ]
        indexes = [
            # The public list: published commitments by status, and the due/overdue panels.
            models.Index(fields=["is_published", "current_status"], name="commitment_pub_status_idx"),
            models.Index(fields=["is_published", "deadline"], name="commitment_pub_deadline_idx"),
            models.Index(fields=["is_published", "made_on"], name="commitment_pub_made_idx"),
            models.Index(fields=["is_published", "status_changed_at"], name="commitment_pub_changed_idx"),
            # Party and dialogue pages: the latest commitments made, walked newest first.
            models.Index(fields=["made_on", "reference"], name="commitment_made_reference_idx"),
            # Exports (public/exports.py `_row_chunks`): the next chunk of a filtered export in
            # reference order, read from the index alone (meeting: the dialogue filter; made_on: as_of).
            models.Index(
                fields=["reference"],
                include=["id", "meeting", "made_on"],
                condition=Q(is_published=True),
                name="commitment_pub_ref_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("public:commitment_detail", args=[self.reference])

    # Derived reads: all from the one assessment log.

    def effective_assessments(self):
        return self.assessments.effective()

    def history_log(self):
        """Every assessment, corrections and the rows they replace included, oldest first."""
        return self.assessments.chronological().select_related("party", "author", "supersedes")

    def status_on(self, day: datetime.date, party=None) -> str:
        """The headline status (`status.headline`) as it stood on `day`; with `party`, the latest
        assessment of that party's own lane (not inherited)."""
        if party is None:
            step = self.status_steps.filter(since__lte=day).order_by("-since").first()
            return step.status if step else Status.NOT_ASSESSED
        assessment = self.assessments.effective().lane(party).as_of(day).latest_first().first()
        return assessment.status if assessment else Status.NOT_ASSESSED

    def current_status_by_party(self, day: datetime.date | None = None) -> dict:
        """{party: status} for each committing party, as of `day` (today by default)."""
        day = day or timezone.localdate()
        latest = self.assessments.effective().as_of(day).latest_per_lane()
        by_party = {a.party_id: a.status for a in latest if a.party_id}
        return {party: by_party.get(party.pk, Status.NOT_ASSESSED) for party in self.parties.all()}

    def deadline_state(self, today: datetime.date | None = None) -> tuple[str, int] | None:
        """("due", days) / ("overdue", days) / ("met_late", days) / ("met", days) or None."""
        if not self.deadline:
            return None
        today = today or timezone.localdate()
        if self.current_status == Status.FULFILLED and self.current_status_as_of:
            late = (self.current_status_as_of - self.deadline).days
            return ("met_late", late) if late > 0 else ("met", -late)
        if self.current_status in CLOSED:
            return None
        days = (self.deadline - today).days
        return ("due", days) if days >= 0 else ("overdue", -days)


class CommitmentSource(models.Model):
    """A document in which the commitment was stated: its first source, or another side's readout."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(
        "ingest.Article", on_delete=models.PROTECT, null=True, blank=True, related_name="commitment_sources"
    )
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    issuing_party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    quote = models.TextField(blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "article"],
                condition=Q(article__isnull=False),
                name="commitment_source_article_once",
            ),
            models.CheckConstraint(
                condition=Q(article__isnull=False) | ~Q(url=""), name="commitment_source_has_article_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.article_id}"


class StatusStep(models.Model):
    """The headline status of a commitment from `since` on, derived from the assessment log by
    `status.headline_steps`: what lists filter, count and sort on, now and on past dates.

    Derived, not a record: `actions.record_assessment` rewrites a commitment's steps each time it
    records an assessment (corrections and back-dated entries change the past), and nothing else
    writes them. The log stays the one source of truth."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="status_steps")
    since = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices)
    is_demonstration = models.BooleanField(default=False)

    class Meta:
        ordering = ["commitment", "since"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "since"], name="status_step_once_a_day"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="status_step_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.status} from {self.since}"


class PartyStatus(models.Model):
    """Each committing party's own status on a commitment today (the rule of `status.party_status`:
    its own lane's latest effective assessment, else the whole's; for a one-party commitment, the
    headline), derived from the assessment log like `StatusStep`: what the scorecards of the
    dashboard, party and dialogue pages and the list's party filter count with an index today.

    One row per (commitment, party) link, "not yet assessed" included. Derived, not a record:
    `actions.record_assessment` (through `party_status.refresh`) rewrites a commitment's rows each
    time it records an assessment, a change of its parties does (`_parties_changed` below), and
    nothing else writes them but the rebuild (`manage.py rebuild_party_statuses`) and the data
    generator. Past dates are read from the log itself."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="party_statuses")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices)
    as_of = models.DateField(null=True, blank=True)
    is_demonstration = models.BooleanField(default=False)
    inherited = models.BooleanField(default=False, help_text="No assessment of its own: the whole's status.")
    # Copied from the commitment (kept by `_commitment_saved` and `_meeting_saved` below), so that
    # the counts of a party, a dialogue or the whole tracker are one range of an index.
    is_published = models.BooleanField(default=False)
    dialogue = models.ForeignKey(Dialogue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commitment", "party"], name="party_status_once"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="party_status_status_valid"),
        ]
        indexes = [
            models.Index(
                fields=["is_published", "party", "status", "is_demonstration"], name="party_status_by_party_idx"
            ),
            models.Index(
                fields=["dialogue", "is_published", "party", "status", "is_demonstration"],
                name="party_status_by_dialogue_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}/{self.party_id}: {self.status}"


class StatusTally(models.Model):
    """How many published commitments of a meeting stand at each headline status today: the
    counts of the dashboard, `/dialogues/`, a dialogue page and the list's total, summed over a few
    thousand rows instead of counting 200,000 commitments on every page.

    Derived, not a record (like `PartyStatus`): `summaries.recount` rewrites a meeting's rows in
    the transaction that changes one of its commitments' status, publication, parties or meeting;
    `summaries.rebuild` (`manage.py rebuild_summaries`) rewrites them all; checked against the
    commitments and the log by tests/test_summary_counts_match_the_record.py. Past dates
    (`?as_of=`) are counted from the log instead."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices)
    is_demonstration = models.BooleanField(default=False)
    n = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "status", "is_demonstration"], name="status_tally_once"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="status_tally_status_valid"),
        ]

    def __str__(self) -> str:
        return f"meeting {self.meeting_id}: {self.n} {self.status}"


class PartyTally(models.Model):
    """How many published commitments of a meeting each committing party stands at each status
    today (its `PartyStatus`): the scorecards of the dashboard, `/parties/`, a party and a
    dialogue. Kept with `StatusTally`, by the same recount."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices)
    is_demonstration = models.BooleanField(default=False)
    n = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["party", "meeting", "status", "is_demonstration"], name="party_tally_once"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="party_tally_status_valid"),
        ]
        indexes = [
            # The scorecards of one dialogue: its meetings' rows.
            models.Index(fields=["meeting", "party"], name="party_tally_meeting_idx"),
        ]

    def __str__(self) -> str:
        return f"party {self.party_id}, meeting {self.meeting_id}: {self.n} {self.status}"


class DeadlineTally(models.Model):
    """How many open (not closed) published commitments of a meeting fall due on each deadline:
    the dashboard's overdue count is the sum of the rows before today. Kept with `StatusTally`."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField()
    n = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "deadline"], name="deadline_tally_once"),
        ]
        indexes = [
            # "Overdue today": the rows before today's date.
            models.Index(fields=["deadline"], name="deadline_tally_deadline_idx"),
        ]

    def __str__(self) -> str:
        return f"meeting {self.meeting_id}: {self.n} due {self.deadline}"


# --- Evidence and assessments ------------------------------------------------------------------


class Evidence(models.Model):
    """A cited source for an assessment, archived when it came through the pipeline."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", "Official statement of a party"
        DATA = "data", "Third-party data"
        MEDIA = "media", "Media report"

    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    passage = models.TextField(blank=True, help_text="The quoted passage that bears on the commitment.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MEDIA)
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="For official statements."
    )
    article = models.ForeignKey(
        "ingest.Article",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
        help_text="The archived copy, with its content hash.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["official", "data", "media"]), name="evidence_kind_valid"),
            models.CheckConstraint(condition=Q(article__isnull=False) | ~Q(url=""), name="evidence_has_article_or_url"),
        ]

    def __str__(self) -> str:
        return self.title


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove a row of the append-only assessment log."""


class AssessmentQuerySet(models.QuerySet):
    # The log is append-only: bulk updates and deletes are refused here, and by the database.
    def update(self, **kwargs):
        raise AppendOnlyError("Assessments are never edited; record a correction instead.")

    def delete(self):
        raise AppendOnlyError("Assessments are never deleted; record a correction instead.")

    def public(self):
        return self.filter(commitment__is_published=True)

    def effective(self):
        """Assessments no correction has replaced: a NOT EXISTS probe on the `supersedes` index
        (the LEFT JOIN of `superseded_by__isnull` was misestimated at scale into a nested loop)."""
        return self.filter(~models.Exists(Assessment.objects.filter(supersedes=models.OuterRef("pk"))))

    def lane(self, party=None):
        """The whole commitment's lane (party=None) or one party's."""
        return self.filter(party__isnull=True) if party is None else self.filter(party=party)

    def as_of(self, day: datetime.date):
        """What was true on `day`: assessments whose `as_of` is later are invisible."""
        return self.filter(as_of__lte=day)

    def latest_first(self):
        return self.order_by("-as_of", "-recorded_at", "-id")

    def chronological(self):
        return self.order_by("as_of", "recorded_at", "id")

    def latest_per_lane(self) -> list[Assessment]:
        """The latest assessment of each (commitment, party) lane, in Python over one query."""
        latest: dict = {}
        for assessment in self.latest_first():
            latest.setdefault((assessment.commitment_id, assessment.party_id), assessment)
        return list(latest.values())


class Assessment(models.Model):
    """An append-only, dated status event for a commitment as a whole (party empty) or one party.

    Never edited or deleted: a correction is a new row whose `supersedes` names the row it replaces.
    `actions.record_assessment` is the only writer; the database refuses updates (and, on
    PostgreSQL, deletes) with a trigger, see migration 0002.
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="assessments")
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        help_text="Empty: the commitment as a whole. Set: that side's compliance.",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    as_of = models.DateField(help_text="When it became true in the world.")
    recorded_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded here.")
    rationale = models.TextField()
    evidence = models.ManyToManyField(Evidence, through="AssessmentEvidence", related_name="assessments", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="assessments"
    )
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    correction_reason = models.TextField(blank=True)
    is_demonstration = models.BooleanField(
        default=False, help_text="Demonstration data, not a real assessment; shown as such."
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["as_of", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="assessment_status_valid"),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | ~Q(correction_reason=""),
                name="assessment_correction_has_reason",
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="assessment_has_rationale"),
        ]
        indexes = [
            # Status on a date: the latest row of a lane with as_of <= the date.
            models.Index(fields=["commitment", "party", "as_of", "recorded_at"], name="assessment_lane_idx"),
            # Feeds and "recently changed": newest first.
            models.Index(fields=["-recorded_at"], name="assessment_recorded_idx"),
            # The dashboard's latest changes on a date: the log walked newest first (as_of order).
            models.Index(fields=["as_of", "recorded_at", "id"], name="assessment_as_of_order_idx"),
        ]

    def __str__(self) -> str:
        lane = self.party.name if self.party_id else "overall"
        return f"{self.commitment_id} {lane}: {self.get_status_display()} as of {self.as_of}"

    def save(self, *args, **kwargs):
        # A guard, not logic: the one place an accidental edit through the ORM would pass.
        if not self._state.adding:
            raise AppendOnlyError("Assessments are never edited; record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Assessments are never deleted; record a correction instead.")

    @property
    def is_correction(self) -> bool:
        return self.supersedes_id is not None


class AssessmentEvidence(models.Model):
    """Which evidence an assessment cites; as append-only as the assessment itself."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="+")
    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "evidence"], name="assessment_evidence_once"),
        ]

    def __str__(self) -> str:
        return f"Assessment {self.assessment_id} cites evidence {self.evidence_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The evidence of an assessment is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The evidence of an assessment is never removed.")


def compliance_by_party(commitments, day: datetime.date | None = None) -> dict:
    """{party: ComplianceScore} over `commitments`, each party scored on its own status.

    A party's status on a commitment follows `status.party_status`: its own lane's latest
    assessment, or, where that side has not been assessed separately, the whole commitment's (for
    a one-party commitment, the headline). Two queries, whatever the number of rows.
    """
    day = day or timezone.localdate()
    commitments = list(commitments.prefetch_related("parties"))
    ids = [c.pk for c in commitments]
    latest = Assessment.objects.filter(commitment_id__in=ids).effective().as_of(day).latest_per_lane()
    by_commitment = defaultdict(list)
    for assessment in latest:
        by_commitment[assessment.commitment_id].append(assessment)
    statuses = defaultdict(list)
    for commitment in commitments:
        parties = list(commitment.parties.all())
        party_ids = [p.pk for p in parties]
        for party in parties:
            result, _ = party_status(by_commitment[commitment.pk], party.pk, party_ids)
            statuses[party].append(result.status)
    return {party: ComplianceScore(values) for party, values in sorted(statuses.items(), key=lambda kv: kv[0].name)}


# --- Accounts of one meeting -------------------------------------------------------------------


class AlignmentQuerySet(models.QuerySet):
    def proposed(self):
        return self.filter(state=Alignment.State.PROPOSED)

    def confirmed(self):
        return self.filter(state=Alignment.State.CONFIRMED)

    def public(self):
        """What readers see: confirmed alignments of published commitments."""
        return self.confirmed().filter(commitment__is_published=True)

    def with_accounts(self):
        return self.select_related(
            "meeting", "commitment", "candidate_a__article__issuing_party", "candidate_b__article__issuing_party"
        )


class Alignment(models.Model):
    """Two accounts of one meeting report the same pledge: a commitment of account A (one side's
    readout) paired with one of account B (the other side's). Proposed by the pipeline when the
    second account arrives (`ingest.alignments`), decided by an editor; once confirmed it ties
    both to the one tracked commitment, which then has both readouts as sources."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Relation(models.TextChoices):
        SAME = "same", "Same pledge"
        A_STRONGER = "a_stronger", "Account A words it more firmly"
        B_STRONGER = "b_stronger", "Account B words it more firmly"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="alignments")
    candidate_a = models.ForeignKey("ingest.Candidate", on_delete=models.CASCADE, related_name="+")
    candidate_b = models.ForeignKey("ingest.Candidate", on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=12, choices=Relation.choices, default=Relation.SAME)
    score = models.FloatField(default=0.0)
    shared = models.JSONField(default=list, blank=True, help_text="What both wordings name, most specific first.")
    cues_a = models.JSONField(default=list, blank=True, help_text="The words carrying account A's strength.")
    cues_b = models.JSONField(default=list, blank=True, help_text="The words carrying account B's strength.")
    diff = models.JSONField(default=list, blank=True, help_text="Same-language accounts: the word-level difference.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alignments",
        help_text="The one tracked commitment both accounts state (set on confirmation).",
    )
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AlignmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "candidate_a__start", "candidate_b__start"]
        constraints = [
            # Re-running the proposal step on an account proposes each pair once.
            models.UniqueConstraint(fields=["candidate_a", "candidate_b"], name="alignment_pair_once"),
            models.CheckConstraint(condition=~Q(candidate_a=models.F("candidate_b")), name="alignment_two_candidates"),
            models.CheckConstraint(
                condition=Q(state__in=["proposed", "confirmed", "rejected"]), name="alignment_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(relation__in=["same", "a_stronger", "b_stronger"]), name="alignment_relation_valid"
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(rejection_reason=""), name="alignment_rejection_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(state="confirmed") | Q(commitment__isnull=False), name="alignment_confirmed_has_commitment"
            ),
        ]
        indexes = [
            # The editor's alignment queue of a meeting: proposed pairs.
            models.Index(fields=["meeting"], condition=Q(state="proposed"), name="alignment_proposed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting.slug}: {self.candidate_a_id} ~ {self.candidate_b_id} ({self.state})"


@receiver(m2m_changed, sender=Commitment.parties.through)
def _parties_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Keep `PartyStatus` one row per link when a commitment's parties change, however changed,
    and the summary rows of the meetings concerned (`summaries`)."""
    from tracker.commitments import party_status, summaries

    if action == "pre_clear" and reverse:
        instance._cleared_commitments = list(instance.commitments.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        changed = [instance.pk]
    elif action == "post_clear":
        changed = getattr(instance, "_cleared_commitments", [])
    else:
        changed = sorted(pk_set or ())
    party_status.refresh(changed)
    summaries.recount_commitments(changed)


@receiver(pre_save, sender=Commitment)
def _commitment_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember the meeting a commitment leaves, whose summary rows must be recounted too."""
    if raw or instance._state.adding or (update_fields is not None and "meeting" not in update_fields):
        return
    instance._meeting_before_save = (
        Commitment.objects.filter(pk=instance.pk).values_list("meeting_id", flat=True).first()
    )


@receiver(post_save, sender=Commitment)
def _commitment_saved(sender, instance, created, raw=False, **kwargs):
    """Keep the copies `PartyStatus` holds of a commitment's publication and dialogue, and the
    summary rows of its meeting (and of the meeting it left)."""
    from tracker.commitments import summaries

    if raw:
        return
    if not created:
        dialogue_id = Meeting.objects.filter(pk=instance.meeting_id).values_list("dialogue_id", flat=True).first()
        PartyStatus.objects.filter(commitment=instance).exclude(
            is_published=instance.is_published, dialogue_id=dialogue_id
        ).update(is_published=instance.is_published, dialogue_id=dialogue_id)
    summaries.recount([instance.meeting_id, getattr(instance, "_meeting_before_save", None)])
    instance._meeting_before_save = None


@receiver(post_delete, sender=Commitment)
def _commitment_deleted(sender, instance, **kwargs):
    from tracker.commitments import summaries

    summaries.recount([instance.meeting_id])


@receiver(post_save, sender=Meeting)
def _meeting_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created:
        return
    PartyStatus.objects.filter(commitment__meeting=instance).exclude(dialogue_id=instance.dialogue_id).update(
        dialogue_id=instance.dialogue_id
    )


# --- Second opinion ----------------------------------------------------------------------------


class ProposedAssessmentQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ProposedAssessment.State.PENDING)

    def disagreed(self):
        return self.filter(state=ProposedAssessment.State.DISAGREED)

    def open(self) -> ProposedAssessmentQuerySet:
        """Waiting for someone: a second editor's decision, or the proposer's after a disagreement."""
        return self.filter(state__in=[ProposedAssessment.State.PENDING, ProposedAssessment.State.DISAGREED])

    def awaiting(self, editor):
        """Proposals another editor made that `editor` may agree with or disagree with."""
        return self.pending().exclude(proposed_by=editor)


class ProposedAssessment(models.Model):
    """An assessment of a commitment of a dialogue that requires two editors, waiting for the
    second editor's agreement. Not part of the record: nothing public reads this table, and the
    assessment is written (through `actions.record_assessment`, with the proposer as its author)
    only when a different editor agrees. The verbs of `second_opinion.py` are the only writers."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for a second opinion"
        AGREED = "agreed", "Agreed and recorded"
        DISAGREED = "disagreed", "Disagreed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="proposed_assessments")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices)
    as_of = models.DateField()
    rationale = models.TextField()
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="+")
    supersedes = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="For a correction."
    )
    correction_reason = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    disagreement = models.TextField(blank=True, help_text="The second editor's reason for disagreeing.")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, null=True, blank=True, related_name="second_opinion"
    )

    objects = ProposedAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["pending", "agreed", "disagreed", "withdrawn"]),
                name="proposed_assessment_state_valid",
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="proposed_assessment_status_valid"),
            models.CheckConstraint(condition=~Q(rationale=""), name="proposed_assessment_has_rationale"),
            # The rule itself: the second opinion is another editor's.
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")),
                name="proposed_assessment_second_editor",
            ),
            models.CheckConstraint(
                condition=~Q(state="agreed") | (Q(assessment__isnull=False) & Q(decided_by__isnull=False)),
                name="proposed_assessment_agreed_is_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(state="disagreed") | (~Q(disagreement="") & Q(decided_by__isnull=False)),
                name="proposed_assessment_disagreement_has_reason",
            ),
        ]
        indexes = [
            # The second-opinion page and the queue: the open proposals, oldest first.
            models.Index(
                fields=["state", "proposed_at"],
                condition=Q(state__in=["pending", "disagreed"]),
                name="proposed_assessment_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.get_status_display()} as of {self.as_of} ({self.state})"
