"""Alignments of a meeting's accounts: the editor confirms, changes or rejects what the pipeline
proposed when the second account arrived. Each decision is one verb of `commitments.actions`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView, View

from tracker.commitments import actions
from tracker.commitments.models import Alignment, Meeting
from tracker.editor.views.base import EditorRequiredMixin
from tracker.ingest.alignments import accounts_of, confirm_alignment
from tracker.ingest.models import Candidate, Review


class MeetingAlignments(EditorRequiredMixin, TemplateView):
    """The meeting's accounts side by side: proposed pairs first, then the decided ones."""

    template_name = "editor/alignments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = get_object_or_404(Meeting, pk=self.kwargs["pk"])
        alignments = list(Alignment.objects.filter(meeting=meeting).with_accounts().order_by("state", "pk"))
        accounts = accounts_of(meeting)
        others = {}
        for alignment in alignments:
            # The counterparts an editor may choose instead: the other account's live candidates.
            article_id = alignment.candidate_b.article_id
            if article_id not in others:
                others[article_id] = list(
                    Candidate.objects.filter(article_id=article_id).exclude(state=Review.REJECTED).order_by("start")
                )
            alignment.counterparts = others[article_id]
        context.update(
            meeting=meeting,
            accounts=accounts,
            proposed=[a for a in alignments if a.state == Alignment.State.PROPOSED],
            decided=[a for a in alignments if a.state != Alignment.State.PROPOSED],
            relations=Alignment.Relation.choices,
        )
        return context


class _Decision(EditorRequiredMixin, View):
    def post(self, request, pk):
        alignment = get_object_or_404(Alignment, pk=pk)
        try:
            message = self.decide(alignment, request.POST, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(reverse("editor:meeting_alignments", args=[alignment.meeting_id]))


class AlignmentConfirm(_Decision):
    def decide(self, alignment, data, user):
        commitment = confirm_alignment(
            alignment=alignment,
            reviewer=user,
            relation=data.get("relation") or None,
            publish=data.get("publish") == "on",
        )
        return f"Confirmed: both accounts now state {commitment.reference}."


class AlignmentChange(_Decision):
    def decide(self, alignment, data, user):
        counterpart = None
        if data.get("candidate_b"):
            counterpart = get_object_or_404(Candidate, pk=data["candidate_b"])
        actions.change_alignment(
            alignment=alignment, reviewer=user, relation=data.get("relation") or None, candidate_b=counterpart
        )
        return "Changed; confirm it when it is right."


class AlignmentReject(_Decision):
    def decide(self, alignment, data, user):
        actions.reject_alignment(alignment=alignment, reviewer=user, reason=data.get("reason", ""))
        return "Rejected: each sentence stays its own account's."
