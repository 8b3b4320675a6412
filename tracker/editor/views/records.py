"""The record by hand: commitments (with their sources, assessments and history), meetings and
dialogues. One mixin per resource (model, form, template, where to go next), two-line views."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import CreateView, DetailView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from tracker.commitments import actions, second_opinion
from tracker.commitments.models import Assessment, Commitment, CommitmentSource, Dialogue, Meeting
from tracker.editor.filters import EditorCommitmentFilter
from tracker.editor.forms.records import (
    AssessmentForm,
    CommitmentCreateForm,
    CommitmentForm,
    CorrectionForm,
    DialogueForm,
    MeetingForm,
    SourceForm,
)
from tracker.editor.forms.second_opinion import ProposalForm, ProposedCorrectionForm
from tracker.editor.history import history_of
from tracker.editor.views.base import EditorRequiredMixin, ObjectFormView, SaveFormMixin, filtered
from tracker.ingest.models import Article, Review


def recent_articles():
    """For the article pickers (<datalist id="articles">): the latest analysed documents."""
    return (
        Article.objects.filter(state=Article.State.ANALYSED)
        .only("pk", "title", "url", "filename", "published_on")
        .order_by("-pk")[:100]
    )


# --- Commitments -------------------------------------------------------------------------------


class CommitmentMixin(EditorRequiredMixin, SaveFormMixin):
    model = Commitment
    form_class = CommitmentForm
    slug_field = slug_url_kwarg = "reference"
    template_name = "editor/commitment_form.html"
    success_message = "Saved {saved.reference}."

    def get_success_url(self):
        return reverse("editor:commitment_detail", args=[self.saved.reference])


class CommitmentCreate(CommitmentMixin, CreateView):
    form_class = CommitmentCreateForm

    def get_initial(self):
        """?parent=REF (a sub-commitment) or ?predecessor=REF (the pledge made again), and ?meeting=."""
        query = self.request.GET
        return {name: query[name] for name in ("parent", "predecessor", "meeting") if query.get(name)}


class CommitmentUpdate(CommitmentMixin, UpdateView):
    pass


class CommitmentList(EditorRequiredMixin, ListView):
    template_name = "editor/commitment_list.html"
    paginate_by = 50

    def get_queryset(self):
        queryset = Commitment.objects.with_related().order_by("-made_on", "reference")
        self.filterset = EditorCommitmentFilter(self.request.GET or None, queryset=queryset)
        return filtered(self.filterset).distinct()

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filterset, **kwargs)


class CommitmentDetail(EditorRequiredMixin, DetailView):
    template_name = "editor/commitment_detail.html"
    slug_field = slug_url_kwarg = "reference"
    context_object_name = "commitment"

    def get_queryset(self):
        return (
            Commitment.objects.with_related()
            .select_related("parent", "predecessor", "source_article")
            .prefetch_related(
                Prefetch("sources", queryset=CommitmentSource.objects.select_related("article", "issuing_party")),
                Prefetch("sub_commitments", queryset=Commitment.objects.only("reference", "title", "parent")),
                Prefetch("successors", queryset=Commitment.objects.only("reference", "title", "predecessor")),
            )
        )

    def get_context_data(self, **kwargs):
        commitment = self.object
        log = list(commitment.history_log().select_related("second_opinion__decided_by").prefetch_related("evidence"))
        corrected = {a.supersedes_id for a in log if a.supersedes_id}
        for assessment in log:
            assessment.is_corrected = assessment.pk in corrected
        return super().get_context_data(
            log=log,
            pending_suggestions=commitment.suggestions.filter(state=Review.PENDING).count(),
            proposals=commitment.proposed_assessments.open().select_related("party", "proposed_by", "decided_by"),
            **kwargs,
        )


class CommitmentPublish(EditorRequiredMixin, SingleObjectMixin, View):
    model = Commitment
    slug_field = slug_url_kwarg = "reference"
    publish = True

    def post(self, request, reference):
        commitment = self.get_object()
        if self.publish:
            actions.publish_commitment(commitment=commitment, author=request.user)
            messages.success(request, f"{commitment.reference} is published.")
        else:
            actions.unpublish_commitment(commitment=commitment, author=request.user)
            messages.success(request, f"{commitment.reference} is a draft again: readers no longer see it.")
        return redirect("editor:commitment_detail", reference=commitment.reference)


class CommitmentUnpublish(CommitmentPublish):
    publish = False


class CommitmentPartMixin(EditorRequiredMixin):
    """Forms about one commitment: add a source, record an assessment."""

    model = Commitment
    slug_field = slug_url_kwarg = "reference"
    form_object_kwarg = "commitment"
    context_object_name = "commitment"

    def get_success_url(self):
        return reverse("editor:commitment_detail", args=[self.object.reference])

    def get_context_data(self, **kwargs):
        return super().get_context_data(recent_articles=recent_articles(), **kwargs)


class SourceCreate(CommitmentPartMixin, ObjectFormView):
    form_class = SourceForm
    template_name = "editor/source_form.html"
    success_message = "Source added."


class AssessmentCreate(CommitmentPartMixin, ObjectFormView):
    form_class = AssessmentForm
    template_name = "editor/assessment_form.html"

    def get_form_class(self):
        return ProposalForm if second_opinion.requires_second_opinion(self.object) else AssessmentForm

    def get_success_message(self, saved):
        if isinstance(saved, second_opinion.ProposedAssessment):
            return f"Proposed: {saved.commitment.reference} waits for a second editor's agreement before it is public."
        lane = f" for {saved.party}" if saved.party_id else ""
        return f"Recorded: {saved.commitment.reference} is “{saved.get_status_display()}”{lane}."


class AssessmentCorrect(EditorRequiredMixin, ObjectFormView):
    """A correction is a new assessment that supersedes the old one, which stays in the log.
    There is deliberately no view that edits or deletes an assessment."""

    form_class = CorrectionForm
    form_object_kwarg = "assessment"
    context_object_name = "assessment"
    template_name = "editor/assessment_correct.html"
    success_message = "Corrected: the earlier assessment stays in the log, marked as corrected."

    def get_form_class(self):
        two = second_opinion.requires_second_opinion(self.object.commitment)
        return ProposedCorrectionForm if two else CorrectionForm

    def get_success_message(self, saved):
        if isinstance(saved, second_opinion.ProposedAssessment):
            return "Correction proposed: it waits for a second editor's agreement before it is public."
        return super().get_success_message(saved)

    def get_queryset(self):
        return Assessment.objects.filter(commitment__reference=self.kwargs["reference"]).select_related(
            "commitment", "party", "author"
        )

    def get_success_url(self):
        return reverse("editor:commitment_detail", args=[self.object.commitment.reference])

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.object.commitment, recent_articles=recent_articles(), **kwargs)


class HistoryMixin(EditorRequiredMixin):
    """The history tab of a record: every change, who made it and when, with its diff."""

    template_name = "editor/history.html"
    back_url_name = ""

    def get_context_data(self, **kwargs):
        back = reverse(self.back_url_name, args=[self.object.pk]) if self.back_url_name else ""
        return super().get_context_data(entries=history_of(self.object), back_url=back, **kwargs)


class CommitmentHistory(HistoryMixin, DetailView):
    model = Commitment
    slug_field = slug_url_kwarg = "reference"

    def get_context_data(self, **kwargs):
        commitment = self.object
        sources = CommitmentSource.history.filter(commitment_id=commitment.pk).select_related("history_user")
        return super().get_context_data(
            commitment=commitment,
            source_history=sources.order_by("-history_date"),
            log=commitment.history_log(),
            **kwargs,
        )


# --- Meetings ----------------------------------------------------------------------------------


class MeetingMixin(EditorRequiredMixin, SaveFormMixin):
    model = Meeting
    form_class = MeetingForm
    template_name = "editor/meeting_form.html"
    success_message = "Saved the meeting."

    def get_success_url(self):
        return reverse("editor:meeting_detail", args=[self.saved.pk])


class MeetingCreate(MeetingMixin, CreateView):
    def get_initial(self):
        return {"dialogue": self.request.GET.get("dialogue")}


class MeetingUpdate(MeetingMixin, UpdateView):
    pass


class MeetingList(EditorRequiredMixin, ListView):
    template_name = "editor/meeting_list.html"
    paginate_by = 100
    queryset = (
        Meeting.objects.select_related("dialogue")
        .prefetch_related("parties")
        .annotate(n_commitments=Count("commitments", distinct=True), n_articles=Count("articles", distinct=True))
        .order_by("-date", "title")
    )


class MeetingDetail(EditorRequiredMixin, DetailView):
    """A meeting with its parties and the readouts each side issued."""

    template_name = "editor/meeting_detail.html"
    context_object_name = "meeting"
    queryset = Meeting.objects.select_related("dialogue").prefetch_related("parties")

    def get_context_data(self, **kwargs):
        meeting = self.object
        articles = list(
            meeting.articles.defer("raw", "text", "metadata").select_related("issuing_party").order_by("-created_at")
        )
        by_party = {}
        for article in articles:
            by_party.setdefault(article.issuing_party, []).append(article)
        readouts = sorted(by_party.items(), key=lambda item: (item[0] is None, str(item[0] or "")))
        commitments = meeting.commitments.prefetch_related("parties").order_by("reference")
        return super().get_context_data(readouts=readouts, commitments=commitments, **kwargs)


class MeetingHistory(HistoryMixin, DetailView):
    model = Meeting
    back_url_name = "editor:meeting_detail"


# --- Dialogues ---------------------------------------------------------------------------------


class DialogueMixin(EditorRequiredMixin, SaveFormMixin):
    model = Dialogue
    form_class = DialogueForm
    template_name = "editor/dialogue_form.html"
    success_message = "Saved the dialogue."

    def get_success_url(self):
        return reverse("editor:dialogue_detail", args=[self.saved.pk])


class DialogueCreate(DialogueMixin, CreateView):
    pass


class DialogueUpdate(DialogueMixin, UpdateView):
    pass


class DialogueList(EditorRequiredMixin, ListView):
    template_name = "editor/dialogue_list.html"
    queryset = Dialogue.objects.prefetch_related("parties").annotate(n_meetings=Count("meetings")).order_by("name")


class DialogueDetail(EditorRequiredMixin, DetailView):
    template_name = "editor/dialogue_detail.html"
    context_object_name = "dialogue"
    queryset = Dialogue.objects.prefetch_related(
        "parties",
        Prefetch(
            "meetings",
            queryset=Meeting.objects.prefetch_related("parties").annotate(
                n_commitments=Count("commitments", distinct=True), n_articles=Count("articles", distinct=True)
            ),
        ),
    )


class DialogueHistory(HistoryMixin, DetailView):
    model = Dialogue
    back_url_name = "editor:dialogue_detail"
