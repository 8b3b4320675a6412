from django.core.management.base import BaseCommand

from tracker.commitments import demo


class Command(BaseCommand):
    help = (
        "Load the demonstration dialogue (China–U.S. Law Enforcement and Cybersecurity Dialogue, 2017): its "
        "seed article through the pipeline when available, its commitments, and demonstration assessments. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", help=f"Path to the seed article ({demo.SEED_NAME}); default: ../shared/devset/")

    def handle(self, *args, seed=None, **options):
        demo.load(seed=seed, log=self.stdout.write)
