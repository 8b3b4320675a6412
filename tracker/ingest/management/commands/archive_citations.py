"""Archive every cited address that has no copy yet (the backfill), and optionally re-check the
live pages that are due. Safe to run again: copies already made are left as they are."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from tracker.ingest import archive
from tracker.ingest.archive import ArchivedCopy


class Command(BaseCommand):
    help = "Give every cited address an archived copy (captured here, or queued with --queue)."

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="Send the captures to the workers instead.")
        parser.add_argument("--retry-failed", action="store_true", help="Try the failed captures again too.")
        parser.add_argument("--recheck", action="store_true", help="Also re-check the live pages that are due, here.")

    def handle(self, *args, queue=False, retry_failed=False, recheck=False, **options):
        keys = archive.cited_keys()
        existing = archive.copies_for(keys)
        for key in keys - existing.keys():
            archive.ensure_copy(key)
        self.stdout.write(f"{len(keys)} cited documents, {len(keys - existing.keys())} new copies to make")
        if retry_failed:
            ArchivedCopy.objects.filter(state=ArchivedCopy.State.FAILED).exclude(url="").update(
                state=ArchivedCopy.State.PENDING, attempts=0, claimed_until=None, reason="Waiting for another try."
            )
        pending = list(ArchivedCopy.objects.capture_due(timezone.now()).exclude(url="").values_list("pk", flat=True))
        outcomes: dict[str, int] = {}
        for pk in pending:
            if queue:
                archive.enqueue_capture(pk)
                outcome = "queued"
            else:
                outcome = archive.capture(pk)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        self.stdout.write("captures: " + (", ".join(f"{n} {o}" for o, n in sorted(outcomes.items())) or "none due"))
        for copy in ArchivedCopy.objects.filter(state=ArchivedCopy.State.FAILED, pk__in=pending):
            self.stderr.write(f"{copy.url}: {copy.reason}")
        if recheck:
            states: dict[str, int] = {}
            for pk in ArchivedCopy.objects.recheck_due(timezone.now()).values_list("pk", flat=True):
                state = archive.recheck(pk)
                states[state] = states.get(state, 0) + 1
            self.stdout.write("re-checks: " + (", ".join(f"{n} {s}" for s, n in sorted(states.items())) or "none due"))
