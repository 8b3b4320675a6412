"""Absolute links: permalinks, citations, feeds, the `url` of exports and of the read API.

`SITE_URL`, when set, wins: a deployment behind a proxy that rewrites the Host header names its
public address there. When it is not set, a link uses the address of the request it answers (its
scheme, and its host as `request.get_host()` returns it: checked against ALLOWED_HOSTS), so the
app served on another port or name links to itself, not to http://127.0.0.1:8000.
"""

from __future__ import annotations

from django.conf import settings

# Outside a request (a management command, a task) and without SITE_URL: the local default.
LOCAL_SITE = "http://127.0.0.1:8000"


def site_url(request=None) -> str:
    """The scheme and host that absolute links start with, without a trailing slash."""
    if settings.SITE_URL:
        return settings.SITE_URL
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return LOCAL_SITE


def absolute(path: str, request=None) -> str:
    return f"{site_url(request)}{path}"
