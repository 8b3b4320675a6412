"""The read API's meeting comparison: the meeting page's aligned table as JSON, `as_of` included."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from tracker.public.asof import parse_as_of
from tracker.public.meetings import _meeting_or_404, compare, comparison_json


@extend_schema(
    summary="A meeting's accounts side by side",
    description="Pledges in both accounts (same, or one side firmer), in one only, and subjects one side omits. "
    "Only alignments an editor confirmed, of published commitments.",
    parameters=[
        # `<slug:slug>` in the route: anything else is not this operation (Django's 404 page).
        OpenApiParameter("slug", str, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$"),
        OpenApiParameter("as_of", str, description="YYYY-MM-DD: as things stood on that date"),
    ],
    responses={200: dict},
)
@api_view(["GET"])
def meeting_comparison(request, slug):
    raw = request.query_params.get("as_of", "")
    day, historical = timezone.localdate(), False
    if raw.strip():
        try:
            day, historical = parse_as_of(raw), True
        except ValidationError as error:
            raise ApiValidationError({"as_of": error.messages}) from None
    return Response(comparison_json(compare(_meeting_or_404(slug), day, historical)))
