from contextlib import contextmanager

from django.core.management.base import BaseCommand

from tracker.demo import dialogue as demo


@contextmanager
def tasks_in_process():
    """Run the tasks the demo enqueues here, even with a broker configured.

    The demo analyses its seed article itself, so a task sent to Redis would only wait there for
    a worker to find the article done already: a stray message in the queue of a fresh stack.
    """
    from tracker.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = previous


class Command(BaseCommand):
    help = (
        "Load the demonstration dialogue (China–U.S. Law Enforcement and Cybersecurity Dialogue, 2017): its "
        "seed article through the pipeline when available, its commitments, and demonstration assessments. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", help=f"Path to the seed article ({demo.SEED_NAME}); default: ../shared/devset/")

    def handle(self, *args, seed=None, **options):
        with tasks_in_process():
            demo.load(seed=seed, log=self.stdout.write)
