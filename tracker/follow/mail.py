"""The messages: a reader's confirmation and digest, and an editor's daily digest. Each has a
plain-text part and an HTML part rendered from the same context (`NAME.txt` and `NAME.html`).
Every message to a reader carries a one-click unsubscribe (RFC 8058: `List-Unsubscribe` with an
https link that accepts a bare POST, and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and
the same link in its text; an editor's digest links to the workspace setting that stops it."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from tracker.follow import tokens
from tracker.follow.models import Subscription
from tracker.follow.targets import TargetError, resolve
from tracker.public import links


def unsubscribe_url(subscription, site: str) -> str:
    return site + reverse("public:follow_unsubscribe", args=[tokens.unsubscribe_token(subscription)])


def multipart(to: str, subject: str, template: str, context: dict, headers: dict) -> EmailMultiAlternatives:
    """A message with `template`.txt as its text and `template`.html as its HTML alternative."""
    context = {**context, "SITE_NAME": settings.SITE_NAME}
    message = EmailMultiAlternatives(
        subject=f"{settings.SITE_NAME}: {subject}",
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={**headers, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def _message(subscription, subject: str, template: str, context: dict, site: str) -> EmailMultiAlternatives:
    unsubscribe = unsubscribe_url(subscription, site)
    return multipart(
        subscription.email,
        subject,
        template,
        {**context, "subscription": subscription, "unsubscribe_url": unsubscribe, "site": site},
        {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def confirm_pending(pk: int, site: str) -> bool:
    """Send the confirmation of a request still pending; False when there is none to send (the
    address confirmed or unsubscribed meanwhile, or what it follows is no longer public)."""
    subscription = Subscription.objects.pending().filter(pk=pk).first()
    if subscription is None:
        return False
    try:
        target = resolve(subscription.kind, subscription.target)
    except TargetError:
        return False
    send_confirmation(subscription, target, site)
    return True


def send_confirmation(subscription, target, site: str) -> None:
    confirm = site + reverse("public:follow_confirm", args=[tokens.confirm_token(subscription)])
    _message(
        subscription,
        f"confirm that you want to follow {target.label}",
        "follow/email/confirm",
        {
            "target": target,
            "confirm_url": confirm,
            "hours": settings.FOLLOW_CONFIRM_HOURS,
            "target_url": site + target.path,
        },
        site,
    ).send()


def send_digest(subscription, target, digest) -> None:
    site = links.site_url()
    _message(
        subscription,
        f"{digest.count} update{'s' if digest.count != 1 else ''} on {target.label}",
        "follow/email/digest",
        {"target": target, "digest": digest, "target_url": site + target.path},
        site,
    ).send()


def send_editor_digest(user, queue) -> None:
    site = links.site_url()
    multipart(
        user.email,
        f"your queue, {queue.count} item{'s' if queue.count != 1 else ''}",
        "follow/email/editor_digest",
        {"user": user, "queue": queue, "site": site, "settings_url": site + reverse("editor:digest_preference")},
        {},
    ).send()
