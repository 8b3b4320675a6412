"""The public meeting page: the meeting's accounts side by side (`/meetings/<slug>/`).

What both accounts report (the same pledge, or one side wording it more firmly, with the cue
words), what only one reports, and the subjects one side raises and the other leaves out. Pairs
come only from alignments an editor confirmed (`Alignment.objects.public()`), and only published
commitments appear. With `?as_of=` the page shows what was confirmed and made by that date. The
same comparison is served as CSV, JSON and by the read API (`comparison_json`).
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from urllib.parse import quote

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from tracker.commitments.models import Alignment, Commitment, CommitmentSource, Meeting
from tracker.extraction.align import omitted_topics
from tracker.ingest.models import Article
from tracker.public.asof import view_date
from tracker.public.caching import public_page
from tracker.public.citation import cite


@dataclass
class Side:
    """One account: the issuing side's readout, in its language."""

    article: Article
    label: str
    language: str
    commitments: list = field(default_factory=list)


@dataclass
class Row:
    """One line of the aligned table: a commitment quoted as each account words it."""

    kind: str  # both | only_a | only_b
    commitment: Commitment
    quote_a: str = ""
    quote_b: str = ""
    link_a: str = ""
    link_b: str = ""
    relation: str = ""
    relation_label: str = ""
    cues_a: list = field(default_factory=list)
    cues_b: list = field(default_factory=list)
    diff: list = field(default_factory=list)  # same-language accounts: [(op, words), ...]


@dataclass
class Comparison:
    meeting: Meeting
    day: datetime.date
    a: Side | None
    b: Side | None
    both: list[Row]
    only_a: list[Row]
    only_b: list[Row]
    topics_only_a: list[str]
    topics_only_b: list[str]

    @property
    def summary(self) -> str:
        if not (self.a and self.b):
            return ""
        count_a = len(self.a.commitments)
        count_b = len(self.b.commitments)
        both = len({row.commitment.pk for row in self.both})
        first = possessive(self.a.label)
        return (
            f"{first[:1].upper()}{first[1:]} account records {count_a} outcome{'s' if count_a != 1 else ''}, "
            f"{possessive(self.b.label)} {count_b}; {both} appear{'s' if both == 1 else ''} in both."
        )


def possessive(name: str) -> str:
    """United States -> the United States', China -> China's."""
    prefix = "the " if name.lower().startswith(("united ", "european ")) else ""
    return prefix + (name + "'" if name.endswith("s") else name + "'s")


_LANGUAGES = {"en": "English", "zh": "Chinese"}


def language_name(code: str) -> str:
    return _LANGUAGES.get((code or "")[:2], code or "unknown language")


def source_link(source: CommitmentSource | None) -> str:
    """The source's address, pointed at the quoted words where the browser supports it."""
    if source is None:
        return ""
    url = source.url or (source.article.display_url if source.article_id else "")
    if not url.startswith(("http://", "https://")):
        return ""
    words = " ".join((source.quote or "").split()[:8]) if source.quote else ""
    if not words:
        return url
    return f"{url}#:~:text={quote(words, safe='')}"


def _accounts(meeting: Meeting, alignments: list[Alignment]) -> tuple[Article | None, Article | None]:
    """Side A and side B: as the alignments orient them, else the first two sides' readouts."""
    if alignments:
        return alignments[0].candidate_a.article, alignments[0].candidate_b.article
    articles = list(
        Article.objects.filter(meeting=meeting, issuing_party__isnull=False, state=Article.State.ANALYSED)
        .select_related("issuing_party")
        .order_by("created_at", "pk")
    )
    first = articles[0] if articles else None
    second = next((a for a in articles if first and a.issuing_party_id != first.issuing_party_id), None)
    return first, second


def compare(meeting: Meeting, day: datetime.date, historical: bool = False) -> Comparison:
    """The two accounts of `meeting` side by side. Only the commitments the accounts quote (by a
    source of either readout, or a confirmed alignment) are loaded: a meeting may have made
    thousands, and loading them all to pick the quoted ones took seconds at 200,000."""
    published = Commitment.objects.published().filter(meeting=meeting)
    if historical:
        published = published.made_by(day)
    alignments = list(
        Alignment.objects.public()
        .filter(meeting=meeting, commitment__in=published.values("pk"))
        .filter(reviewed_at__date__lte=day)
        .select_related("candidate_a__article__issuing_party", "candidate_b__article__issuing_party")
        .order_by("candidate_a__start", "candidate_b__start")
    )
    article_a, article_b = _accounts(meeting, alignments)
    sources: dict[tuple, CommitmentSource] = {}
    articles = [article.pk for article in (article_a, article_b) if article is not None]
    recorded = CommitmentSource.objects.filter(commitment__in=published.values("pk"), article__in=articles)
    if historical:  # a source attached later (the other side's readout, confirmed since) is not shown
        recorded = recorded.filter(added_at__date__lte=day)
    for source in recorded.select_related("article").order_by("added_at", "id"):
        sources.setdefault((source.commitment_id, source.article_id), source)
    quoted = {al.commitment_id for al in alignments} | {commitment_id for commitment_id, _ in sources}
    commitments = {c.pk: c for c in published.filter(pk__in=quoted)} if quoted else {}
    sides = []
    for article in (article_a, article_b):
        if article is None:
            sides.append(None)
            continue
        side = Side(article=article, label=article.issuing_party.name, language=language_name(article.language))
        side.commitments = [c for pk, c in commitments.items() if (pk, article.pk) in sources]
        sides.append(side)
    a, b = sides

    def row(kind, commitment, alignment=None):
        src_a = sources.get((commitment.pk, article_a.pk)) if article_a else None
        src_b = sources.get((commitment.pk, article_b.pk)) if article_b else None
        out = Row(
            kind=kind,
            commitment=commitment,
            quote_a=src_a.quote if src_a else "",
            quote_b=src_b.quote if src_b else "",
            link_a=source_link(src_a),
            link_b=source_link(src_b),
        )
        if alignment is not None:
            out.quote_a = alignment.candidate_a.quote
            out.quote_b = alignment.candidate_b.quote
            out.relation = alignment.relation
            out.relation_label = _relation_label(alignment.relation, a, b)
            out.cues_a, out.cues_b = alignment.cues_a, alignment.cues_b
            out.diff = alignment.diff
        return out

    both = [row("both", commitments[al.commitment_id], al) for al in alignments]
    aligned = {al.commitment_id for al in alignments}
    # A commitment an editor merged by hand from both accounts is in both, with no relation judged.
    in_b = {c.pk for c in (b.commitments if b else [])}
    for commitment in a.commitments if a else []:
        if commitment.pk in in_b and commitment.pk not in aligned:
            merged = row("both", commitment)
            merged.relation_label = "In both accounts"
            both.append(merged)
            aligned.add(commitment.pk)
    only_a = [row("only_a", c) for c in (a.commitments if a else []) if c.pk not in aligned]
    only_b = [row("only_b", c) for c in (b.commitments if b else []) if c.pk not in aligned]
    topics_a, topics_b = omitted_topics(article_a.text, article_b.text) if (article_a and article_b) else ([], [])
    return Comparison(meeting, day, a, b, both, only_a, only_b, topics_a, topics_b)


def _relation_label(relation: str, a: Side | None, b: Side | None) -> str:
    if relation == Alignment.Relation.A_STRONGER and a:
        return f"The {a.label} account is firmer"
    if relation == Alignment.Relation.B_STRONGER and b:
        return f"The {b.label} account is firmer"
    return "Same pledge"


def _meeting_or_404(slug: str) -> Meeting:
    # A meeting without published commitments is no page.
    return get_object_or_404(Meeting.objects.public().select_related("dialogue"), slug=slug)


@public_page
def meeting_detail(request, slug):
    vd = view_date(request)
    meeting = _meeting_or_404(slug)
    comparison = compare(meeting, vd.day, vd.historical)
    context = {
        "meeting": meeting,
        "comparison": comparison,
        "view_date": vd,
        "today": timezone.localdate(),
        "current_url": request.path,
        "citation": cite(
            title=f"{meeting.title}: the accounts side by side",
            path=request.path,
            day=vd.day,
            accessed=timezone.localdate(),
            request=request,
            key=meeting.slug,
        ),
    }
    return render(request, "public/meeting_detail.html", context, status=400 if vd.error else 200)


def comparison_json(comparison: Comparison) -> dict:
    def side(s: Side | None):
        if s is None:
            return None
        return {
            "party": s.article.issuing_party.name,
            "language": s.article.language,
            "title": s.article.title,
            "url": s.article.display_url,
            "outcomes": len(s.commitments),
        }

    def row(r: Row):
        return {
            "reference": r.commitment.reference,
            "in": r.kind,
            "relation": r.relation or None,
            "quote_a": r.quote_a,
            "quote_b": r.quote_b,
            "source_a": r.link_a,
            "source_b": r.link_b,
            "cues_a": r.cues_a,
            "cues_b": r.cues_b,
        }

    return {
        "meeting": comparison.meeting.slug,
        "title": comparison.meeting.title,
        "date": comparison.meeting.date.isoformat(),
        "as_of": comparison.day.isoformat(),
        "a": side(comparison.a),
        "b": side(comparison.b),
        "summary": comparison.summary,
        "rows": [row(r) for r in comparison.both + comparison.only_a + comparison.only_b],
        "topics_only_a": comparison.topics_only_a,
        "topics_only_b": comparison.topics_only_b,
    }


CSV_COLUMNS = ["reference", "in", "relation", "quote_a", "quote_b", "source_a", "source_b", "cues_a", "cues_b"]


@public_page
def meeting_export(request, slug, fmt):
    if fmt not in {"csv", "json"}:
        raise Http404("CSV or JSON")
    vd = view_date(request)
    data = comparison_json(compare(_meeting_or_404(slug), vd.day, vd.historical))
    if fmt == "json":
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for r in data["rows"]:
            writer.writerow({**r, "cues_a": "; ".join(r["cues_a"]), "cues_b": "; ".join(r["cues_b"])})
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{slug}-{vd.day.isoformat()}.{fmt}"'
    return response
