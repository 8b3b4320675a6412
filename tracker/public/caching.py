"""The page cache of the public site: rendered pages for anonymous readers, keyed by version.

A page is stored under its full address, today's date (pages say "due in 3 days"), the site's
version and the version of the scope it shows (`tracker.commitments.cache`): a commitment's page
under its commitment's, a dialogue's or party's page under its own, every other page under `lists`.
Recording an assessment bumps the scopes of that commitment only, so the pages of other
commitments, dialogues and parties stay cached through an editor's work; an edit that may touch
anything bumps the site's version. Logged-in users (editors checking their work) are never served
from the cache, and a request carrying a session or a pending message is neither served from it
nor stored in it: such a page may hold something meant for that reader only.

The cache is an optimisation, never a dependency: when Redis cannot be reached, pages are served
straight from the database (logged once per outage), and the short socket timeouts in settings.py
keep a dead Redis to milliseconds per request.
"""

from __future__ import annotations

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from tracker.commitments.cache import CACHE_UNAVAILABLE, LISTS, versions

logger = logging.getLogger(__name__)

# How long a stored page may live; a version bump invalidates it long before, this only bounds
# the memory pages of old versions hold.
STORE_SECONDS = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)
# What browsers and proxies may keep without asking again: short, so a correction reaches
# readers within a minute even through a shared proxy.
MAX_AGE = getattr(settings, "PUBLIC_PAGE_MAX_AGE", 60)


def _personal(request) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
        or request.user.is_authenticated
    )


class _Outage:
    """Logs when the cache stops answering and when it answers again, once each."""

    down = False

    @classmethod
    def failed(cls, exc: Exception) -> None:
        if not cls.down:
            cls.down = True
            logger.warning("The page cache is unreachable (%s); serving pages uncached", exc)

    @classmethod
    def answered(cls) -> None:
        if cls.down:
            cls.down = False
            logger.warning("The page cache answers again")


def page_key(request, scope: str = LISTS) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    site, version = versions(scope)
    return f"public-page:{site}:{scope}:{version}:{timezone.localdate().isoformat()}:{address}"


def public_page(view=None, *, scope=None):
    """GET/HEAD only (anything else is 405), cached for anonymous readers as described above.
    `scope(**url_kwargs)` names the scope the page shows (default: `lists`)."""
    if view is None:
        return lambda view: public_page(view, scope=scope)

    @wraps(view)
    @require_safe
    def wrapped(request, *args, **kwargs):
        if _personal(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        try:
            key = page_key(request, scope(**kwargs) if scope else LISTS)
            stored = cache.get(key)
        except CACHE_UNAVAILABLE as exc:
            _Outage.failed(exc)
            key = stored = None
        else:
            _Outage.answered()
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if key and response.status_code == 200 and not response.streaming:
                if hasattr(response, "render"):
                    response.render()
                try:
                    cache.set(key, (response.content, response["Content-Type"]), STORE_SECONDS)
                except CACHE_UNAVAILABLE as exc:
                    _Outage.failed(exc)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        else:
            add_never_cache_headers(response)
        return response

    return wrapped
