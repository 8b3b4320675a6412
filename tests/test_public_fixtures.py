"""Fixtures of the public-site tests: a commitment with a history, and many rows for query counts.

Use from a test module:

    from tests import test_public_fixtures as fx

    story = fx.story

`story` is the worked example of the as-of tests: a commitment whose overall status changed twice
(in progress from 1 March 2018, fulfilled from 1 May 2019) and was corrected once (the fulfilled
entry, corrected on 1 June 2019 to partially fulfilled), plus China's own lane (stalled from
1 September 2018), with evidence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse

D = datetime.date
UTC = datetime.UTC


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@dataclass
class Story:
    commitment: object
    started: object
    fulfilled: object
    correction: object
    china_stalled: object
    evidence: object


@pytest.fixture
def story(make_commitment, erin, china, united_states):
    from tracker.commitments import actions
    from tracker.commitments.models import Evidence
    from tracker.commitments.status import Status

    commitment = make_commitment(
        quote="The two sides will repatriate fugitives within 30 days of verification.",
        title="Repatriate fugitives within 30 days",
        source_url="https://www.example.gov/readout-2017",
        deadline=D(2019, 1, 31),
        deadline_text="within three months",
        deadline_granularity="month",
    )
    evidence = Evidence.objects.create(
        url="https://news.example.org/handover",
        title="Two suspects handed over",
        publisher="Example News",
        published_on=D(2018, 2, 27),
        passage="The U.S. handed over two criminal suspects.",
        kind=Evidence.Kind.MEDIA,
    )
    record = actions.record_assessment
    started = record(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 3, 1),
        rationale="Two suspects were handed over.",
        author=erin,
        evidence=[evidence],
        recorded_at=at(D(2018, 3, 2)),
    )
    china_stalled = record(
        commitment=commitment,
        party=china,
        status=Status.STALLED,
        as_of=D(2018, 9, 1),
        rationale="China paused the verification process.",
        author=erin,
        recorded_at=at(D(2018, 9, 3)),
    )
    fulfilled = record(
        commitment=commitment,
        status=Status.FULFILLED,
        as_of=D(2019, 5, 1),
        rationale="All suspects were handed over.",
        author=erin,
        recorded_at=at(D(2019, 5, 2)),
    )
    correction = record(
        commitment=commitment,
        status=Status.PARTIAL,
        as_of=D(2019, 5, 1),
        rationale="Two of the five suspects were handed over.",
        author=erin,
        supersedes=fulfilled,
        correction_reason="The May report counted three suspects twice.",
        recorded_at=at(D(2019, 6, 1)),
    )
    commitment.refresh_from_db()
    return Story(commitment, started, fulfilled, correction, china_stalled, evidence)


@pytest.fixture
def make_many(make_commitment, erin, china, united_states, topic):
    """`make_many(n)`: n published commitments, each with sources, an assessment per lane and
    evidence, so that a page showing them touches every relation it can."""
    from tracker.commitments import actions
    from tracker.commitments.models import Evidence
    from tracker.commitments.status import Status

    def make(n: int, **fields):
        made = []
        for i in range(n):
            commitment = make_commitment(
                quote=f"The two sides will hold round {i} of expert talks on fugitives.",
                source_url=f"https://www.example.gov/readout-{i}",
                deadline=D(2030, 1, 1) + datetime.timedelta(days=i),
                **fields,
            )
            actions.add_source(commitment=commitment, url=f"https://www.example.cn/readout-{i}", issuing_party=china)
            evidence = Evidence.objects.create(url=f"https://news.example.org/{i}", title=f"Report {i}", party=china)
            actions.record_assessment(
                commitment=commitment,
                status=Status.IN_PROGRESS,
                as_of=D(2018, 1, 1),
                rationale="Talks held.",
                author=erin,
                evidence=[evidence],
            )
            actions.record_assessment(
                commitment=commitment,
                party=united_states,
                status=Status.FULFILLED,
                as_of=D(2018, 6, 1),
                rationale="The U.S. side held its part.",
                author=erin,
            )
            made.append(commitment)
        return made

    return make


@pytest.fixture
def draft(make_commitment, erin):
    """An unpublished commitment with an assessment: neither may appear anywhere public."""
    from tracker.commitments import actions
    from tracker.commitments.status import Status

    draft = make_commitment(quote="A draft about secret talks.", publish=False)
    actions.record_assessment(
        commitment=draft, status=Status.FULFILLED, as_of=D(2018, 1, 1), rationale="Draft rationale.", author=erin
    )
    return draft


def api_get(client, name, *args, **params):
    """GET a read-API endpoint by its URL name as JSON, asserting it answered 200."""
    response = client.get(reverse(f"public:api:{name}", args=args), params, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:500]
    return response.json()
