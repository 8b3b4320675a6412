"""``manage.py compare_readouts A B --json``: two accounts of one meeting, side by side (writes nothing).

Each document goes through the extraction as the ingest pipeline runs it
(`tracker.extraction.document.extract_document`); the two lists of commitments are then aligned by
`tracker.extraction.align.align`, the function the pipeline's alignment step calls. The printed
object is the one `readout-pairs/score_pairs.py` reads.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction.align import align, item_from_detected
from tracker.extraction.cli import load_source, parse_date, parse_parties
from tracker.extraction.document import extract_document, result_to_json
from tracker.ingest.fetch import load_url


class Command(BaseCommand):
    help = "Align the commitments of two accounts of one meeting and print one JSON object (writes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("a", metavar="A", help="side A's document (path or URL)")
        parser.add_argument("b", metavar="B", help="side B's document (path or URL)")
        parser.add_argument("--json", action="store_true", help="print the JSON object (the default)")
        parser.add_argument("--meeting-parties", help='the meeting\'s parties, e.g. "China,United States"')
        parser.add_argument("--date", help="the meeting's date, YYYY-MM-DD (documents without a date of their own)")

    def handle(self, *args, a, b, meeting_parties=None, date=None, **options):
        try:
            doc_date = parse_date(date)
        except ValueError as error:
            raise CommandError(str(error)) from error
        parties = parse_parties(meeting_parties)
        sides = {}
        for name, source in (("a", a), ("b", b)):
            try:
                data, content_type = load_source(source, load_url)
                is_url = source.startswith(("http://", "https://"))
                result = extract_document(
                    data,
                    filename=None if is_url else source.rsplit("/", 1)[-1],
                    url=source if is_url else None,
                    parties=parties,
                    content_type=content_type,
                )
                if result.document.date is None and doc_date is not None:
                    result.document.date = doc_date
            except Exception as error:
                raise CommandError(f"{source}: {error}") from error
            sides[name] = result
        alignment = align(
            [item_from_detected(c, sides["a"].document.language) for c in sides["a"].commitments],
            [item_from_detected(c, sides["b"].document.language) for c in sides["b"].commitments],
        )
        out = {
            "a": {"commitments": result_to_json(a, sides["a"])["commitments"]},
            "b": {"commitments": result_to_json(b, sides["b"])["commitments"]},
            **alignment.as_json(),
        }
        self.stdout.write(json.dumps(out, ensure_ascii=False))
