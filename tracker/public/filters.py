"""The filters of the public list, shared by its page, its feed, its exports and the read API.

Every filter is a GET parameter, so every view of the list is a link. The status filter and the
"overdue" box read the status as it stood on `as_of` when that date is given (an annotation from
the assessment log), and the denormalised current status otherwise. With a party chosen, "status"
means that party's own status (`status.party_status`), in the list, its count, feed, exports and API.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from tracker.commitments.models import Commitment, Dialogue, Meeting, Party, Topic
from tracker.commitments.status import CLOSED, Status
from tracker.public.asof import parse_as_of, validate_not_future
from tracker.public.pagination import DEFAULT_SORT, SORTS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ISO_DATE_FORMATS = ["%Y-%m-%d"]


def with_shown_status(queryset, day=None, party=None):
    """`CommitmentQuerySet.with_shown_status` (kept for callers outside this module)."""
    return queryset.with_shown_status(day, party)


def _requested_day(request):
    """The list's `as_of` when it is a valid date: the choices offered then hide later meetings
    (an invalid date is reported by the form itself)."""
    try:
        return parse_as_of(request.GET.get("as_of", "")) if request and request.GET.get("as_of") else None
    except ValidationError:
        return None


# The choices come from the small tables (parties, dialogues, meetings), each kept when a published
# commitment names it (`Party.objects.public()` etc., on the summary rows today): a join with
# DISTINCT sorted every published commitment on every render of the list, 1.1 s at 200,000
# commitments (docs/performance.md).


# Only the columns the options and the page show: the timestamps of 600 meetings alone took
# longer to load than the rest of the list page's queries.


def _public_parties(request):
    return Party.objects.public().only("id", "code", "name", "short_name")


def _public_dialogues(request):
    return Dialogue.objects.public(_requested_day(request)).only("id", "slug", "name", "short_name")


def _public_meetings(request):
    return (
        Meeting.objects.public(_requested_day(request))
        .select_related("dialogue")
        .only("id", "slug", "title", "date", "dialogue__id", "dialogue__name", "dialogue__short_name")
    )


class QuickSelect(forms.Select):
    """A `<select>` written in Python, the same markup as Django's template-rendered one: the
    template engine took about 0.4 ms an option, and the meeting filter offers hundreds (0.37 s of
    the list page at 200,000 commitments). Attributes (id, aria-*) come from the form as usual."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options, marked = [], False
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = text in chosen and not marked
            marked = marked or selected
            options.append((text, " selected" if selected else "", label))
        return format_html(
            '<select name="{}"{}>\n  {}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            format_html_join("\n  ", '<option value="{}"{}>{}</option>', options),
        )


class ValuesChoiceIterator(ModelChoiceIterator):
    """The options as (value, label) strings from one `values_list` query: no model instance per
    option (600 meetings were 1,400 instances and their timestamps on every list page)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.option_rows(self.queryset)


class QuickChoiceField(forms.ModelChoiceField):
    iterator = ValuesChoiceIterator

    def option_rows(self, queryset):
        return queryset.values_list(self.to_field_name or "pk", "name")


class QuickModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = QuickChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class MeetingField(QuickChoiceField):
    """Meetings by dialogue, title and date: "First round" alone names a meeting of every dialogue."""

    def label_from_instance(self, meeting):
        dialogue = f"{meeting.dialogue.short_name or meeting.dialogue.name}: " if meeting.dialogue_id else ""
        return f"{dialogue}{meeting.title} ({meeting.date.day} {meeting.date:%b %Y})"

    def option_rows(self, queryset):
        rows = queryset.values_list("slug", "title", "date", "dialogue__short_name", "dialogue__name")
        for slug, title, date, short, name in rows:
            dialogue = f"{short or name}: " if (short or name) else ""
            yield slug, f"{dialogue}{title} ({date.day} {date:%b %Y})"


class MeetingFilter(QuickModelChoiceFilter):
    field_class = MeetingField


def _topics(request):
    return Topic.objects.all()


class CommitmentFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        for low, high, what in [("deadline_from", "deadline_to", "deadline"), ("made_from", "made_to", "made")]:
            if data.get(low) and data.get(high) and data[low] > data[high]:
                self.add_error(high, f"The {what} range ends before it starts.")
        return data


def _date_filter(label, **kwargs):
    return django_filters.DateFilter(label=label, widget=DATE_WIDGET, input_formats=ISO_DATE_FORMATS, **kwargs)


class CommitmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search title and quote", method="filter_search")
    as_of = _date_filter(
        "As of date",
        method="filter_as_of",
        validators=[validate_not_future],
        help_text="Show the tracker as it stood on this date.",
    )
    status = django_filters.MultipleChoiceFilter(
        label="Status",
        help_text="The status of the commitment as a whole; with a party chosen, that party’s own status.",
        choices=Status.choices,
        method="filter_status",
        widget=forms.CheckboxSelectMultiple,
    )
    party = QuickModelChoiceFilter(
        label="Party",
        field_name="parties",
        queryset=_public_parties,
        to_field_name="code",
        empty_label="Any party",
        error_messages={"invalid_choice": "No party with that code has published commitments."},
    )
    topic = QuickModelChoiceFilter(
        label="Topic",
        field_name="topics",
        queryset=_topics,
        to_field_name="slug",
        empty_label="Any topic",
        error_messages={"invalid_choice": "There is no topic with that name."},
    )
    dialogue = QuickModelChoiceFilter(
        label="Dialogue",
        field_name="meeting__dialogue",
        queryset=_public_dialogues,
        to_field_name="slug",
        empty_label="Any dialogue",
        error_messages={"invalid_choice": "No dialogue with that name has published commitments."},
    )
    meeting = MeetingFilter(
        label="Meeting",
        field_name="meeting",
        queryset=_public_meetings,
        to_field_name="slug",
        empty_label="Any meeting",
        error_messages={"invalid_choice": "No meeting with that name has published commitments."},
    )
    strength = django_filters.ChoiceFilter(label="Strength", choices=Commitment.Strength.choices, empty_label="Any")
    deadline_from = _date_filter("Deadline from", field_name="deadline", lookup_expr="gte")
    deadline_to = _date_filter("Deadline to", field_name="deadline", lookup_expr="lte")
    overdue = django_filters.BooleanFilter(label="Overdue only", method="filter_overdue", widget=forms.CheckboxInput)
    made_from = _date_filter("Made from", field_name="made_on", lookup_expr="gte")
    made_to = _date_filter("Made to", field_name="made_on", lookup_expr="lte")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, sort.label) for key, sort in SORTS.items()],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Commitment
        fields: list[str] = []
        form = CommitmentFilterForm

    @property
    def day(self):
        """The date statuses are read at: `as_of`, or today."""
        return self.form.cleaned_data.get("as_of") or timezone.localdate()

    @property
    def sort_key(self) -> str:
        return (self.form.cleaned_data.get("sort") if self.is_valid() else None) or DEFAULT_SORT

    @property
    def status_party(self):
        """The party chosen, whose status "status" then means (and the list shows)."""
        return self.form.cleaned_data.get("party") if self.is_valid() else None

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        queryset = with_shown_status(queryset, data.get("as_of"), party=data.get("party"))
        return super().filter_queryset(queryset)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_as_of(self, queryset, name, value):
        return queryset.made_by(value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_on_day__in=value)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.exclude(status_on_day__in=CLOSED).filter(deadline__lt=self.day)

    def filter_sort(self, queryset, name, value):
        return queryset  # the keyset paginator orders the page (see pagination.py)

    @property
    def active(self) -> bool:
        """Whether any filter other than the sort order is set."""
        return any(v not in (None, "", [], False) for k, v in self.form.cleaned_data.items() if k != "sort")
