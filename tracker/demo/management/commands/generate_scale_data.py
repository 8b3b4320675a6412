import time

from django.core.management.base import BaseCommand, CommandError

from tracker.demo import scale_data


class Command(BaseCommand):
    help = (
        "Generate a decade of synthetic dialogues, commitments and assessments for measuring the site "
        "(marked SCALE…/scale-…). Idempotent: running it again adds only what is missing. Refuses a database "
        "holding anything else unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commitments", type=int, required=True, help="total generated commitments wanted")
        parser.add_argument("--assessments", type=int, required=True, help="total generated assessments wanted")
        parser.add_argument("--dialogues", type=int, default=30)
        parser.add_argument("--meetings", type=int, default=600)
        parser.add_argument("--seed", type=int, default=15)
        parser.add_argument("--force", action="store_true", help="add to a database that holds other data too")

    def handle(self, *args, commitments, assessments, dialogues, meetings, seed, force, verbosity, **options):
        if commitments < 0 or assessments < 0 or dialogues < 1 or meetings < dialogues:
            raise CommandError("Sizes must be positive, with at least one meeting per dialogue.")
        started = time.perf_counter()
        try:
            result = scale_data.generate(
                commitments=commitments,
                assessments=assessments,
                dialogues=dialogues,
                meetings=meetings,
                seed=seed,
                force=force,
                log=self.stdout.write if verbosity > 1 else (lambda line: None),
            )
        except scale_data.RefusedError as error:
            raise CommandError(str(error)) from None
        for note in result.notes:
            self.stdout.write(note)
        self.stdout.write(
            f"Added {result.commitments_added} commitments and {result.assessments_added} assessments in "
            f"{time.perf_counter() - started:.1f} s; generated data now holds {result.commitments_total} "
            f"commitments and {result.assessments_total} assessments."
        )
