import datetime
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.commitments.models import Meeting, Party
from tracker.ingest import outbox, pipeline
from tracker.ingest.models import Article, DocumentKind


class Command(BaseCommand):
    help = (
        "Import a document into the pipeline: an http(s) address, a file (.txt, .md with front matter, "
        ".html), or - for standard input. Its commitments are proposed in the review inbox."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="URL, path, or - to read standard input")
        parser.add_argument("--meeting", help="Slug of the meeting the document reports on")
        parser.add_argument("--kind", default=DocumentKind.NEWS, choices=DocumentKind.values)
        parser.add_argument("--side", help="The issuing party (name or code), for readouts")
        parser.add_argument("--date", help="Publication date, YYYY-MM-DD, when the document does not give it")
        parser.add_argument("--title", default="")

    def handle(self, source, meeting=None, kind=DocumentKind.NEWS, side=None, date=None, title="", **options):
        meeting_obj = self._meeting(meeting)
        party = self._party(side)
        published_on = self._date(date)
        common = {
            "meeting": meeting_obj,
            "kind": kind,
            "issuing_party": party,
            "published_on": published_on,
            "title": title,
        }
        try:
            if source.startswith(("http://", "https://")):
                article, created = pipeline.import_article(url=source, **common)
            elif source == "-":
                article, created = pipeline.import_article(data=sys.stdin.buffer.read(), filename="stdin.txt", **common)
            else:
                path = Path(source)
                if not path.is_file():
                    raise CommandError(f"No such file: {source}")
                article, created = pipeline.import_article(data=path.read_bytes(), filename=path.name, **common)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        if not created:
            self.stdout.write(f"Already imported as article {article.pk} ({article.get_state_display()}); nothing new.")
            return
        article.refresh_from_db()
        self.stdout.write(f"Article {article.pk}: {article.get_state_display()}")
        if outbox.is_unsent(article):
            self.stdout.write("Saved, queued for when the broker is back: it is analysed then.")
            return
        if article.state == Article.State.FAILED:
            raise CommandError(article.error)
        if article.state == Article.State.DUPLICATE:
            self.stdout.write(f"Same text as article {article.duplicate_of_id}: nothing new.")
        elif article.state == Article.State.ANALYSED:
            for candidate in article.candidates.prefetch_related("parties", "topics"):
                parties = ", ".join(p.name for p in candidate.parties.all())
                topics = ", ".join(t.key for t in candidate.topics.all())
                self.stdout.write(
                    f"  candidate {candidate.pk} [{parties}] [{topics}] {candidate.strength}: {candidate.quote}"
                )
        else:
            self.stdout.write("Queued: a worker will fetch and analyse it.")

    def _meeting(self, slug):
        if not slug:
            return None
        try:
            return Meeting.objects.get(slug=slug)
        except Meeting.DoesNotExist:
            raise CommandError(f"No meeting with the slug “{slug}”.") from None

    def _party(self, name):
        if not name:
            return None
        party = Party.objects.filter(code__iexact=name).first() or Party.objects.filter(name__iexact=name).first()
        if party is None:
            raise CommandError(f"No party named or coded “{name}”.")
        return party

    def _date(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date must be YYYY-MM-DD, not “{value}”.") from None
