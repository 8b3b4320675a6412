from typing import Any

from django.core.management.base import BaseCommand

from tracker.commitments.models import Party, Topic
from tracker.commitments.reference_data import sync


class Command(BaseCommand):
    help = "Add any missing parties (countries, organisations) and topics; changes nothing that exists."

    def handle(self, *args: Any, **options: Any) -> None:
        parties, topics = sync(Party, Topic)
        self.stdout.write(f"Added {parties} parties and {topics} topics.")
