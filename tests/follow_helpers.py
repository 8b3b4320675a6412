"""Shared by the follow-by-e-mail tests: read the links out of a real message."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CONFIRM = re.compile(r"https?://\S+/follow/confirm/[^/\s]+/")
UNSUBSCRIBE = re.compile(r"https?://\S+/follow/unsubscribe/[^/\s]+/")


def path_of(url: str) -> str:
    return urlsplit(url).path


def confirm_link(body: str) -> str:
    return CONFIRM.search(body).group(0)


def unsubscribe_link(body: str) -> str:
    return UNSUBSCRIBE.search(body).group(0)
