"""Filters of the workspace's lists. Unlike the public ones, they start from every row, drafts too."""

import django_filters
from django import forms
from django.utils import timezone

from tracker.commitments.models import Commitment, Dialogue, Meeting, Party, Topic
from tracker.commitments.status import Status
from tracker.editor import queue
from tracker.ingest.models import Article, Candidate, Review, Suggestion

CONFIDENCE = [("0.8", "high (≥ 0.8)"), ("0.5", "medium or high (≥ 0.5)"), ("0", "any")]


class CandidateFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(
        field_name="article__meeting", queryset=Meeting.objects.all(), empty_label="any meeting", label="Meeting"
    )
    article = django_filters.ModelChoiceFilter(
        queryset=Article.objects.filter(candidates__state=Review.PENDING)
        .distinct()
        .only("pk", "title", "url", "filename")
        .order_by("-pk"),
        empty_label="any article",
        label="Article",
    )
    confidence = django_filters.ChoiceFilter(
        field_name="confidence", lookup_expr="gte", choices=CONFIDENCE, empty_label="any confidence", label="Confidence"
    )

    class Meta:
        model = Candidate
        fields = ["meeting", "article", "confidence"]


class SuggestionFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(
        field_name="commitment__meeting", queryset=Meeting.objects.all(), empty_label="any meeting", label="Meeting"
    )
    commitment = django_filters.CharFilter(field_name="commitment__reference", lookup_expr="iexact", label="Commitment")

    class Meta:
        model = Suggestion
        fields = ["meeting", "commitment"]


class EditorCommitmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    published = django_filters.ChoiceFilter(
        field_name="is_published",
        choices=[("1", "published"), ("0", "drafts")],
        empty_label="published and drafts",
        method="by_published",
        label="Published",
    )
    dialogue = django_filters.ModelChoiceFilter(
        field_name="meeting__dialogue", queryset=Dialogue.objects.all(), empty_label="any dialogue", label="Dialogue"
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), empty_label="any meeting", label="Meeting"
    )
    party = django_filters.ModelChoiceFilter(
        field_name="parties",
        queryset=Party.objects.filter(commitments__isnull=False).distinct(),
        empty_label="any party",
        label="Party",
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="topics", queryset=Topic.objects.all(), empty_label="any topic", label="Topic"
    )
    status = django_filters.ChoiceFilter(
        field_name="current_status", choices=Status.choices, empty_label="any status", label="Status now"
    )
    deadline = django_filters.ChoiceFilter(
        choices=[
            (queue.DUE_SOON, f"due in the next {queue.DUE_DAYS} days"),
            (queue.OVERDUE_UNASSESSED, "overdue, not assessed since"),
        ],
        method="by_deadline",
        empty_label="any deadline",
        label="Deadline",
    )

    class Meta:
        model = Commitment
        fields = ["q", "published", "dialogue", "meeting", "party", "topic", "status", "deadline"]
        form = forms.Form

    def search(self, queryset, name, value):
        return queryset.search(value)

    def by_published(self, queryset, name, value):
        return queryset.filter(is_published=value == "1")

    def by_deadline(self, queryset, name, value):
        """The workspace queue's two deadline sections, in full (editor/queue.py)."""
        pick = queue.due_soon if value == queue.DUE_SOON else queue.overdue_unassessed
        return pick(queryset, timezone.localdate())


class ArticleFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=Article.State.choices, empty_label="any state", label="State")
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), empty_label="any meeting", label="Meeting"
    )
    kind = django_filters.ChoiceFilter(
        choices=Article._meta.get_field("kind").choices, empty_label="any kind", label="Kind"
    )

    class Meta:
        model = Article
        fields = ["state", "meeting", "kind"]
