"""Version numbers for what the public sees: one for the whole site, one per scope.

Public pages are cached for anonymous readers under keys that include the site's version and the
version of the one scope the page shows (`tracker.public.caching`):

- `commitment:REF`: a commitment's page;
- `dialogue:SLUG` and `party:CODE`: a dialogue's and a party's page;
- `lists`: every page that lists or counts across the tracker (the dashboard, the list, its feeds
  and exports, the dialogue and party lists, meeting pages).

A change to one commitment (an assessment recorded, published, unpublished, a source added) bumps
its own scope, the scopes of the commitments whose pages show it (its parent, its predecessor, its
sub-commitments and successors), its dialogue's, its parties' and `lists`, after the transaction
commits: the pages of other commitments, dialogues and parties stay cached. Anything else (an edit
of a commitment's descriptive fields, reference data) bumps the site's version, which invalidates
every page at once.

A version is created from the clock (nanoseconds), never from 1: a version key evicted from the
cache and created again cannot bring back pages stored under an older number.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction
from redis.exceptions import RedisError

if TYPE_CHECKING:
    from tracker.commitments.models import Commitment

logger = logging.getLogger(__name__)

VERSION_KEY = "tracker:public-version"
SCOPE_KEY = "tracker:public-version:{}"
LISTS = "lists"

# What a cache that cannot be reached raises: redis-py's errors (ConnectionError, TimeoutError)
# and the socket's own. The public site serves uncached pages then (tracker.public.caching).
CACHE_UNAVAILABLE = (RedisError, ConnectionError, TimeoutError)


def _fresh() -> int:
    return time.time_ns()


def versions(scope: str) -> tuple[int, int]:
    """(the site's version, `scope`'s version), in one round trip when both exist."""
    keys = [VERSION_KEY, SCOPE_KEY.format(scope)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _fresh(), timeout=None)
            found[key] = cache.get(key, 0)
    return found[keys[0]], found[keys[1]]


def public_version() -> int:
    return versions(LISTS)[0]


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # the key expired or the cache was flushed: any new value invalidates
        cache.add(key, _fresh(), timeout=None)


def scopes_of(commitment: Commitment) -> list[str]:
    """The scopes whose pages show `commitment` (see the module's docstring). Two queries."""
    from django.db.models import Q

    from tracker.commitments.models import Commitment

    row = (
        Commitment.objects.filter(pk=commitment.pk)
        .values("reference", "parent__reference", "predecessor__reference", "meeting__dialogue__slug")
        .first()
    )
    if row is None:  # deleted since: whatever showed it is a list
        return [LISTS, f"commitment:{commitment.reference}"]
    related = Commitment.objects.filter(Q(parent=commitment.pk) | Q(predecessor=commitment.pk))
    references = {row["reference"], row["parent__reference"], row["predecessor__reference"]}
    references |= set(related.values_list("reference", flat=True))
    scopes = [LISTS, *(f"commitment:{r}" for r in sorted(filter(None, references)))]
    if row["meeting__dialogue__slug"]:
        scopes.append(f"dialogue:{row['meeting__dialogue__slug']}")
    scopes += [f"party:{code}" for code in commitment.parties.order_by("code").values_list("code", flat=True)]
    return scopes


def changed(commitment: Commitment | None = None) -> None:
    """Invalidate the pages showing `commitment` (see above), or every page when it is None."""
    try:
        if commitment is None:
            _bump(VERSION_KEY)
            return
        for scope in scopes_of(commitment):
            _bump(SCOPE_KEY.format(scope))
    except CACHE_UNAVAILABLE:
        # The change is saved; only the bump is lost. Pages stored before it can be served again
        # once the cache is back, for at most PUBLIC_PAGE_CACHE_SECONDS.
        logger.warning("The cache is unreachable: public pages were not invalidated after a change")


def changed_on_commit(commitment: Commitment | None = None) -> None:
    transaction.on_commit(lambda: changed(commitment))
