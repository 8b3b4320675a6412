"""Template helpers of the public site: status badges, safe links, deadline phrases."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

from tracker.commitments.status import STATUS_MEANINGS, Status
from tracker.public.timeline import SYMBOLS

register = template.Library()


def safe_href(url) -> str:
    """The address if readers may follow it (http or https with a host), else "".

    Imported text can hold any URL; a `javascript:` or `data:` address must never become a link.
    """
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url
    return ""


register.filter("safe_href", safe_href)


def _status(value) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.NOT_ASSESSED


@register.filter
def status_label(value) -> str:
    return _status(value).label


@register.filter
def status_symbol(value) -> str:
    return SYMBOLS[_status(value)]


@register.filter
def status_meaning(value) -> str:
    return STATUS_MEANINGS[_status(value)]


@register.simple_tag
def status_badge(status, inherited=False, small=False, demo=False):
    """A status, with its symbol; `demo` when demonstration assessments decided it (marked so).
    Written in Python, not an included template: a page shows a hundred or more of them, and an
    inclusion tag each was a good part of a list page's rendering time."""
    status = _status(status)
    classes = "badge st-" + status.value + (" badge-small" if small else "") + (" badge-inherited" if inherited else "")
    badge = format_html(
        '<span class="{}" title="{}"><span class="badge-symbol" aria-hidden="true">{}</span> {}</span>',
        classes,
        STATUS_MEANINGS[status],
        SYMBOLS[status],
        status.label,
    )
    if not demo:
        return format_html("{}\n", badge)  # the line end of the template it replaces
    return format_html(
        '<span class="badge-group">{} <span class="tag tag-demo" title="Demonstration data: invented to show the app '
        'at work, not a real assessment">Demo</span></span>\n',
        badge,
    )


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


@register.filter
def deadline_phrase(state) -> str:
    """("due", 3) → "due in 3 days", and so on (see Commitment.deadline_state)."""
    if not state:
        return ""
    kind, days = state
    if kind == "due":
        return "due today" if days == 0 else f"due in {_days(days)}"
    if kind == "overdue":
        return f"overdue by {_days(days)}"
    if kind == "met_late":
        return f"met late, {_days(days)} after the deadline"
    if kind == "met":
        return "met on the deadline" if days == 0 else f"met {_days(days)} before the deadline"
    return ""


@register.filter
def party_labels(parties) -> str:
    return ", ".join(p.name for p in parties)


@register.filter
def link_host(url) -> str:
    """www.state.gov for https://www.state.gov/...: where a link leads, said before it is followed."""
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
