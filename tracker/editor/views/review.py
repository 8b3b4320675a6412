"""The two inboxes: candidates (proposed commitments) and suggestions (proposed evidence).

Every decision is one call of a verb of `tracker.ingest.decisions`. The inbox pages run a fixed
number of queries whatever the number of rows (tests/test_editor_inbox_query_counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import FormView, ListView, View
from django.views.generic.detail import SingleObjectMixin

from tracker.commitments.models import Commitment
from tracker.editor.filters import CandidateFilter, SuggestionFilter
from tracker.editor.forms.review import (
    REJECTION_REASONS,
    BulkReviewForm,
    CandidateAcceptForm,
    CandidateMergeForm,
    RejectForm,
    SuggestionAcceptForm,
    SuggestionRejectForm,
)
from tracker.editor.passages import in_context
from tracker.editor.views.base import EditorRequiredMixin, ObjectFormView, SaveFormMixin, filtered, next_url
from tracker.ingest import decisions, pipeline
from tracker.ingest.models import Article, Candidate, Review, Suggestion


def _articles():
    # The text is needed for the context; the raw bytes never are.
    return Article.objects.defer("raw", "metadata").select_related("meeting", "issuing_party")


def _inbox_url(request) -> str:
    return next_url(request, reverse("editor:inbox"))


# --- Candidates --------------------------------------------------------------------------------


class Inbox(EditorRequiredMixin, ListView):
    """Pending candidates grouped by article, newest article first, each sentence in context."""

    template_name = "editor/inbox.html"
    paginate_by = 60

    def get_queryset(self):
        candidates = (
            Candidate.objects.pending()
            .select_related("duplicate_of")
            .prefetch_related(Prefetch("article", queryset=_articles()), "parties", "topics")
            .order_by("-article_id", "start")
        )
        self.filterset = CandidateFilter(self.request.GET or None, queryset=candidates)
        return filtered(self.filterset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = []
        for candidate in context["object_list"]:
            article = candidate.article
            candidate.in_context = in_context(
                article.text,
                start=candidate.start,
                end=candidate.end,
                sentence_start=candidate.sentence_start,
                sentence_end=candidate.sentence_end,
            )
            if not groups or groups[-1]["article"].pk != article.pk:
                groups.append({"article": article, "candidates": []})
            groups[-1]["candidates"].append(candidate)
        context.update(
            groups=groups,
            filter=self.filterset,
            reasons=REJECTION_REASONS,
            here=self.request.get_full_path(),
            bulk_form=BulkReviewForm(),
        )
        return context


class CandidateMixin(EditorRequiredMixin):
    model = Candidate
    form_object_kwarg = "candidate"
    context_object_name = "candidate"

    def get_queryset(self):
        return Candidate.objects.select_related("article__meeting", "article__issuing_party", "duplicate_of")

    def get_success_url(self):
        return _inbox_url(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = self.object
        article = Article.objects.only("text").get(pk=candidate.article_id)
        context.update(
            in_context=in_context(
                article.text,
                start=candidate.start,
                end=candidate.end,
                sentence_start=candidate.sentence_start,
                sentence_end=candidate.sentence_end,
            ),
            next=_inbox_url(self.request),
            reasons=REJECTION_REASONS,
        )
        return context


class CandidateAccept(CandidateMixin, SingleObjectMixin, View):
    """Accept as proposed. If the proposal lacks something (a meeting, a party), edit it instead."""

    def post(self, request, pk):
        candidate = self.get_object()
        if candidate.state != Review.PENDING:
            messages.info(request, f"That candidate was already {candidate.get_state_display().lower()}.")
            return HttpResponseRedirect(_inbox_url(request))
        try:
            commitment = decisions.accept_candidate(candidate=candidate, reviewer=request.user)
        except ValidationError as error:
            messages.error(request, "Not accepted yet: " + " ".join(error.messages) + " Complete it below.")
            url = reverse("editor:candidate_edit", args=[pk]) + "?" + urlencode({"next": _inbox_url(request)})
            return HttpResponseRedirect(url)
        messages.success(request, f"Accepted as {commitment.reference}.")
        return HttpResponseRedirect(_inbox_url(request))


class CandidateEdit(CandidateMixin, ObjectFormView):
    form_class = CandidateAcceptForm
    template_name = "editor/candidate_edit.html"
    success_message = "Accepted as {saved.reference}."


class CandidateMerge(CandidateMixin, ObjectFormView):
    form_class = CandidateMergeForm
    template_name = "editor/candidate_merge.html"
    success_message = "Merged into {saved.reference}: the article is now another source of it."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object.article.meeting
        suggestions = Commitment.objects.only("reference", "title")
        if meeting and meeting.dialogue_id:
            suggestions = suggestions.filter(meeting__dialogue_id=meeting.dialogue_id)
        context["commitment_choices"] = suggestions[:200]
        return context


class CandidateReject(CandidateMixin, ObjectFormView):
    form_class = RejectForm
    template_name = "editor/candidate_reject.html"
    success_message = "Rejected."


class BulkReview(EditorRequiredMixin, SaveFormMixin, FormView):
    """Accept or reject the ticked candidates, all in one transaction."""

    form_class = BulkReviewForm
    template_name = "editor/bulk_review.html"
    http_method_names = ["post"]

    def get_success_url(self):
        return _inbox_url(self.request)

    def form_valid(self, form):
        verb = "Accepted" if form.cleaned_data["action"] == "accept" else "Rejected"
        self.success_message = verb + " {saved} candidates."
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_inbox_url(self.request), **kwargs)


# --- Suggestions -------------------------------------------------------------------------------


@dataclass
class EvidenceCard:
    """One passage of an article: the commitment it most likely bears on, the others folded under."""

    best: Suggestion
    alternatives: list[Suggestion]

    @property
    def article(self):
        return self.best.article

    @property
    def is_restatement(self) -> bool:
        return self.best.kind == Suggestion.Kind.RESTATEMENT


def evidence_cards(suggestions) -> list[EvidenceCard]:
    """Pending suggestions grouped by passage (article, start, kind), the best card first."""
    groups: dict[tuple, list[Suggestion]] = {}
    for suggestion in suggestions:
        groups.setdefault((suggestion.article_id, suggestion.start, suggestion.kind), []).append(suggestion)
    cards = []
    for members in groups.values():
        members.sort(key=lambda s: (s.rank, -s.score, s.pk))
        cards.append(EvidenceCard(best=members[0], alternatives=members[1:]))
    # Evidence before restatements; within each, the surest passage first.
    cards.sort(key=lambda card: (card.is_restatement, -card.best.score, card.best.article_id, card.best.start))
    return cards


class EvidenceInbox(EditorRequiredMixin, ListView):
    """Pending passages, one card each: the passage in context, the commitment it most likely bears
    on with the proposed status and party preselected, the alternatives folded under it."""

    template_name = "editor/evidence_inbox.html"
    paginate_by = 40

    def get_queryset(self):
        suggestions = (
            Suggestion.objects.pending()
            .select_related("party", "commitment__meeting")
            .prefetch_related(Prefetch("article", queryset=_articles()), "commitment__parties")
            .order_by("-score", "pk")
        )
        self.filterset = SuggestionFilter(self.request.GET or None, queryset=suggestions)
        return evidence_cards(filtered(self.filterset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for card in context["object_list"]:
            members = [card.best, *card.alternatives]
            for suggestion in members:
                # Accepting one settles the others: ticked ones are accepted too, the rest set aside.
                others = [other for other in members if other.pk != suggestion.pk]
                suggestion.accept_form = SuggestionAcceptForm(suggestion=suggestion, alternatives=others)
            card.in_context = in_context(card.article.text, start=card.best.start, end=card.best.end)
        context.update(filter=self.filterset, here=self.request.get_full_path())
        return context


class SuggestionMixin(EditorRequiredMixin):
    model = Suggestion
    form_object_kwarg = "suggestion"
    context_object_name = "suggestion"

    def get_queryset(self):
        return Suggestion.objects.select_related("article", "commitment__meeting", "party").prefetch_related(
            "commitment__parties"
        )

    def get_success_url(self):
        return next_url(self.request, reverse("editor:evidence_inbox"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["in_context"] = in_context(self.object.article.text, start=self.object.start, end=self.object.end)
        context["next"] = self.get_success_url()
        return context


class SuggestionAccept(SuggestionMixin, ObjectFormView):
    form_class = SuggestionAcceptForm
    template_name = "editor/suggestion_accept.html"
    success_message = "Accepted as evidence for {view.object.commitment.reference}."

    def get_success_message(self, saved) -> str:
        if self.object.kind == Suggestion.Kind.RESTATEMENT:
            return f"{saved.reference} now restates {self.object.commitment.reference} (its predecessor)."
        return super().get_success_message(saved)


class SuggestionReject(SuggestionMixin, ObjectFormView):
    form_class = SuggestionRejectForm
    template_name = "editor/suggestion_reject.html"
    success_message = "Rejected."


class ArticleNotEvidence(EditorRequiredMixin, SingleObjectMixin, View):
    """Every pending passage of one article is not evidence, in one go."""

    def get_queryset(self):
        return Article.objects.only("pk", "title")

    def post(self, request, pk):
        article = self.get_object()
        count = decisions.reject_article_suggestions(
            article=article, reviewer=request.user, reason=(request.POST.get("reason") or "Not evidence")
        )
        messages.success(request, f"{count} passage proposal{'s' if count != 1 else ''} of “{article}” rejected.")
        return HttpResponseRedirect(next_url(request, reverse("editor:evidence_inbox")))


class ArticleSuggestEvidence(EditorRequiredMixin, SingleObjectMixin, View):
    """Read an analysed article again for evidence, for draft commitments too (the pipeline only
    proposes evidence for published ones)."""

    def get_queryset(self):
        return Article.objects.filter(state=Article.State.ANALYSED).only("pk", "title")

    def post(self, request, pk):
        article = self.get_object()
        count = pipeline.suggest_evidence(article.pk, include_drafts=True)
        messages.success(request, f"{count} evidence proposal{'s' if count != 1 else ''} for “{article}”.")
        return HttpResponseRedirect(next_url(request, reverse("editor:evidence_inbox")))
