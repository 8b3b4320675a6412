"""The signed links of the messages (django.core.signing): confirmation links expire, unsubscribe
links do not (a digest read months later must still unsubscribe in one click)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "tracker.follow.confirm"
UNSUBSCRIBE_SALT = "tracker.follow.unsubscribe"


class TokenError(ValueError):
    """The link cannot be used; the message says why, for the reader."""


def confirm_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "k": subscription.key}, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "k": subscription.key}, salt=UNSUBSCRIBE_SALT, compress=True)


def _read(token: str, salt: str, max_age=None) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenError(
            "This confirmation link has expired. Ask to follow again and use the new link within "
            f"{settings.FOLLOW_CONFIRM_HOURS} hours."
        ) from None
    except signing.BadSignature:
        raise TokenError("This link is damaged: copy the whole address from the message, or ask again.") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("k"), str):
        raise TokenError("This link is damaged: copy the whole address from the message, or ask again.")
    return data["s"], data["k"]


def read_confirm(token: str) -> tuple[int, str]:
    return _read(token, CONFIRM_SALT, max_age=settings.FOLLOW_CONFIRM_HOURS * 3600)


def read_unsubscribe(token: str) -> tuple[int, str]:
    return _read(token, UNSUBSCRIBE_SALT)
