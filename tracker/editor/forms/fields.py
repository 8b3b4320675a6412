"""What the editor's forms share: fast selects, the article, commitment and party pickers, and
the small checks (http(s) only, sizes) every import asks."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from tracker.commitments.models import Commitment, Party, Topic
from tracker.ingest.models import Article

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FastSelectMixin(forms.Select):
    """Options rendered in Python rather than one template each: a select of every party (some
    250 options, four of them on the import page) renders in milliseconds, not a third of a second."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    "" if option["value"] is None else option["value"],
                    " selected" if option["selected"] else "",
                    option["label"],
                )
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class FastSelect(FastSelectMixin):
    pass


def formfield(field, **kwargs):
    """ModelForm fields as the model says, addresses typed without a scheme taken as https, and
    selects of parties and meetings rendered fast."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(field, models.ForeignKey):
        kwargs["widget"] = FastSelect
    return field.formfield(**kwargs)


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a verb's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ArticleField(forms.ModelChoiceField):
    """An imported article, found by words of its title or its date, as an editor remembers it.

    The page lists the recent ones in <datalist id="articles"> (editor/_datalist_articles.html),
    whose entries read "Title — 12 Mar 2019 — #42": the browser narrows them as she types, with
    no JavaScript. Whatever she types is searched here too, so an older article is found as well:
    a "#42" (or a bare number) picks that article; otherwise every word must occur in the title
    (or address, or file name), and a date (2019-03-12) matches the publication date. One match
    is taken; several are listed back, so she can add a word or pick from the list.
    """

    widget = forms.TextInput(
        attrs={
            "list": "articles",
            "size": 60,
            "autocomplete": "off",
            "placeholder": "Words of its title, or its date (2019-03-12)",
        }
    )
    default_error_messages = {"invalid_choice": "There is no article with that number."}
    SHOWN = 5

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "An imported article: type words of its title or its date, then pick it.")
        super().__init__(queryset=Article.objects.defer("raw", "text", "metadata"), **kwargs)

    def to_python(self, value):
        text = " ".join(str(value or "").split())
        if text in self.empty_values:
            return None
        if number := re.fullmatch(r"(?:.*\s)?#(\d+)|#?(\d+)", text):
            return super().to_python(number.group(1) or number.group(2))
        matches = list(self._search(text)[: self.SHOWN + 1])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(f"No imported article matches “{text}”: try fewer words, or its date.")
        listed = "; ".join(article_choice_label(article) for article in matches[: self.SHOWN])
        more = " and more" if len(matches) > self.SHOWN else ""
        raise ValidationError(
            f"Several articles match “{text}”: {listed}{more}. Add a word, or pick one from the list."
        )

    def prepare_value(self, value):
        return article_choice_label(value) if isinstance(value, Article) else super().prepare_value(value)

    def _search(self, text: str):
        assert self.queryset is not None  # set in __init__
        queryset = self.queryset.order_by("-published_on", "-pk")
        for word in text.split():
            try:
                day = datetime.date.fromisoformat(word)
            except ValueError:
                queryset = queryset.filter(
                    Q(title__icontains=word) | Q(url__icontains=word) | Q(filename__icontains=word)
                )
            else:
                queryset = queryset.filter(published_on=day)
        return queryset


def article_choice_label(article: Article) -> str:
    """How an article reads in the picker's list (and in "several match"): title, date, number."""
    parts = [str(article)[:100]]
    if article.published_on:
        parts.append(f"{article.published_on.day} {article.published_on:%b %Y}")
    return " — ".join([*parts, f"#{article.pk}"])


class CommitmentRefField(forms.ModelChoiceField):
    """A commitment by its reference (e.g. LECD-2017-03), typed or picked from <datalist id="commitments">."""

    widget = forms.TextInput(attrs={"list": "commitments", "size": 16, "autocomplete": "off"})
    default_error_messages = {"invalid_choice": "There is no commitment with that reference."}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset=Commitment.objects.all(), to_field_name="reference", **kwargs)

    def to_python(self, value):
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)


class PartyPicker(forms.CheckboxSelectMultiple):
    """Some 280 parties as a list of checkboxes, the chosen ones first, with a filter box.

    Without JavaScript it is a plain checkbox list in a scrolling box (tick as many as needed; the
    browser's find works in it); editor.js shows the filter box, which narrows the list to the
    parties whose name, short name, code or alias contains what is typed. Rendered in Python, not
    one template per option (FastSelectMixin explains why).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _, group, _ in widget["optgroups"] for option in group]
        options.sort(key=lambda option: not option["selected"])
        base = widget["attrs"].get("id") or f"id_{name}"
        rows = format_html_join(
            "",
            '<li data-terms="{}"><label><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></li>',
            (
                (_party_terms(o["value"]), name, o["value"], base, i, " checked" if o["selected"] else "", o["label"])
                for i, o in enumerate(options)
            ),
        )
        return format_html(
            '<div class="party-picker" data-picker>'
            '<input type="search" class="picker-filter" placeholder="Type to find a party: name, code or alias" '
            'aria-label="Find a party" aria-controls="{}_list" autocomplete="off" hidden>'
            '<ul class="picker-options" id="{}_list">{}</ul></div>',
            base,
            base,
            rows,
        )


def _party_terms(value) -> str:
    """What the filter box matches besides the label: short name, code and aliases."""
    party = getattr(value, "instance", None)
    if party is None:
        return ""
    return " ".join([party.short_name, party.code, party.iso_alpha3, *(party.aliases or [])]).lower()


def party_field(**kwargs) -> forms.ModelMultipleChoiceField:
    kwargs.setdefault("help_text", "Tick every party that commits; type in the box to find one.")
    return forms.ModelMultipleChoiceField(queryset=Party.objects.all(), widget=PartyPicker, **kwargs)


def topic_field(**kwargs) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, **kwargs)


def http_only(url: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError("Only http and https addresses can be imported.")
    return url


def size_label(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, n // 1024)} KB"
