"""The two messages: the confirmation and the digest. Every message carries a one-click
unsubscribe (RFC 8058: `List-Unsubscribe` with an https link that accepts a bare POST, and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and the same link in its text."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from tracker.follow import tokens
from tracker.public import links


def unsubscribe_url(subscription, site: str) -> str:
    return site + reverse("public:follow_unsubscribe", args=[tokens.unsubscribe_token(subscription)])


def _message(subscription, subject: str, template: str, context: dict, site: str) -> EmailMessage:
    unsubscribe = unsubscribe_url(subscription, site)
    body = render_to_string(
        template,
        {
            **context,
            "SITE_NAME": settings.SITE_NAME,
            "subscription": subscription,
            "unsubscribe_url": unsubscribe,
            "site": site,
        },
    )
    return EmailMessage(
        subject=f"{settings.SITE_NAME}: {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send_confirmation(subscription, target, request=None) -> None:
    site = links.site_url(request)
    confirm = site + reverse("public:follow_confirm", args=[tokens.confirm_token(subscription)])
    _message(
        subscription,
        f"confirm that you want to follow {target.label}",
        "follow/email/confirm.txt",
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
        "follow/email/digest.txt",
        {"target": target, "digest": digest, "target_url": site + target.path},
        site,
    ).send()
