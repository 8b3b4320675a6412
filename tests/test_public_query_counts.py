"""The number of database queries per page does not grow with the rows it shows: each page is
measured with few rows and with many, and must cost the same, within a fixed ceiling.

Measured on an empty page cache (a cached page costs no query at all)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Evidence
from tracker.commitments.status import Status

make_many = fx.make_many

pytestmark = pytest.mark.django_db

D = datetime.date


def queries(client, url, **extra) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


# (url name, args, params, ceiling): the ceilings are the counts measured on SQLite when this was
# written; the test fails if a change adds a query, so that the change is seen and justified.
LIST_PAGES = [
    ("public:dashboard", [], {}, 13),
    ("public:dashboard", [], {"as_of": "2019-01-01"}, 13),
    ("public:commitment_list", [], {}, 8),
    ("public:commitment_list", [], {"as_of": "2019-01-01", "status": "in_progress", "sort": "deadline"}, 8),
    ("public:dialogue_list", [], {}, 3),  # +1: commitments per dialogue, one GROUP BY
    ("public:dialogue_detail", ["test-led"], {}, 16),  # +1: per-meeting counts (rows are capped)
    ("public:dialogue_detail", ["test-led"], {"as_of": "2019-01-01"}, 16),
    ("public:party_list", [], {}, 6),
    ("public:party_detail", ["cn"], {}, 12),
    ("public:feed_changes", [], {}, 2),
    ("public:feed_changes", [], {"party": "cn"}, 3),
    ("public:feed_dialogue", ["test-led"], {}, 4),
    ("public:feed_party", ["us"], {}, 3),
    # Exports: +1 a chunk (its ids, then its rows), +2 an export (parties and topics ranked once).
    ("public:export_csv", [], {}, 6),
    ("public:export_json", [], {"party": "us"}, 7),
    ("public:export_dump", [], {}, 14),  # built in the request when small: +1 to count (public/offline.py)
    ("public:export_dump", [], {"as_of": "2019-01-01"}, 13),
    ("public:api:commitment-list", [], {}, 5),
    ("public:api:commitment-list", [], {"as_of": "2019-01-01", "party": "cn"}, 6),
    ("public:api:assessment-list", [], {}, 2),
    ("public:api:dialogue-list", [], {}, 2),
    ("public:api:meeting-list", [], {}, 2),
    ("public:api:party-list", [], {}, 1),
]


def url_of(name, args, params) -> str:
    return reverse(name, args=args) + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def measure_all(client, pages, assert_max=None) -> dict:
    counts = {}
    for name, args, params, ceiling in pages:
        url = url_of(name, args, params)
        extra = {"HTTP_ACCEPT": "application/json"} if ":api:" in name else {}
        if assert_max is None:
            counts[url] = queries(client, url, **extra)
            continue
        cache.clear()
        with assert_max(ceiling):
            response = client.get(url, **extra)
            if response.streaming:
                b"".join(response.streaming_content)
        counts[url] = queries(client, url, **extra)
    return counts


def test_list_pages_cost_the_same_with_few_and_many_rows(rob_client, make_many, django_assert_max_num_queries):
    # Given two commitments (with sources, assessments per lane, evidence), measure every page
    make_many(2)
    few = measure_all(rob_client, LIST_PAGES)
    # When there are three times as many, every page stays within its ceiling...
    make_many(4)
    many = measure_all(rob_client, LIST_PAGES, assert_max=django_assert_max_num_queries)
    # ...and costs exactly what it cost with two
    assert many == few


@pytest.fixture
def busy(make_commitment, erin, china, united_states):
    """A commitment with a growing log, evidence, sources and sub-commitments."""

    commitment = make_commitment(quote="The sides will cooperate.", source_url="https://www.example.gov/r")

    def grow(n: int):
        for i in range(n):
            evidence = Evidence.objects.create(url=f"https://news.example.org/{i}", title=f"Report {i}", party=china)
            party = [None, china, united_states][i % 3]
            actions.record_assessment(
                commitment=commitment,
                party=party,
                status=[Status.IN_PROGRESS, Status.STALLED, Status.PARTIAL][i % 3],
                as_of=D(2018, 1, 1) + datetime.timedelta(days=30 * i),
                rationale=f"Entry {i}.",
                author=erin,
                evidence=[evidence],
            )
            actions.add_source(commitment=commitment, url=f"https://www.example.cn/{i}", issuing_party=china)
            make_commitment(quote=f"The sides will take step {i}.", parent=commitment)
            make_commitment(quote=f"The sides will again take step {i}.", predecessor=commitment)

    grow.commitment = commitment
    return grow


DETAIL_PAGES = [
    # +1 each: the archived copies of every source and piece of evidence, one query (archive_tags).
    ("public:commitment_detail", {}, 9),
    ("public:commitment_detail", {"as_of": "2019-01-01"}, 9),
    ("public:feed_commitment", {}, 3),
    ("public:api:commitment-detail", {}, 5),
]


def test_the_commitment_page_costs_the_same_with_a_short_or_long_history(
    rob_client, busy, django_assert_max_num_queries
):
    pages = [(name, [busy.commitment.reference], params, ceiling) for name, params, ceiling in DETAIL_PAGES]
    busy(1)
    few = measure_all(rob_client, pages)
    busy(5)
    many = measure_all(rob_client, pages, assert_max=django_assert_max_num_queries)
    assert many == few


@pytest.mark.parametrize("name", ["public:methodology", "public:exports"])
def test_static_pages_query_nothing(rob_client, name):
    assert queries(rob_client, reverse(name)) == 0
