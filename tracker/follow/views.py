"""Follow by e-mail: ask, confirm, unsubscribe.

The follow form sits on cached public pages, which carry no CSRF token (a token in a page served
to everyone would be everyone's). So the three POST endpoints are CSRF-exempt, which is safe
here: asking to follow only sends a confirmation to the address given (throttled per address and
per client), and confirming or unsubscribing needs the signed link from that message. The
unsubscribe POST must work without a form anyway (RFC 8058: mail clients POST
`List-Unsubscribe=One-Click` with no cookie and no token).

Links are not acted on by GET: mail scanners open links, so GET shows a page with a button.
Every refusal is a status code and a sentence, and writes nothing.
"""

from __future__ import annotations

import datetime
import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.follow import tasks, throttle, tokens
from tracker.follow.models import Subscription
from tracker.follow.targets import TargetError, resolve
from tracker.public import links

logger = logging.getLogger(__name__)

DONE = (
    "Thank you. If this address can receive mail, a message is on its way with a link to confirm. "
    "Nothing is sent until you confirm; the link works for {hours} hours."
)


class FollowForm(forms.Form):
    email = forms.CharField(max_length=254)
    kind = forms.ChoiceField(choices=Subscription.Kind.choices)
    target = forms.CharField(max_length=1000, required=False)
    frequency = forms.ChoiceField(choices=Subscription.Frequency.choices, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(f"“{email[:80]}” is not an e-mail address: write it as name@example.org.") from None
        local, _, domain = email.rpartition("@")
        return f"{local}@{domain.lower()}"


def _answer(request, message: str, status: int, *, title: str, target=None, error=True):
    context = {"message": message, "title": title, "error": error, "target": target}
    return render(request, "follow/message.html", context, status=status)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request):
    if request.method != "POST":
        return render(request, "follow/follow.html", {"confirm_hours": settings.FOLLOW_CONFIRM_HOURS})
    form = FollowForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        if "kind" in form.errors:
            first = "Choose a commitment, a dialogue, a party or a list to follow."
        return _answer(request, first, 400, title="That request could not be taken")
    email, kind = form.cleaned_data["email"], form.cleaned_data["kind"]
    frequency = form.cleaned_data["frequency"] or Subscription.Frequency.WEEKLY
    try:
        target = resolve(kind, form.cleaned_data["target"])
    except TargetError as error:
        return _answer(request, str(error), 404, title="Nothing to follow there")
    refused = throttle.refused(request, email)
    if refused:
        response = _answer(request, refused, 429, title="Please wait", target=target)
        response["Retry-After"] = str(settings.FOLLOW_THROTTLE_SECONDS)
        return response
    existing = Subscription.objects.filter(email=email, kind=kind, target=target.key).first()
    if existing is not None and existing.confirmed_at:
        # Said the same way as a new request, so the page does not tell who follows what.
        return _answer(
            request,
            DONE.format(hours=settings.FOLLOW_CONFIRM_HOURS),
            200,
            title="Check your inbox",
            target=target,
            error=False,
        )
    created = existing is None
    try:
        with transaction.atomic():
            if existing is None:
                subscription = Subscription.objects.create(
                    email=email, kind=kind, target=target.key, frequency=frequency
                )
            else:
                Subscription.objects.filter(pk=existing.pk).update(frequency=frequency)
                subscription = existing
    except IntegrityError:  # the same request twice at once
        subscription = Subscription.objects.get(email=email, kind=kind, target=target.key)
    # Sent by a worker once the row is committed: a slow or unreachable mail server neither keeps
    # the reader waiting nor loses the request (the task retries, then forgets a new address).
    site, pk = links.site_url(request), subscription.pk
    transaction.on_commit(lambda: tasks.send_confirmation.delay(pk, site, forget_if_unsent=created))
    return _answer(
        request,
        DONE.format(hours=settings.FOLLOW_CONFIRM_HOURS),
        200,
        title="Check your inbox",
        target=target,
        error=False,
    )


def _from_token(reader, token):
    """(subscription, error message, status) for a link."""
    try:
        pk, key = reader(token)
    except tokens.TokenError as error:
        return None, str(error), 400
    subscription = Subscription.objects.filter(pk=pk, key=key).first()
    return subscription, "", 200


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription, error, status = _from_token(tokens.read_confirm, token)
    if error:
        return _answer(request, error, status, title="This link cannot be used")
    if subscription is None:
        return _answer(
            request,
            "This link no longer names a request to follow: it was unsubscribed or never confirmed in time. "
            "Ask to follow again if you wish.",
            404,
            title="This link cannot be used",
        )
    target = _target_or_none(subscription)
    if subscription.confirmed_at:
        return _answer(
            request,
            "This link was already used: the address already follows this. Nothing was changed.",
            409,
            title="Already confirmed",
            target=target,
        )
    if request.method != "POST":
        return render(request, "follow/confirm.html", {"subscription": subscription, "target": target, "token": token})
    now = timezone.now()
    claimed = Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=now, covered_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    if claimed != 1:
        return _answer(request, "This link was already used. Nothing was changed.", 409, title="Already confirmed")
    return _answer(
        request,
        f"Confirmed: a {subscription.get_frequency_display().lower()} digest will be sent when something changes. "
        "Every message has a link to stop it.",
        200,
        title="You are following this",
        target=target,
        error=False,
    )


def _target_or_none(subscription):
    try:
        return resolve(subscription.kind, subscription.target)
    except TargetError:
        return None


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, key):
    token = key
    subscription, error, status = _from_token(tokens.read_unsubscribe, token)
    if error:
        return _answer(request, error, status, title="This link cannot be used")
    if subscription is None:
        return _answer(
            request,
            "This address is already unsubscribed: nothing more will be sent, and its address is no longer kept.",
            200,
            title="Already unsubscribed",
            error=False,
        )
    if request.method != "POST":
        return render(request, "follow/unsubscribe.html", {"token": token, "target": _target_or_none(subscription)})
    Subscription.objects.filter(pk=subscription.pk, key=subscription.key).delete()
    return _answer(
        request,
        "Unsubscribed: nothing more will be sent, and the address has been deleted.",
        200,
        title="Unsubscribed",
        error=False,
    )
