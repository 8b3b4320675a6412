"""Bringing documents in (text, file, address, feed) and watching them through the pipeline."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView, View

from tracker.editor.filters import ArticleFilter
from tracker.editor.forms.imports import FeedForm, PasteForm, UploadForm, UrlForm
from tracker.editor.views.base import EditorRequiredMixin, SaveFormMixin, filtered
from tracker.ingest import fetch, outbox, pipeline
from tracker.ingest.models import Article, Feed, Review

# The steps shown on an article's page, in order.
STEPS = [
    (Article.State.QUEUED, "Queued"),
    (Article.State.FETCHING, "Fetching"),
    (Article.State.FETCHED, "Fetched"),
    (Article.State.ANALYSING, "Analysing"),
    (Article.State.ANALYSED, "Analysed"),
]

IMPORT_FORMS = {"text": PasteForm, "file": UploadForm, "url": UrlForm, "feed": FeedForm}


def articles():
    """Articles without their raw bytes (up to 10 MB each), which no page shows."""
    return Article.objects.defer("raw", "metadata").select_related("meeting", "issuing_party")


def import_forms(bound=None, initial=None) -> dict:
    """The four import forms of the import page, `bound` (with its errors) in its place."""
    forms = {source: form_class(prefix=source, initial=initial or {}) for source, form_class in IMPORT_FORMS.items()}
    if bound is not None:
        forms[bound.prefix] = bound
    return forms


# What the import page may be opened with, pre-filled (a meeting's "import a document" link, or a
# failed article's "paste its text instead", which carries over everything the editor chose).
PREFILLED = ("meeting", "issuing_party", "kind", "title", "published_on")


class ImportPage(EditorRequiredMixin, TemplateView):
    template_name = "editor/import.html"

    def get_context_data(self, **kwargs):
        initial = {name: value for name in PREFILLED if (value := self.request.GET.get(name, "").strip())}
        active = self.request.GET.get("source") if self.request.GET.get("source") in IMPORT_FORMS else "text"
        return super().get_context_data(forms=import_forms(initial=initial), active=active, **kwargs)


class ImportSource(EditorRequiredMixin, FormView):
    """POST one of the import forms; on an error the import page again, that form active."""

    template_name = "editor/import.html"
    http_method_names = ["post"]
    source = ""

    def get_form_class(self):
        return IMPORT_FORMS[self.source]

    def get_prefix(self):
        return self.source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(forms=import_forms(bound=context["form"]), active=self.source)
        return context

    def form_valid(self, form):
        result = form.save(user=self.request.user)
        if result is None:
            return self.form_invalid(form)
        article, created = result
        article.refresh_from_db(fields=["metadata"])
        if created and outbox.is_unsent(article):
            messages.warning(self.request, "Saved, queued for when the broker is back: it is analysed then.")
        elif created:
            messages.success(self.request, "Imported. It goes through the pipeline now.")
        else:
            messages.info(self.request, "This address was imported before: here is that article.")
        return redirect("editor:article_detail", pk=article.pk)


class ImportText(ImportSource):
    source = "text"


class ImportFile(ImportSource):
    source = "file"


class ImportUrl(ImportSource):
    source = "url"


# --- Articles ----------------------------------------------------------------------------------


class ArticleList(EditorRequiredMixin, ListView):
    template_name = "editor/article_list.html"
    paginate_by = 50

    def get_queryset(self):
        queryset = (
            articles()
            .defer("text")
            .annotate(pending=Count("candidates", filter=Q(candidates__state=Review.PENDING)))
            .order_by("-created_at")
        )
        self.filterset = ArticleFilter(self.request.GET or None, queryset=queryset)
        return filtered(self.filterset)

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filterset, **kwargs)


def article_status(article: Article) -> dict:
    """What the article page shows of the pipeline's progress; also its JSON status endpoint."""
    counts = {row["state"]: row["n"] for row in article.candidates.values("state").annotate(n=Count("pk")).order_by()}
    return {
        "id": article.pk,
        "state": article.state,
        "label": article.get_state_display(),
        "finished": article.is_finished,
        "error": article.error,
        "attempts": article.attempts,
        "title": str(article),
        "candidates": sum(counts.values()),
        "pending": counts.get(Review.PENDING, 0),
        "suggestions": article.suggestions.filter(state=Review.PENDING).count(),
        "inbox_url": reverse("editor:inbox") + f"?article={article.pk}",
        "duplicate_of": article.duplicate_of_id,
    }


def refusal(article: Article) -> str:
    """Why no fetch of the article's address can ever succeed, or "" (a retry may well succeed)."""
    if article.origin not in {Article.Origin.URL, Article.Origin.FEED}:
        return ""
    try:
        fetch.check_address(article.url)
    except fetch.FetchRefused as refused:
        return refused.message
    except fetch.FetchError:
        return ""
    return ""


def paste_instead_url(article: Article) -> str:
    """The import page, on pasted text, with what was chosen for this article filled in."""
    values = {
        "source": "text",
        "meeting": article.meeting_id or "",
        "issuing_party": article.issuing_party_id or "",
        "kind": article.kind,
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else "",
    }
    return reverse("editor:import") + "?" + urlencode({k: v for k, v in values.items() if v})


class ArticleDetail(EditorRequiredMixin, DetailView):
    template_name = "editor/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return articles().select_related("feed", "duplicate_of", "created_by")

    def get_context_data(self, **kwargs):
        article = self.object
        status = article_status(article)
        reached = [state for state, _ in STEPS].index(article.state) if article.state in dict(STEPS) else -1
        steps = [
            {"state": state, "label": label, "done": index < reached, "current": index == reached}
            for index, (state, label) in enumerate(STEPS)
        ]
        failed = article.state == Article.State.FAILED
        return super().get_context_data(
            status=status,
            steps=steps,
            refusal=refusal(article) if failed else "",
            paste_instead_url=paste_instead_url(article) if failed else "",
            **kwargs,
        )


class ArticleStatus(EditorRequiredMixin, View):
    """Polled by editor.js while the article is unfinished."""

    def get(self, request, pk):
        fields = ("pk", "state", "error", "attempts", "title", "url", "filename", "duplicate_of")
        article = get_object_or_404(Article.objects.only(*fields), pk=pk)
        return JsonResponse(article_status(article))


class ArticleRetry(EditorRequiredMixin, View):
    def post(self, request, pk):
        article = get_object_or_404(Article.objects.only("pk", "origin", "state", "url"), pk=pk)
        if reason := refusal(article):
            messages.error(request, f"It cannot be retried: {reason}")
        elif pipeline.retry_article(article):
            messages.success(request, "Queued again.")
        else:
            messages.info(request, "Only a failed article can be retried.")
        return redirect("editor:article_detail", pk=pk)


# --- Feeds -------------------------------------------------------------------------------------


class FeedMixin(EditorRequiredMixin, SaveFormMixin):
    model = Feed
    form_class = FeedForm
    template_name = "editor/feed_form.html"
    success_message = "Feed saved; it is being polled now."

    def get_success_url(self):
        return reverse("editor:feed_list")


class FeedList(EditorRequiredMixin, ListView):
    template_name = "editor/feed_list.html"
    queryset = (
        Feed.objects.select_related("meeting", "issuing_party")
        .annotate(n_articles=Count("articles"))
        .order_by("title", "url")
    )


class FeedCreate(FeedMixin, ImportSource):
    source = "feed"
    template_name = "editor/import.html"

    def form_valid(self, form):
        return SaveFormMixin.form_valid(self, form)


class FeedUpdate(FeedMixin, UpdateView):
    pass


class FeedPoll(EditorRequiredMixin, View):
    def post(self, request, pk):
        feed = get_object_or_404(Feed, pk=pk)
        if outbox.send("poll_feed", feed.pk):
            messages.success(request, f"Polling {feed} now.")
        else:
            messages.warning(request, f"The broker is unreachable: {feed} is polled on schedule once it is back.")
        return HttpResponseRedirect(reverse("editor:feed_list"))
