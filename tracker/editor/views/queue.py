"""The workspace home: the editor's queue (editor/queue.py), the latest imports, and the editor's
choice of a daily digest of the same queue by e-mail."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from tracker.editor import queue
from tracker.editor.forms.second_opinion import PreferenceForm
from tracker.editor.models import EditorPreference
from tracker.editor.views.base import EditorRequiredMixin, SaveFormMixin
from tracker.editor.views.imports import articles
from tracker.ingest.models import Review


class Home(EditorRequiredMixin, TemplateView):
    template_name = "editor/home.html"

    def get_context_data(self, **kwargs):
        recent = (
            articles()
            .defer("text")
            .annotate(pending=Count("candidates", filter=Q(candidates__state=Review.PENDING)))[:10]
        )
        preference = EditorPreference.objects.filter(user=self.request.user).first()
        return super().get_context_data(
            recent=recent,
            queue=queue.build(self.request.user, timezone.localdate()),
            digest_on=bool(preference and preference.daily_digest),
            **kwargs,
        )


class DigestPreference(EditorRequiredMixin, SaveFormMixin, FormView):
    """Opt in to (or out of) the daily digest: the editor's own setting, nobody else's."""

    form_class = PreferenceForm
    template_name = "editor/digest_preference.html"

    def get_form_kwargs(self):
        instance = EditorPreference.objects.filter(user=self.request.user).first()
        return {**super().get_form_kwargs(), "instance": instance, "user": self.request.user}

    def get_success_message(self, saved):
        if saved.daily_digest:
            return f"You will get a daily digest at {saved.user.email} on the days your queue is not empty."
        return "You will no longer get the daily digest."

    def get_success_url(self):
        return reverse("editor:home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(email=getattr(self.request.user, "email", ""), **kwargs)
