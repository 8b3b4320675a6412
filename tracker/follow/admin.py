"""Subscriptions in the admin: read-only (a reader's request is theirs to make or confirm), with
one action, to unsubscribe, which deletes the rows as the reader's own link does."""

from django.contrib import admin, messages

from tracker.follow.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "target", "frequency", "confirmed_at", "covered_until", "created_at"]
    list_filter = ["kind", "frequency", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "target"]
    date_hierarchy = "created_at"
    actions = ["unsubscribe"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "unsubscribe" says what deleting means here
        return actions

    @admin.action(description="Unsubscribe the selected addresses (deletes them)", permissions=["delete"])
    def unsubscribe(self, request, queryset):
        count, _ = queryset.delete()
        self.message_user(
            request,
            f"Unsubscribed {count} subscription{'s' if count != 1 else ''}: nothing more is sent.",
            messages.SUCCESS,
        )
