"""Second opinion: on a dialogue that requires two editors, an assessment is proposed by one and
recorded only when a second, different editor agrees.

A proposal is a `ProposedAssessment` row, not part of the record: nothing public reads it, so
until a second editor agrees it is in no status log, projection, feed or count. Agreeing calls
`actions.record_assessment` (the proposer is the assessment's author; the proposal, linked to the
assessment, names the editor who agreed), so the status projections are written the one usual
way. A disagreement carries a reason; the proposer then revises the proposal (it waits for a
second opinion again) or withdraws it.

Keyword-only verbs, one transaction each, like `actions.py`. Each locks the proposal and refuses,
with a sentence and no write, a decision on a proposal that was already decided (a replayed or
stale form) and an editor's agreement with their own proposal.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment, Evidence, Party, ProposedAssessment

State = ProposedAssessment.State

ALREADY: dict[str, str] = {
    State.AGREED: "it was already agreed and recorded",
    State.DISAGREED: "a second editor already disagreed with it",
    State.WITHDRAWN: "it was withdrawn",
    State.PENDING: "it is waiting for a second opinion",
}


def requires_second_opinion(commitment: Commitment) -> bool:
    """Whether an assessment of `commitment` waits for a second editor (its dialogue says so)."""
    meeting = commitment.meeting
    dialogue = meeting.dialogue if meeting.dialogue_id else None
    return bool(dialogue is not None and dialogue.requires_second_opinion)


def _check(
    commitment: Commitment,
    status: str,
    as_of: datetime.date,
    rationale: str,
    party: Party | None,
    supersedes: Assessment | None,
    correction_reason: str,
) -> None:
    """The checks `record_assessment` makes, made when the proposal is written, so that a proposal
    that could never be recorded is refused at once with the same sentences."""
    actions.check_assessment(
        commitment=commitment,
        status=status,
        as_of=as_of,
        rationale=rationale,
        party=party,
        supersedes=supersedes,
        correction_reason=correction_reason or "",
    )


def propose_assessment(
    *,
    commitment: Commitment,
    status: str,
    as_of: datetime.date,
    rationale: str,
    author: Any,
    party: Party | None = None,
    evidence: Iterable[Evidence] = (),
    supersedes: Assessment | None = None,
    correction_reason: str = "",
) -> ProposedAssessment:
    """Propose an assessment (or a correction, with `supersedes`) of a commitment whose dialogue
    requires two editors. Nothing is recorded until another editor agrees (`agree`)."""
    if not requires_second_opinion(commitment):
        raise ValidationError(f"{commitment.reference} does not need a second opinion: record the assessment itself.")
    if author is None:
        raise ValidationError("A proposal needs the editor who makes it.")
    _check(commitment, status, as_of, rationale, party, supersedes, correction_reason)
    with transaction.atomic():
        # One open proposal per lane: a second would race the first for the same status.
        Commitment.objects.select_for_update().get(pk=commitment.pk)
        lane = ProposedAssessment.objects.open().filter(commitment=commitment, party=party)
        if lane.exists():
            raise ValidationError(
                "There is already a proposal for this lane waiting for a second opinion: "
                "agree with it, disagree, or (if it is yours) revise it."
            )
        proposal = ProposedAssessment(
            commitment=commitment,
            party=party,
            status=status,
            as_of=as_of,
            rationale=rationale.strip(),
            supersedes=supersedes,
            correction_reason=(correction_reason or "").strip(),
            proposed_by=author,
        )
        proposal._history_user = author  # type: ignore[attr-defined]  # simple-history's author hook
        proposal.save()
        proposal.evidence.set({e.pk: e for e in evidence}.values())
    return proposal


def _lock(proposal: ProposedAssessment, *allowed: str) -> ProposedAssessment:
    """The proposal, locked for this transaction; refused unless it is in one of `allowed` states
    (a replayed or stale decision)."""
    locked = ProposedAssessment.objects.select_for_update().select_related("commitment").get(pk=proposal.pk)
    if locked.state not in allowed:
        raise ValidationError(f"Nothing was changed: {ALREADY[locked.state]}.")
    return locked


def _second_editor(proposal: ProposedAssessment, editor: Any) -> None:
    if editor is None or editor.pk == proposal.proposed_by_id:
        raise ValidationError(
            "You proposed this assessment: a second, different editor must agree or disagree. Nothing was changed."
        )


def _decide(proposal: ProposedAssessment, editor: Any, state: str, **fields: Any) -> None:
    proposal.state, proposal.decided_by, proposal.decided_at = state, editor, timezone.now()
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal._history_user = editor  # type: ignore[attr-defined]  # simple-history's author hook
    proposal.save()


def agree(*, proposal: ProposedAssessment, editor: Any) -> Assessment:
    """A second editor agrees: the assessment is recorded through `record_assessment` (authored
    by the proposer) and is public from now on; the proposal names both editors."""
    with transaction.atomic():
        locked = _lock(proposal, State.PENDING)
        _second_editor(locked, editor)
        assessment = actions.record_assessment(
            commitment=locked.commitment,
            party=locked.party,
            status=locked.status,
            as_of=locked.as_of,
            rationale=locked.rationale,
            author=locked.proposed_by,
            evidence=locked.evidence.all(),
            supersedes=locked.supersedes,
            correction_reason=locked.correction_reason,
        )
        _decide(locked, editor, State.AGREED, assessment=assessment)
    return assessment


def disagree(*, proposal: ProposedAssessment, editor: Any, reason: str) -> ProposedAssessment:
    """A second editor disagrees, saying why: nothing is recorded; the proposal waits for its
    proposer to revise or withdraw it (the workspace's list of disagreements)."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why you disagree: the proposer reads it to revise the assessment."})
    with transaction.atomic():
        locked = _lock(proposal, State.PENDING)
        _second_editor(locked, editor)
        _decide(locked, editor, State.DISAGREED, disagreement=reason.strip())
    return locked


def _proposer_only(proposal: ProposedAssessment, editor: Any, verb: str) -> None:
    if editor is None or editor.pk != proposal.proposed_by_id:
        raise ValidationError(f"Only the editor who proposed this assessment can {verb} it. Nothing was changed.")


def revise(
    *,
    proposal: ProposedAssessment,
    editor: Any,
    status: str,
    as_of: datetime.date,
    rationale: str,
    party: Party | None = None,
    evidence: Iterable[Evidence] = (),
    correction_reason: str = "",
) -> ProposedAssessment:
    """The proposer changes a waiting or disagreed proposal; it waits for a second opinion again.
    The earlier wording and the disagreement stay in the proposal's history."""
    with transaction.atomic():
        locked = _lock(proposal, State.PENDING, State.DISAGREED)
        _proposer_only(locked, editor, "revise")
        commitment = locked.commitment
        _check(commitment, status, as_of, rationale, party, locked.supersedes, correction_reason)
        if party != locked.party and (
            ProposedAssessment.objects.open().filter(commitment=commitment, party=party).exclude(pk=locked.pk).exists()
        ):
            raise ValidationError({"party": "Another proposal for that lane is already waiting."})
        locked.party, locked.status, locked.as_of = party, status, as_of
        locked.rationale, locked.correction_reason = rationale.strip(), (correction_reason or "").strip()
        locked.state, locked.decided_by, locked.decided_at, locked.disagreement = State.PENDING, None, None, ""
        locked.proposed_at = timezone.now()
        locked._history_user = editor  # type: ignore[attr-defined]  # simple-history's author hook
        locked.save()
        locked.evidence.set({e.pk: e for e in evidence}.values())
    return locked


def withdraw(*, proposal: ProposedAssessment, editor: Any) -> ProposedAssessment:
    """The proposer withdraws a waiting or disagreed proposal: nothing is recorded."""
    with transaction.atomic():
        locked = _lock(proposal, State.PENDING, State.DISAGREED)
        _proposer_only(locked, editor, "withdraw")
        locked.state = State.WITHDRAWN
        locked._history_user = editor  # type: ignore[attr-defined]  # simple-history's author hook
        locked.save()
    return locked
