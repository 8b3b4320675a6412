import logging
import smtplib

from celery import shared_task
from django.conf import settings

from tracker.follow import digest, editor_digest, mail
from tracker.follow.models import Subscription

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def send_digests() -> int:
    """Hourly (the beat schedule): sends the digests that are due; each claimed before sending."""
    digest.purge_unconfirmed(hours=settings.FOLLOW_CONFIRM_HOURS)
    return digest.send_digests()


@shared_task(acks_late=True)
def send_editor_digests() -> int:
    """Hourly (the beat schedule): each editor who opted in gets at most one digest a day, claimed
    before it is sent, so a second run the same day sends nothing."""
    return editor_digest.send_editor_digests()


# Retried with a growing wait (30 s, 1 min, 2 min, ...): a mail server briefly down is no reason
# to lose a request. Only connection and SMTP errors are retried; a bug fails at once.
@shared_task(bind=True, acks_late=True, max_retries=5)
def send_confirmation(self, subscription_id: int, site: str, forget_if_unsent: bool = False) -> bool:
    try:
        return mail.confirm_pending(subscription_id, site)
    except (OSError, smtplib.SMTPException) as exc:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
        logger.exception("The confirmation of subscription %s could not be sent", subscription_id)
        if forget_if_unsent:  # keep no address that was never written to
            Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True).delete()
        return False
