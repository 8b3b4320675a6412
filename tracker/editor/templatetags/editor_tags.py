from django import template

from tracker.editor.forms.fields import article_choice_label
from tracker.ingest.models import Article, Candidate, Suggestion

register = template.Library()


@register.simple_tag
def workspace_counts() -> dict:
    """The numbers in the workspace nav: what waits for a decision, what failed. Three COUNTs."""
    return {
        "candidates": Candidate.objects.pending().count(),
        "suggestions": Suggestion.objects.pending().count(),
        "failed": Article.objects.filter(state=Article.State.FAILED).count(),
    }


@register.filter
def percent(value) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def duration(value) -> str:
    """A timedelta in words: "15 minutes", "1 hour 30 minutes"."""
    try:
        minutes = round(value.total_seconds() / 60)
    except AttributeError:
        return str(value)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


@register.filter
def article_choice(article) -> str:
    """An article as the evidence picker lists it (forms.ArticleField reads it back)."""
    return article_choice_label(article)
