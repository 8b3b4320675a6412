import time
from typing import Any

from django.core.management.base import BaseCommand

from tracker.commitments import summaries


class Command(BaseCommand):
    help = "Rebuild the summary rows (counts per meeting by status, party and deadline) from the commitments."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        written = summaries.rebuild()
        self.stdout.write(f"Wrote {written} summary rows in {time.perf_counter() - started:.1f} s.")
