"""The pipeline's alignment step: when a second account of a meeting arrives (the other side's
readout), propose which of its commitments are the same pledges as the first account's.

Runs after `pipeline.analyse` has stored the article's candidates. Both accounts are compared
through `tracker.extraction.align` (the code `manage.py compare_readouts` runs); every pair goes to
the editor's alignment queue as a proposal (`actions.propose_alignment`). Nothing is public until
an editor confirms it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.commitments import actions, cache
from tracker.commitments.models import Alignment, Commitment
from tracker.extraction.align import Item, align
from tracker.ingest import decisions
from tracker.ingest.models import Article, Candidate, Review


def accounts_of(meeting) -> list[Article]:
    """The meeting's accounts: analysed articles with an issuing side, first arrived first."""
    return list(
        Article.objects.filter(meeting=meeting, state=Article.State.ANALYSED, issuing_party__isnull=False)
        .select_related("issuing_party")
        .order_by("created_at", "pk")
    )


def _items(candidates: list[Candidate], language: str) -> list[Item]:
    return [
        Item(
            text=c.quote,
            strength=c.strength,
            parties=tuple(sorted(c.party_names)),
            topics=tuple(c.topic_keys),
            deadline=c.deadline,
            language=language or None,
        )
        for c in candidates
    ]


def propose_alignments(article_id: int) -> int:
    """Propose alignments between this account and each earlier account of the same meeting from
    another side. Idempotent: a pair already proposed (or decided) is left alone. Returns how many
    pairs the aligner found."""
    article = Article.objects.select_related("meeting", "issuing_party").filter(pk=article_id).first()
    if article is None or article.meeting is None or article.issuing_party is None:
        return 0
    if article.state != Article.State.ANALYSED:
        return 0
    found = 0
    mine = list(article.candidates.exclude(state=Review.REJECTED).order_by("start"))
    for other in accounts_of(article.meeting):
        if other.pk == article.pk or other.issuing_party_id == article.issuing_party_id:
            continue
        # The earlier account is side A, so a meeting's pairs keep one orientation.
        first, second = (
            (other, article) if (other.created_at, other.pk) < (article.created_at, article.pk) else (article, other)
        )
        theirs = list(other.candidates.exclude(state=Review.REJECTED).order_by("start"))
        cands_a, cands_b = (theirs, mine) if first is other else (mine, theirs)
        result = align(_items(cands_a, first.language), _items(cands_b, second.language))
        for pair in result.aligned:
            actions.propose_alignment(
                meeting=article.meeting,
                candidate_a=cands_a[pair.a],
                candidate_b=cands_b[pair.b],
                relation=pair.relation,
                score=pair.score,
                shared=pair.shared,
                cues_a=pair.cues_a,
                cues_b=pair.cues_b,
                diff=[list(d) for d in pair.diff],
            )
        found += len(result.aligned)
    return found


def confirm_alignment(*, alignment, reviewer, relation: str | None = None, publish: bool = False) -> Commitment:
    """Confirm that both accounts state one pledge: both candidates become ONE tracked commitment
    with both readouts as its sources. A candidate already accepted or merged lends its commitment;
    otherwise account A's candidate is accepted and B's merged into it. Two different commitments
    already made from the two candidates are refused: merging them is a decision of its own."""
    with transaction.atomic():
        locked = actions.lock_alignment(alignment)
        if relation is not None and relation not in Alignment.Relation.values:
            raise ValidationError({"relation": f"“{relation}” is not a relation."})
        pair = [
            Candidate.objects.select_for_update().get(pk=pk) for pk in (locked.candidate_a_id, locked.candidate_b_id)
        ]
        if any(c.state == Review.REJECTED for c in pair):
            raise ValidationError("One of the two was rejected as a commitment; reject the alignment instead.")
        made = {c.commitment_id for c in pair if c.commitment_id}
        if len(made) > 1:
            raise ValidationError(
                "Both accounts' sentences are already separate commitments; merge them before aligning."
            )
        if made:
            commitment = Commitment.objects.get(pk=made.pop())
        else:
            commitment = decisions.accept_candidate(candidate=pair[0], reviewer=reviewer)
            pair[0].refresh_from_db()
        for candidate in pair:
            if candidate.state == Review.PENDING:
                decisions.merge_candidate(candidate=candidate, commitment=commitment, reviewer=reviewer)
            else:
                actions.add_source(
                    commitment=commitment,
                    article=candidate.article,
                    quote=candidate.quote,
                    start=candidate.start,
                    end=candidate.end,
                    author=reviewer,
                )
        locked.state = Alignment.State.CONFIRMED
        locked.commitment = commitment
        locked.relation = relation or locked.relation
        locked.reviewer, locked.reviewed_at, locked._history_user = reviewer, timezone.now(), reviewer
        locked.save()
        if publish:
            actions.publish_commitment(commitment=commitment, author=reviewer)
        elif commitment.is_published:
            cache.changed_on_commit(commitment)
    return commitment
