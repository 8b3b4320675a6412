"""The meeting page, its exports and its API cost the same number of queries whatever the number
of pairs and one-sided pledges they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import test_readout_fixtures as rx
from tracker.commitments import actions
from tracker.ingest import decisions
from tracker.ingest.alignments import confirm_alignment
from tracker.ingest.models import Candidate

pytestmark = pytest.mark.django_db

summit, accounts, pair, reviewed = rx.summit, rx.accounts, rx.pair, rx.reviewed

URLS = [
    ("public:meeting_detail", []),
    ("public:meeting_export", ["csv"]),
    ("public:meeting_export", ["json"]),
    ("public:api:meeting-comparison", []),
]


def queries(client, name, slug, extra) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name, args=[slug, *extra]))
    assert response.status_code == 200
    return len(captured)


def test_more_rows_cost_no_more_queries(client, reviewed, erin):
    few = [queries(client, name, reviewed.slug, extra) for name, extra in URLS]
    confirm_alignment(alignment=pair("narcotics", "禁毒"), reviewer=erin, publish=True)
    for candidate in Candidate.objects.filter(article__meeting=reviewed, state="pending"):
        actions.publish_commitment(
            commitment=decisions.accept_candidate(candidate=candidate, reviewer=erin), author=erin
        )
    many = [queries(client, name, reviewed.slug, extra) for name, extra in URLS]
    assert many == few
    assert max(few) <= 12
