"""Admin for the record. Assessments can be added (through actions.record_assessment) and read,
never changed or deleted: their inline is read-only once saved, and their admin has no change or
delete permission for anyone."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from tracker.commitments import actions, second_opinion
from tracker.commitments.models import (
    Assessment,
    Commitment,
    CommitmentSource,
    Dialogue,
    Evidence,
    Meeting,
    Party,
    ProposedAssessment,
    Topic,
)


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "code", "kind", "iso_alpha3", "alias_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code", "official_name", "aliases"]
    filter_horizontal = ["members"]

    @admin.display(description="aliases")
    def alias_count(self, obj: Party) -> int:
        return len(obj.aliases or [])


class MeetingInline(admin.TabularInline):
    model = Meeting
    fields = ["title", "date", "place", "kind"]
    show_change_link = True
    extra = 0


@admin.register(Dialogue)
class DialogueAdmin(SimpleHistoryAdmin):
    list_display = ["name", "reference_prefix", "state", "meeting_count"]
    list_filter = ["state", "parties"]
    search_fields = ["name", "short_name", "reference_prefix"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["parties"]
    inlines = [MeetingInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Dialogue]:
        return super().get_queryset(request).annotate(n_meetings=Count("meetings"))

    @admin.display(description="meetings", ordering="n_meetings")
    def meeting_count(self, obj: Any) -> int:
        return obj.n_meetings


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "dialogue", "date", "place", "kind"]
    list_filter = ["kind", "dialogue", "parties"]
    search_fields = ["title", "place", "co_chairs"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["parties"]
    autocomplete_fields = ["dialogue"]


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key", "position"]
    list_editable = ["position"]
    search_fields = ["name", "key", "keywords"]
    prepopulated_fields = {"slug": ["name"]}


class AssessmentInline(admin.TabularInline):
    """Shows the log on the commitment page; new rows go through actions.record_assessment."""

    model = Assessment
    fk_name = "commitment"
    fields = ["as_of", "party", "status", "rationale", "author", "recorded_at", "supersedes", "correction_reason"]
    readonly_fields = ["author", "recorded_at"]
    extra = 0
    can_delete = False
    show_change_link = True

    raw_id_fields = ["supersedes"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # saved rows render read-only; additions are still allowed


class SourceInline(admin.TabularInline):
    model = CommitmentSource
    fields = ["article", "url", "title", "issuing_party", "quote"]
    raw_id_fields = ["article"]
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "meeting", "strength", "deadline", "status_badge", "is_published"]
    list_filter = ["is_published", "current_status", "strength", "topics", "meeting__dialogue", "parties"]
    search_fields = ["reference", "title", "quote"]
    date_hierarchy = "made_on"
    autocomplete_fields = ["meeting", "parent", "predecessor"]
    raw_id_fields = ["source_article"]
    readonly_fields = ["current_status", "current_status_as_of", "status_changed_at", "published_at", "created_at"]
    inlines = [SourceInline, AssessmentInline]
    actions = ["publish", "unpublish"]
    list_select_related = ["meeting"]
    filter_horizontal = ["parties", "topics"]

    @admin.display(description="status", ordering="current_status")
    def status_badge(self, obj: Commitment) -> SafeString:
        return format_html(
            '<span class="status status-{}">{}</span>', obj.current_status, obj.get_current_status_display()
        )

    @admin.action(description="Publish the selected commitments")
    def publish(self, request: HttpRequest, queryset: QuerySet[Commitment]) -> None:
        for commitment in queryset:
            actions.publish_commitment(commitment=commitment, author=request.user)

    @admin.action(description="Unpublish the selected commitments")
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Commitment]) -> None:
        for commitment in queryset:
            actions.unpublish_commitment(commitment=commitment, author=request.user)

    def save_formset(self, request: HttpRequest, form: ModelForm[Commitment], formset: Any, change: bool) -> None:
        if formset.model is not Assessment:
            return super().save_formset(request, form, formset, change)
        # New assessments go through the one write path, which also updates the current status.
        # The formset itself saves nothing, so the admin's change message finds nothing it saved.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline_form in formset.extra_forms:
            if not inline_form.has_changed():
                continue
            data = inline_form.cleaned_data
            fields = {
                "commitment": form.instance,
                "party": data.get("party"),
                "status": data["status"],
                "as_of": data["as_of"],
                "rationale": data.get("rationale", ""),
                "author": request.user,
                "supersedes": data.get("supersedes"),
                "correction_reason": data.get("correction_reason", ""),
            }
            # A dialogue that requires two editors: the admin proposes, like the workspace does.
            proposing = second_opinion.requires_second_opinion(form.instance)
            try:
                if proposing:
                    second_opinion.propose_assessment(**fields)
                else:
                    actions.record_assessment(**fields)
            except ValidationError as exc:
                what = "proposed" if proposing else "recorded"
                messages.error(request, f"The assessment was not {what}: {'; '.join(exc.messages)}")
            else:
                if proposing:
                    messages.warning(
                        request,
                        "The assessment was proposed, not recorded: its dialogue requires a second editor's "
                        "agreement (workspace, Second opinions).",
                    )


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = [
        "commitment",
        "party",
        "status",
        "as_of",
        "recorded_at",
        "author",
        "is_correction",
        "is_demonstration",
    ]
    list_filter = ["status", "is_demonstration", "party", "commitment__meeting__dialogue"]
    search_fields = ["commitment__reference", "rationale"]
    date_hierarchy = "as_of"
    list_select_related = ["commitment", "party", "author"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # recorded from the commitment (inline) or the editor workspace

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(boolean=True, description="correction")
    def is_correction(self, obj: Assessment) -> bool:
        return obj.is_correction


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "published_on", "kind", "party", "archived"]
    list_filter = ["kind", "party"]
    search_fields = ["title", "publisher", "url", "passage"]
    raw_id_fields = ["article"]
    date_hierarchy = "published_on"

    @admin.display(boolean=True)
    def archived(self, obj: Evidence) -> bool:
        return obj.article_id is not None

    def has_delete_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        # Cited evidence stays: assessments point at it.
        return obj is None or not obj.assessments.exists()


@admin.register(ProposedAssessment)
class ProposedAssessmentAdmin(admin.ModelAdmin):
    """Read-only: proposals are decided in the workspace, through the second-opinion verbs."""

    list_display = ["commitment", "party", "status", "as_of", "state", "proposed_by", "decided_by", "proposed_at"]
    list_filter = ["state", "status", "commitment__meeting__dialogue"]
    search_fields = ["commitment__reference", "rationale", "disagreement"]
    list_select_related = ["commitment", "party", "proposed_by", "decided_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
