"""The extraction core's lexicon, built from the database's parties and topics.

Editors add parties, aliases and topic keywords in the admin; the pipeline must use what they
wrote. The shipped datasets (tracker/extraction/parties.py, topics.py) stay the baseline: a party
or topic the code knows gets the union of its shipped aliases or keywords and the database's, so
an upgrade that teaches the code new names (Chinese names, demonyms) helps installations whose
rows were seeded before it.

Building the lexicon compiles a large pattern, so it is cached per process and rebuilt when a
party or topic changed (their history tables record every change, with its time).
"""

from __future__ import annotations

import dataclasses
import threading

from django.db.models import Max

from tracker.commitments.models import Party, Topic
from tracker.extraction.lexicon import Lexicon
from tracker.extraction.parties import PartyEntry, default_parties
from tracker.extraction.topics import TopicEntry, default_topics

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
        members = [m.code for m in party.members.all()]
        aliases = sorted(set(party.aliases or []) | set(base.aliases if base else []))
        if base is None:
            entry = PartyEntry(
                name=party.name,
                short_name=party.short_name,
                kind=party.kind,
                code=party.code,
                aliases=aliases,
                members=members,
            )
        else:
            # The shipped entry keeps what the database has no column for (membership dates, how
            # a grouping is written); the database's names win.
            entry = dataclasses.replace(
                base,
                name=party.name,
                short_name=party.short_name,
                kind=party.kind,
                aliases=aliases,
                members=members or list(base.members),
            )
        parties.append(entry)
    shipped = {entry.key: entry for entry in default_topics()}
    topics = [
        TopicEntry(
            key=t.key,
            name=t.name,
            keywords=sorted(set(t.keywords or []) | set(shipped[t.key].keywords if t.key in shipped else [])),
        )
        for t in Topic.objects.all()
    ]
    return Lexicon(parties=parties, topics=topics)


def lexicon_from_database() -> Lexicon:
    global _cached
    fingerprint = _fingerprint()
    with _lock:
        if _cached is None or _cached[0] != fingerprint:
            _cached = (fingerprint, build_lexicon())
        return _cached[1]
