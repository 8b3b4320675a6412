"""The read API: GET only (read-only viewsets), published data only, cursor-paginated.

The commitment endpoint takes exactly the filters of the public list (the same FilterSet),
`as_of` included: with it, statuses and histories are those of that date and commitments made
later are left out, as on the pages. Every endpoint takes `as_of` alike: nothing dated later shows
(assessments, meetings; a dialogue's state, recorded as it stands today, is left out).
"""

from __future__ import annotations

import datetime

import django_filters
import django_filters.fields
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.cache import patch_cache_control
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination
from rest_framework.viewsets import ReadOnlyModelViewSet

from tracker.commitments.models import Assessment, Commitment, Dialogue, Evidence, Meeting, Party
from tracker.commitments.status import Status
from tracker.public.api import serializers
from tracker.public.asof import parse_as_of
from tracker.public.filters import CommitmentFilter


class ApiCommitmentFilter(CommitmentFilter):
    sort = None  # the cursor fixes the order of API pages (by reference)


class RealOffsetDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time whose offset is one a time zone can have (UTC-12:00 to UTC+14:00).

    Python accepts any offset under a day, PostgreSQL none beyond 15:59: without this check
    `recorded_after=2020-01-01T00:00:00+16:00` reached the database and gave a 500."""

    LIMITS = (datetime.timedelta(hours=-12), datetime.timedelta(hours=14))

    def to_python(self, value):
        value = super().to_python(value)
        offset = value.utcoffset() if value is not None else None
        if offset is not None and not self.LIMITS[0] <= offset <= self.LIMITS[1]:
            raise ValidationError("The time-zone offset must lie between -12:00 and +14:00.", code="invalid")
        return value


class RealOffsetDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = RealOffsetDateTimeField


class AssessmentFilter(django_filters.FilterSet):
    commitment = django_filters.CharFilter(field_name="commitment__reference", label="Commitment reference")
    dialogue = django_filters.CharFilter(field_name="commitment__meeting__dialogue__slug", label="Dialogue slug")
    party = django_filters.CharFilter(field_name="party__code", label="Party code (the party's own lane)")
    overall = django_filters.BooleanFilter(
        field_name="party", lookup_expr="isnull", label="true: only assessments of whole commitments"
    )
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    as_of_from = django_filters.DateFilter(field_name="as_of", lookup_expr="gte")
    as_of_to = django_filters.DateFilter(field_name="as_of", lookup_expr="lte")
    recorded_after = RealOffsetDateTimeFilter(field_name="recorded_at", lookup_expr="gt")
    as_of = django_filters.DateFilter(
        method="filter_as_of",
        label="The log as it stood on this date: entries dated up to it, of commitments made by then",
    )
    is_correction = django_filters.BooleanFilter(field_name="supersedes", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Assessment
        fields: list[str] = []

    def filter_as_of(self, queryset, name, value):
        return queryset.filter(as_of__lte=value, commitment__made_on__lte=value)


class Cursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        # DRF falls back to the default for anything that is not a positive whole number
        # (`page_size=null` answered 50 rows); the schema says integer, so refuse instead.
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            raise exceptions.ValidationError(
                {self.page_size_query_param: ["A positive whole number (a page holds at most 200)."]}
            )
        return super().get_page_size(request)


class ByReference(Cursor):
    ordering = "reference"


class ByRecorded(Cursor):
    ordering = ("-recorded_at", "-id")


class BySlug(Cursor):
    ordering = "slug"


class ByDate(Cursor):
    ordering = ("date", "slug")


class ByCode(Cursor):
    ordering = "code"


class PublicReadOnly(ReadOnlyModelViewSet):
    """Public data only: shared caches may keep an answer for a minute, as they may a page."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=60)
        return response


def _evidence():
    return Evidence.objects.select_related("party")


def _log():
    return (
        Assessment.objects.chronological()
        .select_related("party")
        .prefetch_related(Prefetch("evidence", queryset=_evidence()))
    )


class CommitmentViewSet(PublicReadOnly):
    """Published commitments with their status (now, or on `as_of`) and their assessment history."""

    serializer_class = serializers.CommitmentSerializer
    filterset_class = ApiCommitmentFilter
    pagination_class = ByReference
    lookup_field = "reference"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return (
            Commitment.objects.published()
            .with_related()
            .select_related("parent", "predecessor")
            .prefetch_related(Prefetch("assessments", queryset=_log()))
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["as_of"] = requested_day(self.request)
        # The filter refused an unknown code already (400), so the code names the party whose
        # status `status` is (see ApiCommitmentFilter).
        context["status_party_code"] = self.request.query_params.get("party", "") or None
        return context


class AssessmentViewSet(PublicReadOnly):
    """Assessments of published commitments, newest recorded first; corrections are rows too."""

    serializer_class = serializers.AssessmentSerializer
    filterset_class = AssessmentFilter
    pagination_class = ByRecorded

    def get_queryset(self):
        return (
            Assessment.objects.public()
            .select_related("commitment", "party")
            .prefetch_related(Prefetch("evidence", queryset=_evidence()))
        )


def requested_day(request):
    """The request's valid `as_of` date, or None (today)."""
    raw = request.query_params.get("as_of", "")
    try:
        return parse_as_of(raw) if raw else None
    except ValidationError:
        return None


class DialogueViewSet(PublicReadOnly):
    """Dialogues with at least one published commitment."""

    serializer_class = serializers.DialogueSerializer
    pagination_class = BySlug
    lookup_field = "slug"

    def get_queryset(self):
        return Dialogue.objects.public().prefetch_related("parties")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "as_of": requested_day(self.request)}


class MeetingViewSet(PublicReadOnly):
    """Meetings of those dialogues, and any meeting with a published commitment."""

    serializer_class = serializers.MeetingSerializer
    pagination_class = ByDate
    lookup_field = "slug"
    filterset_fields = {"dialogue__slug": ["exact"]}

    def get_queryset(self):
        visible = Meeting.objects.public() | Meeting.objects.of_public_dialogues()
        if day := requested_day(self.request):
            visible = visible.filter(date__lte=day)
        return visible.select_related("dialogue").prefetch_related("parties")


class PartyViewSet(PublicReadOnly):
    """Parties with at least one published commitment."""

    serializer_class = serializers.PartySerializer
    pagination_class = ByCode
    lookup_field = "code"

    def get_queryset(self):
        return Party.objects.public()
