from django.core.management.base import BaseCommand

from tracker.ingest import pipeline
from tracker.ingest.fetch import FetchRetryable
from tracker.ingest.models import Feed


class Command(BaseCommand):
    help = "Poll every active feed now (conditional GET) and import its new entries."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, help="Only this feed (id)")

    def handle(self, *args, feed=None, **options):
        feeds = Feed.objects.filter(is_active=True)
        if feed:
            feeds = feeds.filter(pk=feed)
        for item in feeds:
            try:
                new = pipeline.poll_feed(item.pk)
            except FetchRetryable as exc:
                Feed.objects.filter(pk=item.pk).update(last_error=exc.message)
                self.stderr.write(f"{item}: {exc.message} (will be tried again at the next poll)")
                continue
            item.refresh_from_db()
            if item.last_error:
                self.stderr.write(f"{item}: {item.last_error}")
            else:
                self.stdout.write(f"{item}: {new} new entries")
