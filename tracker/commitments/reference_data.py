"""Parties and topics every installation starts with, from the extraction core's datasets.

Parties: every ISO 3166 country (pycountry, with names, demonyms and capitals from countryinfo)
and the common organisations, each with aliases. Topics: the fixed list of the labelling rules.
`sync` adds what is missing and fills empty fields; it never overwrites an editor's changes.
"""

from typing import Any

from django.utils.text import slugify

from tracker.extraction.parties import default_parties
from tracker.extraction.topics import default_topics


def sync(party_model: Any, topic_model: Any) -> tuple[int, int]:
    """Create missing parties and topics (idempotent). Returns how many of each were created.
    The models are Party and Topic, or a migration's historical versions of them."""
    parties_created = 0
    by_code = {}
    entries = default_parties()
    for entry in entries:
        party, created = party_model.objects.get_or_create(
            code=entry.code,
            defaults={
                "name": entry.name,
                "short_name": getattr(entry, "short_name", "") or "",
                "kind": entry.kind,
                "iso_alpha3": getattr(entry, "iso_alpha3", "") or "",
                "official_name": getattr(entry, "official_name", "") or "",
                "aliases": sorted(set(entry.aliases)),
            },
        )
        parties_created += created
        by_code[entry.code] = party
    for entry in entries:
        members = [by_code[c] for c in getattr(entry, "members", ()) or () if c in by_code]
        if members and not by_code[entry.code].members.exists():
            by_code[entry.code].members.set(members)

    topics_created = 0
    for position, topic in enumerate(default_topics(), start=1):
        _, created = topic_model.objects.get_or_create(
            key=topic.key,
            defaults={
                "name": topic.name,
                "slug": slugify(topic.key.replace("/", "-")),
                "description": getattr(topic, "description", "") or "",
                "keywords": list(topic.keywords),
                "position": position,
            },
        )
        topics_created += created
    return parties_created, topics_created
