"""Subscription requests, throttled per address and per client, in the cache.

The project has no general rate limiter (django-axes counts failed logins only), and a counter
per key in the shared cache is all this needs: a fixed window per key, `cache.add` then `incr`,
atomic on Redis. Keys are hashed, so the cache never holds an address or a client's IP in clear.
When the cache is unreachable the request is allowed: the confirmation step still stands between
a request and any digest.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"follow-throttle:{kind}:{digest}"


def _over(kind: str, value: str, limit: int, seconds: int) -> bool:
    key = _key(kind, value)
    try:
        if cache.add(key, 1, seconds):
            return limit < 1
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        return False
    except Exception as exc:  # the cache is an optimisation (tracker.public.caching)
        logger.warning("Follow throttle not applied: the cache is unreachable (%s)", exc)
        return False


def client_address(request) -> str:
    # REMOTE_ADDR: behind a proxy, the proxy sets it from the client (gunicorn's forwarded_allow_ips).
    return request.META.get("REMOTE_ADDR", "")


def refused(request, email: str) -> str:
    """A message saying why, when this request is over a limit; "" when it may go ahead. Both
    counters are counted on every request, so a client cycling addresses is caught too."""
    window = settings.FOLLOW_THROTTLE_SECONDS
    by_address = _over("address", email.lower(), settings.FOLLOW_THROTTLE_PER_ADDRESS, window)
    by_client = _over("client", client_address(request), settings.FOLLOW_THROTTLE_PER_CLIENT, window)
    if by_address:
        return "Too many requests to follow with this address. Please try again later."
    if by_client:
        return "Too many follow requests from your connection. Please try again later."
    return ""
