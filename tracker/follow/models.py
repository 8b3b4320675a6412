"""Follow by e-mail: one row per (address, followed thing), and nothing else about the reader.

A row is created pending when someone asks to follow; the confirmation link in the message sent
to the address sets `confirmed_at` (double opt-in). Unconfirmed rows are deleted once their link
has expired, and an unsubscribe deletes the row: the address is kept only while it is followed.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import models
from django.db.models import Q


def new_key() -> str:
    return secrets.token_urlsafe(18)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)


class Subscription(models.Model):
    class Kind(models.TextChoices):
        COMMITMENT = "commitment", "Commitment"
        DIALOGUE = "dialogue", "Dialogue"
        PARTY = "party", "Party"
        LIST = "list", "List filter"

    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # A commitment's reference, a dialogue's slug, a party's code, or a list's query string.
    target = models.CharField(max_length=1000)
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY)
    # Signed into the confirmation and unsubscribe links: a link names this row and no other, even
    # if a deleted row's id is reused.
    key = models.CharField(max_length=40, unique=True, default=new_key)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last day a digest covered: the next one starts the day after.
    covered_until = models.DateField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "kind", "target"], name="subscription_once_per_address"),
            models.CheckConstraint(
                condition=Q(kind__in=["commitment", "dialogue", "party", "list"]), name="subscription_kind_valid"
            ),
            models.CheckConstraint(condition=Q(frequency__in=["daily", "weekly"]), name="subscription_frequency_valid"),
        ]
        indexes = [
            # send_digests: the confirmed rows whose next digest is due.
            models.Index(fields=["frequency", "covered_until"], name="subscription_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} ({self.frequency})"

    @property
    def period(self) -> datetime.timedelta:
        return datetime.timedelta(days=1 if self.frequency == self.Frequency.DAILY else 7)
