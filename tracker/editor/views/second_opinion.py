"""Second opinions: the proposals waiting for a second editor, the disagreements waiting for
their proposer, and the four decisions on a proposal. Each decision is one verb of
`commitments/second_opinion.py`; a refusal (your own proposal, already decided) is shown as a
message and writes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import ListView, View

from tracker.commitments import second_opinion
from tracker.commitments.models import ProposedAssessment
from tracker.editor.forms.second_opinion import DisagreeForm, ReviseForm
from tracker.editor.views.base import EditorRequiredMixin, ObjectFormView, next_url
from tracker.editor.views.records import recent_articles

STATES = {"pending": ProposedAssessment.State.PENDING, "disagreed": ProposedAssessment.State.DISAGREED}


def proposals():
    return ProposedAssessment.objects.select_related(
        "commitment", "party", "proposed_by", "decided_by", "supersedes"
    ).prefetch_related("evidence")


class SecondOpinionList(EditorRequiredMixin, ListView):
    """Every open proposal: waiting for a second editor, or disagreed and waiting for its proposer
    to revise or withdraw it (`?state=pending` or `?state=disagreed` for one of the two)."""

    template_name = "editor/second_opinions.html"
    context_object_name = "proposals"
    paginate_by = 50

    def get_queryset(self):
        self.state = self.request.GET.get("state", "")
        chosen = proposals().open()
        if self.state in STATES:
            chosen = chosen.filter(state=STATES[self.state])
        return chosen.order_by("-state", "proposed_at", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(state=self.state, states=STATES, **kwargs)


class ProposalMixin(EditorRequiredMixin):
    model = ProposedAssessment
    context_object_name = "proposal"
    form_object_kwarg = "proposal"

    def get_queryset(self):
        return proposals()

    def get_success_url(self):
        return next_url(self.request, reverse("editor:second_opinions"))


class ProposalDecision(ProposalMixin, View):
    """POST only: agree with, or withdraw, a proposal."""

    http_method_names = ["post"]

    def decide(self, proposal):
        raise NotImplementedError

    def post(self, request, pk):
        proposal = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            with transaction.atomic():
                message = self.decide(proposal)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(self.get_success_url())


class ProposalAgree(ProposalDecision):
    def decide(self, proposal):
        assessment = second_opinion.agree(proposal=proposal, editor=self.request.user)
        return (
            f"Agreed: {proposal.commitment.reference} is “{assessment.get_status_display()}” from now on, "
            f"recorded by {proposal.proposed_by.get_username()} with your agreement."
        )


class ProposalWithdraw(ProposalDecision):
    def decide(self, proposal):
        second_opinion.withdraw(proposal=proposal, editor=self.request.user)
        return f"Withdrawn: nothing was recorded for {proposal.commitment.reference}."


class ProposalDisagree(ProposalMixin, ObjectFormView):
    form_class = DisagreeForm
    template_name = "editor/proposal_disagree.html"

    def get_success_message(self, saved):
        return f"Disagreement noted: {saved.proposed_by.get_username()} will revise or withdraw the proposal."


class ProposalRevise(ProposalMixin, ObjectFormView):
    form_class = ReviseForm
    template_name = "editor/proposal_revise.html"
    success_message = "Revised: the proposal waits for a second opinion again."

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.object.commitment, recent_articles=recent_articles(), **kwargs)
