"""``manage.py extract PATH_OR_URL [...] --json``: the extraction pipeline on documents, no writes."""

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction.cli import extract_sources, parse_date, parse_parties
from tracker.ingest.fetch import load_url


class Command(BaseCommand):
    help = "Extract commitments from files or URLs and print one JSON object per document per line (writes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--json", action="store_true", help="one JSON object per document per line (the default)")
        parser.add_argument("--meeting-parties", help='the meeting\'s parties, e.g. "China,United States"')
        parser.add_argument("--date", help="the document's date, YYYY-MM-DD")

    def handle(self, *args, sources, meeting_parties=None, date=None, **options):
        try:
            doc_date = parse_date(date)
        except ValueError as error:
            raise CommandError(str(error)) from error
        failures = extract_sources(
            sources,
            parties=parse_parties(meeting_parties),
            doc_date=doc_date,
            out=self.stdout,
            err=self.stderr,
            load_url=load_url,
        )
        if failures:
            raise CommandError(f"{failures} of {len(sources)} documents could not be extracted")
