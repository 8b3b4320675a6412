"""The status bar of a scorecard as SVG segments: each placed by `x` and `width` attributes, since a
`style="width: …"` attribute is inline style, which the Content-Security-Policy refuses."""

from django import template

register = template.Library()


@register.filter
def bar_segments(rows) -> list[dict]:
    """The rows with a count, each with `offset`: the share (in %) of the statuses before it."""
    segments, offset = [], 0.0
    for row in rows:
        if row["count"]:
            segments.append({**row, "offset": offset})
            offset += row["share"]
    return segments
