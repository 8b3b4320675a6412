from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from tracker.commitments.models import Alignment
from tracker.ingest import alignments
from tracker.ingest.models import Article, Candidate, Feed, Suggestion


@admin.register(Feed)
class FeedAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "url", "is_active", "kind", "last_polled_at", "entries_seen", "has_error"]
    list_filter = ["is_active", "kind"]
    search_fields = ["title", "url"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "last_error", "entries_seen"]

    @admin.display(boolean=True, description="error")
    def has_error(self, obj):
        return bool(obj.last_error)


class CandidateInline(admin.TabularInline):
    model = Candidate
    fields = ["quote", "topic_keys", "strength", "deadline", "confidence", "state"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "site", "published_on", "kind", "state_badge", "origin", "attempts", "created_at"]
    list_filter = ["state", "kind", "origin", "language", "meeting"]
    search_fields = ["title", "url", "canonical_url", "site", "content_hash"]
    date_hierarchy = "created_at"
    raw_id_fields = ["duplicate_of", "feed"]
    readonly_fields = [
        "canonical_url",
        "content_hash",
        "simhash",
        "state",
        "error",
        "attempts",
        "lease_until",
        "raw_content_type",
        "encoding",
        "fetched_at",
        "analysed_at",
        "created_at",
        "updated_at",
        "metadata",
    ]
    inlines = [CandidateInline]
    actions = ["retry"]

    @admin.display(description="state", ordering="state")
    def state_badge(self, obj):
        return format_html('<span title="{}">{}</span>', obj.error, obj.get_state_display())

    @admin.action(description="Retry the selected failed articles")
    def retry(self, request, queryset):
        from tracker.ingest import pipeline

        retried = sum(pipeline.retry_article(article) for article in queryset)
        messages.info(request, f"{retried} article(s) put back in the pipeline.")


class DecidedInTheInboxMixin:
    """Decisions on proposals go through tracker.ingest.decisions (the editor inboxes): read-only here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Candidate)
class CandidateAdmin(DecidedInTheInboxMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "article", "topic_keys", "strength", "confidence", "state", "duplicate_of"]
    list_filter = ["state", "strength", "topics"]
    search_fields = ["quote", "article__title"]
    raw_id_fields = ["article", "duplicate_of", "commitment"]
    readonly_fields = ["reviewer", "reviewed_at"]


@admin.register(Suggestion)
class SuggestionAdmin(DecidedInTheInboxMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "commitment", "article", "score", "proposed_status", "state"]
    list_filter = ["state", "proposed_status"]
    search_fields = ["passage", "commitment__reference"]
    raw_id_fields = ["article", "commitment", "evidence"]
    readonly_fields = ["reviewer", "reviewed_at"]


@admin.register(Alignment)
class AlignmentAdmin(SimpleHistoryAdmin):
    """The proposed and decided pairs of two accounts of a meeting, for the record. Deciding goes
    through the verbs of `ingest.alignments` (as in the editor's workspace), never by editing the
    row: confirming makes or reuses the one tracked commitment both accounts state."""

    list_display = ["meeting", "account_a", "account_b", "relation", "score", "state", "commitment", "reviewer"]
    list_filter = ["state", "relation", "meeting__dialogue"]
    search_fields = ["meeting__title", "candidate_a__quote", "candidate_b__quote", "commitment__reference"]
    list_select_related = ["meeting", "candidate_a", "candidate_b", "commitment", "reviewer"]
    readonly_fields = [
        "meeting",
        "candidate_a",
        "candidate_b",
        "relation",
        "score",
        "shared",
        "cues_a",
        "cues_b",
        "diff",
        "state",
        "commitment",
        "reviewer",
        "reviewed_at",
        "rejection_reason",
        "created_at",
    ]
    actions = ["confirm_selected"]

    @admin.display(description="account A")
    def account_a(self, obj):
        return obj.candidate_a.quote[:80]

    @admin.display(description="account B")
    def account_b(self, obj):
        return obj.candidate_b.quote[:80]

    def has_add_permission(self, request):
        return False  # proposed by the pipeline when a meeting's second account arrives

    @admin.action(description="Confirm the selected proposals (one tracked commitment each, unpublished)")
    def confirm_selected(self, request, queryset):
        done = 0
        for alignment in queryset.filter(state=Alignment.State.PROPOSED):
            try:
                alignments.confirm_alignment(alignment=alignment, reviewer=request.user)
            except ValidationError as exc:
                self.message_user(request, f"{alignment}: {'; '.join(exc.messages)}", messages.ERROR)
            else:
                done += 1
        self.message_user(request, f"{done} confirmed.", messages.SUCCESS)
