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


@register.simple_tag
def archive_settings() -> dict:
    """The figures the methodology page quotes, from the settings that decide them (no query)."""
    from django.conf import settings

    from tracker.public.caching import MAX_AGE
    from tracker.public.embeds import CACHE_AGE

    return {
        "recheck_days": settings.ARCHIVE_RECHECK_DAYS,
        "gone_after": settings.ARCHIVE_GONE_AFTER,
        "miss_hours": max(1, settings.ARCHIVE_MISS_RETRY_SECONDS // 3600),
        "max_mb": settings.FETCH_MAX_BYTES // (1024 * 1024),
        "page_max_age": MAX_AGE,
        "oembed_cache_hours": max(1, CACHE_AGE // 3600),
        "frame_ancestors": " ".join(settings.EMBED_FRAME_ANCESTORS),
    }
