"""`{% embed_snippet obj %}`: the copy-the-snippet box of a commitment's or a dialogue's page."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from tracker.public.embeds import embed_for, oembed_url

register = template.Library()


@register.inclusion_tag("public/_embed_snippet.html", takes_context=True)
def embed_snippet(context, obj):
    """The iframe code for `obj` as the page shows it: a page read as of a date embeds that date."""
    request = context["request"]
    view_date = context.get("view_date")
    day = view_date.day if view_date is not None and view_date.historical else None
    embed = embed_for(obj, day=day, request=request)
    page_url = request.build_absolute_uri(obj.get_absolute_url())
    if day:
        page_url += f"?as_of={day.isoformat()}"
    return {"embed": embed, "oembed_url": oembed_url(page_url, request), "view_date": view_date}


@register.simple_tag(takes_context=True)
def oembed_link(context, obj):
    """oEmbed discovery: the <link> consumers look for in the page's head."""
    request = context["request"]
    url = oembed_url(request.build_absolute_uri(obj.get_absolute_url()), request)
    return format_html('<link rel="alternate" type="application/json+oembed" href="{}" title="oEmbed">', url)
