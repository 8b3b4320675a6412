"""`{% archived_copy item %}`: the archived copy of a source or a piece of evidence, beside it."""

from __future__ import annotations

from django import template

from tracker.public.archive import archive_for

register = template.Library()


@register.inclusion_tag("public/_archived_copy.html", takes_context=True)
def archived_copy(context, item):
    return {"shown": archive_for(context, item)}


@register.filter
def breakable(digest: str, every: int = 16) -> list[str]:
    """A long hash in pieces, so that it can wrap on a narrow screen (joined with <wbr>)."""
    return [digest[i : i + every] for i in range(0, len(digest), every)]
