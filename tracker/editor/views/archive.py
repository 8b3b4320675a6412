"""Archived sources in the workspace: the live pages that changed or disappeared since they were
cited (with the live address, the archived copy and the commitments citing them), and the captures
that failed, with their reasons and a button to try again (`tracker.ingest.archive`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView, View

from tracker.editor.views.base import EditorRequiredMixin
from tracker.ingest import archive
from tracker.ingest.archive import ArchivedCopy

# The page lists at most this many rows of each kind, the newest first (with the totals).
LIMIT = 200


class ArchiveList(EditorRequiredMixin, TemplateView):
    template_name = "editor/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attention = ArchivedCopy.objects.needing_attention().order_by("-live_since", "-pk")
        failed = ArchivedCopy.objects.filter(state=ArchivedCopy.State.FAILED).order_by("-created_at", "-pk")
        shown_attention, shown_failed = list(attention[:LIMIT]), list(failed[:LIMIT])
        citing = archive.citing_commitments([*shown_attention, *shown_failed])
        for copy in [*shown_attention, *shown_failed]:
            copy.citing = citing.get(copy.pk, [])
        counts = dict.fromkeys(ArchivedCopy.State.values, 0)
        counts.update(
            {row["state"]: row["n"] for row in ArchivedCopy.objects.order_by().values("state").annotate(n=Count("pk"))}
        )
        context.update(
            attention=shown_attention,
            attention_total=attention.count(),
            failed=shown_failed,
            failed_total=failed.count(),
            counts=counts,
            limit=LIMIT,
            recheck_days=settings.ARCHIVE_RECHECK_DAYS,
        )
        return context


class ArchivedCopyView(EditorRequiredMixin, View):
    """The copy itself, for editors: drafts' sources too, never cached by a shared proxy."""

    def get(self, request, pk):
        copy = get_object_or_404(ArchivedCopy.objects.captured().select_related("article"), pk=pk)
        response = archive.response_for(copy)
        response["Cache-Control"] = "private, no-store"
        return response


class ArchiveRetry(EditorRequiredMixin, View):
    def post(self, request, pk):
        copy = get_object_or_404(ArchivedCopy, pk=pk)
        if archive.retry_failed(copy.pk):
            messages.success(request, f"{copy.url}: queued to be archived again.")
        else:
            messages.info(request, f"{copy.url}: not failed, nothing to try again.")
        return HttpResponseRedirect(reverse("editor:archive"))
