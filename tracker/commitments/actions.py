"""The verbs that change the record. Each is one keyword-only function, one transaction.

Editor views, the admin, the CSV import, the API and the management commands all call these, so
the rules (append-only assessments, the denormalised current status, references, who decided
what) hold whichever door a change comes through. Nothing here runs from a signal or `save()`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from tracker.commitments import cache, party_status, summaries
from tracker.commitments.models import (
    Assessment,
    AssessmentEvidence,
    Commitment,
    CommitmentSource,
    Evidence,
    Meeting,
    Party,
    StatusStep,
    Topic,
)
from tracker.commitments.status import NOT_ASSESSED, Status, headline_steps

# --- Assessments -------------------------------------------------------------------------------


def check_assessment(
    *,
    commitment: Commitment,
    status: str,
    as_of: datetime.date,
    rationale: str,
    party: Party | None = None,
    supersedes: Assessment | None = None,
    correction_reason: str = "",
) -> None:
    """Refuse, with a sentence per field, an assessment `record_assessment` could not record (also
    asked of a proposal on a two-editor dialogue, `second_opinion.propose_assessment`)."""
    today = timezone.localdate()
    errors = {}
    if status not in Status.values:
        errors["status"] = f"“{status}” is not a status on the scale."
    if as_of > today:
        errors["as_of"] = "An assessment records what is already true: the date cannot be in the future."
    elif as_of < commitment.made_on:
        errors["as_of"] = f"The commitment was made on {commitment.made_on:%d %B %Y}; the date cannot be earlier."
    if not (rationale or "").strip():
        errors["rationale"] = "Say why: the rationale is what readers cite."
    if party is not None and not commitment.parties.filter(pk=party.pk).exists():
        errors["party"] = f"{party} is not a party to {commitment.reference}."
    if supersedes is not None:
        if supersedes.commitment_id != commitment.pk:
            errors["supersedes"] = "A correction must concern the same commitment."
        if not (correction_reason or "").strip():
            errors["correction_reason"] = "Say what was wrong with the assessment being corrected."
    elif correction_reason:
        errors["correction_reason"] = "A correction reason goes with a correction only."
    if errors:
        raise ValidationError(errors)


def record_assessment(
    *,
    commitment: Commitment,
    status: str,
    as_of: datetime.date,
    rationale: str,
    author=None,
    party: Party | None = None,
    evidence: Iterable[Evidence] = (),
    supersedes: Assessment | None = None,
    correction_reason: str = "",
    is_demonstration: bool = False,
    recorded_at: datetime.datetime | None = None,
) -> Assessment:
    """Append an assessment and bring the commitment's current status up to date, atomically."""
    today = timezone.localdate()
    check_assessment(
        commitment=commitment,
        status=status,
        as_of=as_of,
        rationale=rationale,
        party=party,
        supersedes=supersedes,
        correction_reason=correction_reason,
    )

    with transaction.atomic():
        # Serialise writers per commitment, so two assessments recorded at once cannot leave the
        # denormalised status pointing at the older one.
        locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if supersedes is not None and Assessment.objects.filter(supersedes=supersedes).exists():
            raise ValidationError({"supersedes": "That assessment has already been corrected; correct the correction."})
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    commitment=locked,
                    party=party,
                    status=status,
                    as_of=as_of,
                    recorded_at=recorded_at or timezone.now(),
                    rationale=rationale.strip(),
                    author=author,
                    supersedes=supersedes,
                    correction_reason=(correction_reason or "").strip(),
                    is_demonstration=is_demonstration,
                )
        except IntegrityError:
            raise ValidationError({"supersedes": "That assessment has already been corrected."}) from None
        AssessmentEvidence.objects.bulk_create(
            AssessmentEvidence(assessment=assessment, evidence=e) for e in {e.pk: e for e in evidence}.values()
        )
        _refresh_current_status(locked, today)
        if locked.is_published:
            cache.changed_on_commit(locked)
    return assessment


def correct_assessment(
    *,
    assessment: Assessment,
    status: str,
    as_of: datetime.date,
    rationale: str,
    reason: str,
    author=None,
    evidence: Iterable[Evidence] = (),
    party: Party | type[Ellipsis] | None = ...,
) -> Assessment:
    """Record a new assessment that replaces `assessment` (which stays in the log, marked corrected).

    `party` fixes the lane when the assessment was recorded for the wrong party (None: the whole
    commitment); left out, the correction concerns the same lane."""
    return record_assessment(
        commitment=assessment.commitment,
        party=assessment.party if party is ... else party,
        status=status,
        as_of=as_of,
        rationale=rationale,
        author=author,
        evidence=evidence,
        supersedes=assessment,
        correction_reason=reason,
        is_demonstration=assessment.is_demonstration,
    )


def _refresh_current_status(commitment: Commitment, today: datetime.date) -> None:
    """Rewrite the derived headline of `commitment` from its whole log (`status.headline_steps`):
    the steps every list reads on any date, and the current status on the commitment's row.
    A correction or a back-dated entry can change the past, so the steps are rebuilt each time."""
    log = list(commitment.assessments.effective().as_of(today))
    party_ids = list(commitment.parties.values_list("pk", flat=True))
    steps = headline_steps(log, party_ids)
    StatusStep.objects.filter(commitment=commitment).delete()
    StatusStep.objects.bulk_create(
        StatusStep(commitment=commitment, since=day, status=h.status, is_demonstration=h.is_demonstration)
        for day, h in steps
    )
    party_status.refresh([commitment.pk], today)
    now = steps[-1][1] if steps else NOT_ASSESSED
    row = (now.status, now.since, now.is_demonstration)
    if row != (commitment.current_status, commitment.current_status_as_of, commitment.current_status_is_demonstration):
        # update(), not save(): these columns are derived, and the change is already in the log.
        Commitment.objects.filter(pk=commitment.pk).update(
            current_status=now.status,
            current_status_as_of=now.since,
            current_status_is_demonstration=now.is_demonstration,
            status_changed_at=timezone.now(),
        )
        (
            commitment.current_status,
            commitment.current_status_as_of,
            commitment.current_status_is_demonstration,
        ) = row
    # The counts per meeting the public pages read (summaries.py), in this transaction.
    summaries.recount([commitment.meeting_id])


# --- Commitments -------------------------------------------------------------------------------

COMMITMENT_FIELDS = (
    "title",
    "quote",
    "source_url",
    "meeting",
    "strength",
    "deadline",
    "deadline_text",
    "deadline_granularity",
    "made_on",
    "parent",
    "predecessor",
    "notes",
    "source_article",
    "quote_start",
    "quote_end",
)


def next_reference(meeting: Meeting) -> str:
    """The next free reference for a commitment made at `meeting`, e.g. LECD-2017-03."""
    prefix = f"{meeting.reference_prefix}-{meeting.date.year}-"
    numbers = [
        int(m.group(1))
        for ref in Commitment.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", ref))
    ]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


def short_title(quote: str, length: int = 120) -> str:
    """A first title from a quote: the quote itself, cut at a word, without a trailing period."""
    text = " ".join(quote.split()).strip().rstrip(".")
    text = text[:1].upper() + text[1:]
    return Truncator(text).chars(length)


def create_commitment(
    *,
    parties: Sequence[Party],
    topics: Sequence[Topic],
    author=None,
    reference: str | None = None,
    publish: bool = False,
    **fields,
) -> Commitment:
    """Create a commitment by hand (or from a candidate or a CSV row), with a fresh reference."""
    unknown = set(fields) - set(COMMITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown commitment fields: {', '.join(sorted(unknown))}")
    if not parties:
        raise ValidationError({"parties": "Name at least one committing party."})
    if not topics:
        raise ValidationError({"topics": "Choose at least one topic."})
    meeting = fields["meeting"]
    fields.setdefault("made_on", meeting.date)
    fields.setdefault("title", short_title(fields.get("quote", "")))
    now = timezone.now()
    for attempt in range(5):
        commitment = Commitment(
            reference=reference or next_reference(meeting),
            is_published=publish,
            published_at=now if publish else None,
            **fields,
        )
        commitment._history_user = author
        commitment.full_clean(exclude=["parties", "topics"])
        try:
            with transaction.atomic():
                commitment.save()
                commitment.parties.set(parties)
                commitment.topics.set(topics)
                if commitment.source_article_id or commitment.source_url:
                    CommitmentSource.objects.create(
                        commitment=commitment,
                        article=commitment.source_article,
                        url=commitment.source_url
                        or (commitment.source_article.url if commitment.source_article else ""),
                        title=commitment.source_article.title if commitment.source_article else "",
                        issuing_party=commitment.source_article.issuing_party if commitment.source_article else None,
                        quote=commitment.quote,
                        quote_start=commitment.quote_start,
                        quote_end=commitment.quote_end,
                    )
        except IntegrityError:
            # Two editors took the same reference at once: take the next one, unless it was given.
            if reference or attempt == 4:
                raise
            continue
        if publish:
            cache.changed_on_commit(commitment)
        return commitment
    raise AssertionError("unreachable")


def update_commitment(
    *,
    commitment: Commitment,
    author=None,
    parties: Sequence[Party] | None = None,
    topics: Sequence[Topic] | None = None,
    **fields,
) -> Commitment:
    """Edit a commitment's descriptive fields. Its status is never edited here: record an assessment."""
    unknown = set(fields) - set(COMMITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown commitment fields: {', '.join(sorted(unknown))}")
    if parties is not None and not parties:
        raise ValidationError({"parties": "Name at least one committing party."})
    if topics is not None and not topics:
        raise ValidationError({"topics": "Choose at least one topic."})
    for name, value in fields.items():
        setattr(commitment, name, value)
    if commitment.parent_id and commitment.parent_id == commitment.pk:
        raise ValidationError({"parent": "A commitment cannot be its own parent."})
    if commitment.predecessor_id and commitment.predecessor_id == commitment.pk:
        raise ValidationError({"predecessor": "A commitment cannot be its own predecessor."})
    commitment.full_clean(exclude=["parties", "topics"])
    commitment._history_user = author
    with transaction.atomic():
        commitment.save()
        if parties is not None:
            commitment.parties.set(parties)
            # Which headline rule applies depends on the number of committing parties.
            _refresh_current_status(commitment, timezone.localdate())
        if topics is not None:
            commitment.topics.set(topics)
    if commitment.is_published:
        cache.changed_on_commit()
    return commitment


def publish_commitment(*, commitment: Commitment, author=None) -> Commitment:
    if not commitment.is_published:
        commitment.is_published = True
        commitment.published_at = timezone.now()
        commitment._history_user = author
        commitment.save(update_fields=["is_published", "published_at", "updated_at"])
        cache.changed_on_commit(commitment)
    return commitment


def unpublish_commitment(*, commitment: Commitment, author=None) -> Commitment:
    if commitment.is_published:
        commitment.is_published = False
        commitment.published_at = None
        commitment._history_user = author
        commitment.save(update_fields=["is_published", "published_at", "updated_at"])
        cache.changed_on_commit(commitment)
    return commitment


def add_source(
    *,
    commitment: Commitment,
    article=None,
    url: str = "",
    quote: str = "",
    start=None,
    end=None,
    issuing_party: Party | None = None,
    author=None,
) -> CommitmentSource:
    """Attach another document stating the commitment (e.g. the other side's readout)."""
    if article is None and not url:
        raise ValidationError({"url": "Give the address of the source, or choose an article."})
    source, _ = CommitmentSource.objects.get_or_create(
        commitment=commitment,
        article=article,
        url=url or (article.url if article else ""),
        defaults={
            "title": article.title if article else "",
            "issuing_party": issuing_party or (article.issuing_party if article else None),
            "quote": quote,
            "quote_start": start,
            "quote_end": end,
        },
    )
    if commitment.is_published:
        cache.changed_on_commit(commitment)
    return source


# --- Alignments of two accounts of one meeting -------------------------------------------------


def lock_alignment(alignment):
    """The alignment, locked for this transaction; refused unless it is still a proposal."""
    from tracker.commitments.models import Alignment

    locked = Alignment.objects.select_for_update().select_related("candidate_a", "candidate_b").get(pk=alignment.pk)
    if locked.state != Alignment.State.PROPOSED:
        raise ValidationError(f"This alignment was already {locked.get_state_display().lower()}.")
    return locked


def propose_alignment(*, meeting: Meeting, candidate_a, candidate_b, relation: str, score: float = 0.0, **details):
    """Record the pipeline's proposal that two accounts' candidates are one pledge (once per pair)."""
    from tracker.commitments.models import Alignment

    fields = {k: v for k, v in details.items() if k in {"shared", "cues_a", "cues_b", "diff"}}
    alignment, _ = Alignment.objects.get_or_create(
        candidate_a=candidate_a,
        candidate_b=candidate_b,
        defaults={"meeting": meeting, "relation": relation, "score": score, **fields},
    )
    return alignment


def change_alignment(*, alignment, reviewer, relation: str | None = None, candidate_b=None):
    """The editor corrects a proposal before deciding: another relation, or another counterpart."""
    from tracker.commitments.models import Alignment

    with transaction.atomic():
        locked = lock_alignment(alignment)
        if relation is not None:
            if relation not in Alignment.Relation.values:
                raise ValidationError({"relation": f"“{relation}” is not a relation."})
            locked.relation = relation
        if candidate_b is not None and candidate_b.pk != locked.candidate_b_id:
            if (
                candidate_b.article.meeting_id != locked.meeting_id
                or candidate_b.article_id == locked.candidate_a.article_id
            ):
                raise ValidationError({"candidate_b": "Choose a commitment of the other account of this meeting."})
            if Alignment.objects.filter(candidate_a=locked.candidate_a, candidate_b=candidate_b).exists():
                raise ValidationError({"candidate_b": "That pair is already proposed."})
            locked.candidate_b = candidate_b
            locked.cues_b, locked.diff = [], []
        locked.reviewer, locked._history_user = reviewer, reviewer
        locked.save()
    return locked


def reject_alignment(*, alignment, reviewer, reason: str):
    """The two sentences are not one pledge: each stays its account's own."""
    from tracker.commitments.models import Alignment

    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the two are not the same pledge."})
    with transaction.atomic():
        locked = lock_alignment(alignment)
        locked.state = Alignment.State.REJECTED
        locked.rejection_reason = reason.strip()
        locked.reviewer, locked.reviewed_at, locked._history_user = reviewer, timezone.now(), reviewer
        locked.save()
    return locked
