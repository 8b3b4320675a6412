"""The extraction core's lexicon, built from the database's parties and topics.

Editors edit aliases and topic keywords in the admin; the pipeline must use what they wrote.
Building the lexicon compiles a large pattern, so it is cached per process and rebuilt when a
party or topic changed (their history tables record every change, with its time).
"""

from __future__ import annotations

import threading

from django.db.models import Max

from tracker.commitments.models import Party, Topic
from tracker.extraction.lexicon import Lexicon
from tracker.extraction.parties import PartyEntry, default_parties
from tracker.extraction.topics import TopicEntry

_lock = threading.Lock()
_cached: tuple[tuple, Lexicon] | None = None


def _fingerprint() -> tuple:
    return (
        Party.objects.count(),
        Topic.objects.count(),
        Party.history.aggregate(last=Max("history_date"))["last"],
        Topic.history.aggregate(last=Max("history_date"))["last"],
    )


def build_lexicon() -> Lexicon:
    defaults = {entry.code: entry for entry in default_parties()}
    parties = []
    for party in Party.objects.prefetch_related("members"):
        base = defaults.get(party.code)
        members = [m.code for m in party.members.all()] or (list(base.members) if base else [])
        parties.append(
            PartyEntry(
                name=party.name,
                short_name=party.short_name,
                kind=party.kind,
                code=party.code,
                aliases=list(party.aliases or []),
                members=members,
                member_since=dict(base.member_since) if base else {},
                written_as_members=base.written_as_members if base else False,
            )
        )
    topics = [TopicEntry(key=t.key, name=t.name, keywords=list(t.keywords or [])) for t in Topic.objects.all()]
    return Lexicon(parties=parties, topics=topics)


def lexicon_from_database() -> Lexicon:
    global _cached
    fingerprint = _fingerprint()
    with _lock:
        if _cached is None or _cached[0] != fingerprint:
            _cached = (fingerprint, build_lexicon())
        return _cached[1]
