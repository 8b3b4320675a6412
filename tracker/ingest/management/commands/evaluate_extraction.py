"""``manage.py evaluate_extraction DIR``: score extraction against a labelled folder."""

import json

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction.evaluate import SPLITS, evaluate_folder, format_report


class Command(BaseCommand):
    help = "Score commitment extraction on a folder of NAME.txt/.html/.md documents with NAME.gold.json labels."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--verbose", action="store_true", help="list misses, false alarms and wrong fields")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--split",
            choices=SPLITS,
            default="all",
            help="score every document (all, the default: fitted and held-out parts reported apart), "
            "or only the fitted or the held-out third (names sorted by SHA-256, every third from the first)",
        )

    def handle(self, *args, folder, verbose=False, as_json=False, split="all", **options):
        try:
            report = evaluate_folder(folder, split=split)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
            return
        for line in format_report(report, verbose=verbose):
            self.stdout.write(line)
