import time
from typing import Any

from django.core.management.base import BaseCommand

from tracker.commitments import party_status


class Command(BaseCommand):
    help = "Rebuild each committing party's status today (PartyStatus) from the assessment log."

    def handle(self, *args: Any, verbosity: int, **options: Any) -> None:
        started = time.perf_counter()
        written = party_status.rebuild(log=self.stdout.write if verbosity > 1 else (lambda line: None))
        self.stdout.write(f"Wrote {written} party statuses in {time.perf_counter() - started:.1f} s.")
