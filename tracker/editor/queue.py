"""An editor's queue: what needs them, in bounded lists with their full counts.

The workspace home shows it ("my queue") and the daily digest e-mails it (`editor/digest.py`), so
both say the same. Each section is one list query (at most `ROWS` rows, with what the template
shows joined in) and one COUNT, however long the section, and each links to its full list:

- deadlines due in the next `DUE_DAYS` days (open commitments, drafts included);
- overdue commitments not assessed since their deadline (open, deadline passed, and no
  assessment dated on or after it: "overdue" alone would say nothing about whether anyone looked);
- evidence suggestions waiting in the evidence inbox;
- failed imports;
- cited pages whose live copy changed or disappeared since they were cited (the archive's
  re-check, `ingest/archive.py`);
- second opinions: proposals by other editors waiting for one, and this editor's own proposals
  another editor disagreed with.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.urls import reverse

from tracker.commitments.models import Assessment, Commitment, ProposedAssessment
from tracker.ingest.archive import ArchivedCopy
from tracker.ingest.models import Article, Suggestion

ROWS = 10
DUE_DAYS = 30

# The `deadline` filter of the editor's commitment list (editor/filters.py) takes these keys.
DUE_SOON, OVERDUE_UNASSESSED = "due", "overdue"


def due_soon(commitments, today: datetime.date):
    return commitments.due_between(today, today + datetime.timedelta(days=DUE_DAYS)).order_by("deadline", "reference")


def overdue_unassessed(commitments, today: datetime.date):
    since = Assessment.objects.filter(commitment=OuterRef("pk"), as_of__gte=OuterRef("deadline"))
    return commitments.overdue(today).exclude(Exists(since)).order_by("deadline", "reference")


@dataclass
class Section:
    key: str
    title: str
    rows: list
    count: int
    url: str
    empty: str

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


@dataclass
class Queue:
    today: datetime.date
    sections: list[Section] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(section.count for section in self.sections)

    def __getitem__(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def _section(key, title, queryset, url, empty, rows=ROWS) -> Section:
    found = list(queryset[:rows])
    count = len(found) if len(found) < rows else queryset.order_by().count()
    return Section(key, title, found, count, url, empty)


def build(editor, today: datetime.date, rows: int = ROWS) -> Queue:
    """The queue of `editor` on `today`: at most `rows` rows per section, in a fixed number of
    queries (two per section at most, one when a section is shorter than `rows`)."""
    commitments = Commitment.objects.defer("quote", "notes", "search_vector")
    commitment_list = reverse("editor:commitment_list")
    proposals = ProposedAssessment.objects.select_related("commitment", "party", "proposed_by", "decided_by")
    second_opinions = reverse("editor:second_opinions")
    queue = Queue(today)
    queue.sections = [
        _section(
            "due",
            f"Deadlines in the next {DUE_DAYS} days",
            due_soon(commitments, today),
            f"{commitment_list}?deadline={DUE_SOON}",
            f"No open commitment is due in the next {DUE_DAYS} days.",
            rows,
        ),
        _section(
            "overdue",
            "Overdue, not assessed since the deadline",
            overdue_unassessed(commitments, today),
            f"{commitment_list}?deadline={OVERDUE_UNASSESSED}",
            "Every overdue commitment has been assessed since its deadline.",
            rows,
        ),
        _section(
            "agree",
            "Waiting for your second opinion",
            proposals.awaiting(editor).order_by("proposed_at", "pk"),
            second_opinions,
            "No other editor's assessment is waiting for a second opinion.",
            rows,
        ),
        _section(
            "disagreed",
            "Your proposals another editor disagreed with",
            proposals.disagreed().filter(proposed_by=editor).order_by("decided_at", "pk"),
            second_opinions,
            "No disagreement waits for you.",
            rows,
        ),
        _section(
            "evidence",
            "Evidence waiting",
            Suggestion.objects.pending()
            .select_related("commitment", "article")
            .defer(
                "commitment__quote", "commitment__search_vector", "article__raw", "article__text", "article__metadata"
            )
            .order_by("-created_at", "pk"),
            reverse("editor:evidence_inbox"),
            "No evidence suggestion is waiting.",
            rows,
        ),
        _section(
            "failed",
            "Failed imports",
            Article.objects.filter(state=Article.State.FAILED)
            .defer("raw", "text", "metadata")
            .order_by("-updated_at", "pk"),
            f"{reverse('editor:article_list')}?state={Article.State.FAILED}",
            "No import failed.",
            rows,
        ),
        _section(
            "archive",
            "Cited pages that changed or disappeared",
            ArchivedCopy.objects.needing_attention().order_by("-live_since", "pk"),
            reverse("editor:archive"),
            "Every re-checked page is as it was cited.",
            rows,
        ),
    ]
    return queue
