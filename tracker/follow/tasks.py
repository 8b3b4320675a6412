from celery import shared_task
from django.conf import settings

from tracker.follow import digest


@shared_task(acks_late=True)
def send_digests() -> int:
    """Hourly (the beat schedule): sends the digests that are due; each claimed before sending."""
    digest.purge_unconfirmed(hours=settings.FOLLOW_CONFIRM_HOURS)
    return digest.send_digests()
