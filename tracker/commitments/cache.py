"""One version number for everything the public sees.

Public pages are cached for anonymous readers under keys that include this number; anything that
changes what is published bumps it after the transaction commits, so no reader is served a page
from before the change, and nothing has to know which cached pages a change touches.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "tracker:public-version"

# What a cache that cannot be reached raises: redis-py's errors (ConnectionError, TimeoutError)
# and the socket's own. The public site serves uncached pages then (tracker.public.caching).
CACHE_UNAVAILABLE = (RedisError, ConnectionError, TimeoutError)


def public_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def changed() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # the key expired or the cache was flushed: any new value invalidates
            cache.add(VERSION_KEY, 2, timeout=None)
    except CACHE_UNAVAILABLE:
        # The change is saved; only the bump is lost. Pages stored before it can be served again
        # once the cache is back, for at most PUBLIC_PAGE_CACHE_SECONDS.
        logger.warning("The cache is unreachable: public pages were not invalidated after a change")


def changed_on_commit() -> None:
    transaction.on_commit(changed)
