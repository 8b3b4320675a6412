"""Build the full dump and the data package offline (tracker.public.offline), as beat does."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from tracker.public import offline


class Command(BaseCommand):
    help = (
        "Write today's full dump (dump.json) and data package (datapackage.zip) to the exports storage "
        "and make them the files served. Every kind by default; --if-due builds only what beat would."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", choices=sorted(offline.KINDS), action="append", help="build this kind only (repeatable)"
        )
        parser.add_argument("--if-due", action="store_true", help="build only what is due (beat's rule)")
        parser.add_argument(
            "--site", default=None, help="the address links start with (default: SITE_URL, else the last build's)"
        )

    def handle(self, *args, only=None, if_due=False, site=None, **options):
        if site is not None and not site.startswith(("http://", "https://")):
            raise CommandError(f"--site must start with http:// or https://, not {site!r}")
        built = offline.build_due(force=not if_due, only=only, site=site.rstrip("/") if site else None)
        if not built:
            self.stdout.write("Nothing to build." if if_due else "Nothing built: another process holds the lock.")
        for entry in built:
            self.stdout.write(
                f"Built the {entry['kind']}: {entry['name']}, {filesizeformat(entry['size'])} ({entry['size']} bytes), "
                f"sha256 {entry['sha256']}, in {entry['seconds']} s"
            )
