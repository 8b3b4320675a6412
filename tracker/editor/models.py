"""What an editor chooses about their own workspace: for now, whether the daily digest of their
queue comes by e-mail (opt-in). One row per editor, created when they first choose."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class EditorPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_preference")
    daily_digest = models.BooleanField(
        "E-mail me a daily digest",
        default=False,
        help_text="Deadlines due in the next 30 days, overdue commitments not assessed since, "
        "evidence waiting, failed imports and second opinions, once a day when there is any.",
    )
    # The day the last digest was claimed: `editor.digest.send_one` sets it with a conditional
    # update before sending, so a second run of the task on the same day sends nothing.
    digest_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            # send_digests: the editors who opted in and were not yet sent today's digest.
            models.Index(
                fields=["digest_sent_on"], condition=models.Q(daily_digest=True), name="editor_digest_due_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {'daily digest' if self.daily_digest else 'no digest'}"
