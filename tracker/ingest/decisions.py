"""The editor's decisions on what the pipeline proposed: one function per decision.

Nothing the pipeline produces reaches the public without passing through one of these. Each
locks the candidate or suggestion, refuses a decision already taken, and records who took it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.commitments import actions, second_opinion
from tracker.commitments.models import Commitment, Evidence, Meeting, Party, Topic
from tracker.ingest.models import Candidate, Review, Suggestion

# "As the pipeline proposed", for a value where None is a choice of its own (no deadline).
PROPOSED = object()


def _lock_pending(model, obj):
    """The row locked for the decision; refused if someone decided it meanwhile."""
    locked = model.objects.select_for_update().get(pk=obj.pk)
    if locked.state != Review.PENDING:
        raise ValidationError(f"This was already {locked.get_state_display().lower()}.")
    return locked


def _decide(obj, *, reviewer, **changes) -> None:
    """Record the decision on the locked row, through save() so its history names the reviewer."""
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.reviewer = reviewer
    obj.reviewed_at = timezone.now()
    obj._history_user = reviewer
    obj.save(update_fields=[*changes, "reviewer", "reviewed_at"])


def accept_candidate(
    *,
    candidate: Candidate,
    reviewer,
    title: str | None = None,
    quote: str | None = None,
    parties: Sequence[Party] | None = None,
    topics: Sequence[Topic] | None = None,
    strength: str | None = None,
    deadline: datetime.date | object | None = PROPOSED,
    deadline_text: str | None = None,
    deadline_granularity: str | None = None,
    meeting: Meeting | None = None,
    parent: Commitment | None = None,
    predecessor: Commitment | None = None,
    publish: bool = False,
) -> Commitment:
    """Turn a candidate into a commitment, as proposed or with the editor's changes."""
    with transaction.atomic():
        candidate = _lock_pending(Candidate, candidate)
        article = candidate.article
        meeting = meeting or article.meeting
        topics = list(topics) if topics is not None else list(candidate.topics.all())
        parties = list(parties) if parties is not None else list(candidate.parties.all())
        errors = {}
        if meeting is None:
            errors["meeting"] = "Choose the meeting at which this commitment was made."
        if not topics:
            errors["topics"] = "Choose at least one topic."
        if not parties:
            errors["parties"] = "Name at least one committing party."
        if errors:
            raise ValidationError(errors)
        assert meeting is not None  # refused above
        edited_quote = quote is not None and " ".join(quote.split()) != " ".join(candidate.quote.split())
        commitment = actions.create_commitment(
            parties=parties,
            topics=topics,
            author=reviewer,
            publish=publish,
            title=title or actions.short_title(quote or candidate.quote),
            quote=quote or candidate.quote,
            meeting=meeting,
            strength=strength or candidate.strength,
            deadline=candidate.deadline if deadline is PROPOSED else deadline,
            deadline_text=deadline_text if deadline_text is not None else candidate.deadline_text,
            deadline_granularity=(
                deadline_granularity if deadline_granularity is not None else candidate.deadline_granularity
            ),
            made_on=meeting.date,
            parent=parent,
            predecessor=predecessor,
            source_article=article,
            source_url=article.display_url,
            # An edited quote no longer sits at the detected offsets.
            quote_start=None if edited_quote else candidate.start,
            quote_end=None if edited_quote else candidate.end,
        )
        _decide(candidate, reviewer=reviewer, state=Review.ACCEPTED, commitment=commitment)
    return commitment


def merge_candidate(*, candidate: Candidate, commitment: Commitment, reviewer) -> Commitment:
    """The candidate repeats a commitment already tracked: its article becomes another source."""
    with transaction.atomic():
        candidate = _lock_pending(Candidate, candidate)
        actions.add_source(
            commitment=commitment,
            article=candidate.article,
            quote=candidate.quote,
            start=candidate.start,
            end=candidate.end,
            author=reviewer,
        )
        _decide(candidate, reviewer=reviewer, state=Review.MERGED, commitment=commitment)
    return commitment


def reject_candidate(*, candidate: Candidate, reviewer, reason: str) -> None:
    if not (reason or "").strip():
        raise ValidationError({"reason": "Give a reason: it teaches the next reviewer (and the pipeline's authors)."})
    with transaction.atomic():
        candidate = _lock_pending(Candidate, candidate)
        _decide(candidate, reviewer=reviewer, state=Review.REJECTED, rejection_reason=reason.strip())


def decide_candidates(*, candidates: Sequence[Candidate], accept: bool, reviewer, reason: str = "") -> int:
    """Accept (as proposed) or reject (with one reason) several candidates: all of them or, if any
    one is refused, none; the ValidationError then lists every refusal. Returns how many."""
    if not candidates:
        raise ValidationError("Choose at least one candidate.")
    if not accept and not (reason or "").strip():
        raise ValidationError({"reason": "Give a reason for rejecting them."})
    refusals = []
    with transaction.atomic():
        for candidate in candidates:
            try:  # each verb runs in its own savepoint
                if accept:
                    accept_candidate(candidate=candidate, reviewer=reviewer)
                else:
                    reject_candidate(candidate=candidate, reviewer=reviewer, reason=reason)
            except ValidationError as error:
                refusals.append(f"“{candidate.quote[:60]}…”: {'; '.join(error.messages)}")
        if refusals:
            transaction.set_rollback(True)
    if refusals:
        raise ValidationError(refusals)
    return len(candidates)


def evidence_from_article(*, article, passage: str = "", author=None) -> Evidence:
    """Evidence citing an archived article (one row per article and passage)."""
    evidence, _ = Evidence.objects.get_or_create(
        article=article,
        passage=passage,
        defaults={
            "url": article.display_url,
            "title": article.title or article.display_url or "Untitled document",
            "publisher": article.site,
            "published_on": article.published_on,
            "kind": Evidence.Kind.OFFICIAL if article.issuing_party_id else Evidence.Kind.MEDIA,
            "party": article.issuing_party,
            "created_by": author,
        },
    )
    return evidence


# Why the other commitments proposed for a passage are set aside when the editor picks one.
ANOTHER_CHOSEN = "Another commitment was chosen for this passage."


def alternatives_of(suggestion: Suggestion):
    """The other pending proposals for the same passage (the alternatives folded under its card):
    same article and kind, overlapping span."""
    return (
        Suggestion.objects.pending()
        .filter(
            article_id=suggestion.article_id,
            kind=suggestion.kind,
            start__lt=suggestion.end,
            end__gt=suggestion.start,
        )
        .exclude(pk=suggestion.pk)
    )


def _resolve_alternatives(suggestion: Suggestion, *, reviewer, keep=()) -> list[Suggestion]:
    """Once the editor has decided what a passage bears on, none of its alternatives stays pending:
    those in `keep` are returned (locked) for the caller to accept, the others are rejected."""
    kept_ids = {s.pk for s in keep}
    kept = []
    for other in alternatives_of(suggestion).select_for_update().select_related("commitment", "article"):
        if other.pk in kept_ids:
            kept.append(other)
        else:
            _decide(other, reviewer=reviewer, state=Review.REJECTED, rejection_reason=ANOTHER_CHOSEN)
    return kept


def _accept_as_evidence(suggestion, *, reviewer, status, as_of, rationale, party) -> Evidence:
    evidence = evidence_from_article(article=suggestion.article, passage=suggestion.passage, author=reviewer)
    if status:
        # On a dialogue that requires two editors, the status waits for a second one (second_opinion.py).
        two = second_opinion.requires_second_opinion(suggestion.commitment)
        (second_opinion.propose_assessment if two else actions.record_assessment)(
            commitment=suggestion.commitment,
            party=party,
            status=status,
            as_of=as_of or suggestion.article.published_on or timezone.localdate(),
            rationale=rationale,
            author=reviewer,
            evidence=[evidence],
        )
    _decide(suggestion, reviewer=reviewer, state=Review.ACCEPTED, evidence=evidence)
    return evidence


def _only_party(commitment: Commitment) -> Party | None:
    parties = list(commitment.parties.all())
    return parties[0] if len(parties) == 1 else None


def accept_suggestion(
    *,
    suggestion: Suggestion,
    reviewer,
    status: str | None = None,
    as_of: datetime.date | None = None,
    rationale: str = "",
    party: Party | None = None,
    also: Sequence[Suggestion] = (),
) -> Evidence:
    """Accept a passage as evidence for its commitment; with a status, record an assessment too.

    The passage's other proposals are settled at once: those in `also` (overlapping pledges the
    passage reports on as well) are accepted with the same status, as of the same date and for
    their only party if they have one; the rest are rejected, so no alternative stays pending in
    the inbox after the editor has chosen."""
    with transaction.atomic():
        suggestion = _lock_pending(Suggestion, suggestion)
        if suggestion.kind == Suggestion.Kind.RESTATEMENT:
            raise ValidationError("A restatement is lineage, not evidence: accept it as restated at a later round.")
        evidence = _accept_as_evidence(
            suggestion, reviewer=reviewer, status=status, as_of=as_of, rationale=rationale, party=party
        )
        for other in _resolve_alternatives(suggestion, reviewer=reviewer, keep=also):
            _accept_as_evidence(
                other,
                reviewer=reviewer,
                status=status,
                as_of=as_of,
                rationale=rationale,
                party=_only_party(other.commitment),
            )
    return evidence


def reject_suggestion(*, suggestion: Suggestion, reviewer, reason: str = "") -> None:
    """Not evidence for this commitment (its alternatives stay: the passage may bear on another)."""
    with transaction.atomic():
        suggestion = _lock_pending(Suggestion, suggestion)
        _decide(suggestion, reviewer=reviewer, state=Review.REJECTED, rejection_reason=(reason or "").strip())


def _restating_commitment(suggestion: Suggestion) -> Commitment | None:
    """The commitment this article's overlapping passage became (an accepted or merged candidate)."""
    candidate = (
        Candidate.objects.filter(
            article_id=suggestion.article_id,
            commitment__isnull=False,
            sentence_start__lt=suggestion.end,
            sentence_end__gt=suggestion.start,
        )
        .exclude(commitment_id=suggestion.commitment_id)
        .select_related("commitment")
        .first()
    )
    return candidate.commitment if candidate else None


def accept_restatement(*, suggestion: Suggestion, reviewer, later: Commitment | None = None) -> Commitment:
    """The passage restates the suggestion's commitment at a later round: the later commitment
    (given, or the one this passage of the article became) gets it as its predecessor. No status
    changes: a pledge said again is not a pledge kept."""
    with transaction.atomic():
        suggestion = _lock_pending(Suggestion, suggestion)
        if suggestion.kind != Suggestion.Kind.RESTATEMENT:
            raise ValidationError("This passage was proposed as evidence, not as a restatement.")
        later = later or _restating_commitment(suggestion)
        if later is None:
            raise ValidationError(
                "No commitment of this article restates it yet: accept the passage's candidate first, "
                "or choose the later commitment."
            )
        earlier = suggestion.commitment
        if later.pk == earlier.pk:
            raise ValidationError({"later": "A commitment cannot restate itself."})
        if later.made_on and earlier.made_on and later.made_on < earlier.made_on:
            raise ValidationError({"later": "The later round cannot be older than the pledge it restates."})
        actions.update_commitment(commitment=later, author=reviewer, predecessor=earlier)
        _decide(suggestion, reviewer=reviewer, state=Review.ACCEPTED, restated_by=later)
        # A commitment has one predecessor: the passage's other restatement proposals are settled.
        _resolve_alternatives(suggestion, reviewer=reviewer)
    return later


def reject_article_suggestions(*, article, reviewer, reason: str = "Not evidence") -> int:
    """Every pending proposal of one article is not evidence (a distractor, an unrelated story).
    Returns how many were rejected."""
    rejected = 0
    with transaction.atomic():
        for suggestion in Suggestion.objects.pending().filter(article=article).select_for_update():
            _decide(suggestion, reviewer=reviewer, state=Review.REJECTED, rejection_reason=reason.strip())
            rejected += 1
    return rejected
