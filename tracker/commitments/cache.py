"""One version number for everything the public sees.

Public pages are cached for anonymous readers under keys that include this number; anything that
changes what is published bumps it after the transaction commits, so no reader is served a page
from before the change, and nothing has to know which cached pages a change touches.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "tracker:public-version"


def public_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def changed() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key expired or the cache was flushed: any new value invalidates
        cache.add(VERSION_KEY, 2, timeout=None)


def changed_on_commit() -> None:
    transaction.on_commit(changed)
