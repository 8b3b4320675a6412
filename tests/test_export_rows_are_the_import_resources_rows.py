"""The exports write their rows without the import-export resource (a values() query per chunk of
commitments, in reference order), and each row is the resource's, value for value: as CSV text
(formula guard, flags, dates) and as the JSON export's native values, with and without a status
date or party, across chunk boundaries."""

import datetime

import pytest

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Commitment
from tracker.public import exports
from tracker.public.exports import CommitmentResource, commitment_rows
from tracker.public.filters import with_shown_status

story = fx.story

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(story, make_commitment, china, united_states):
    parent = make_commitment(quote="=SUM(1) the sides will talk.", title="=SUM(A1)", deadline_text="+ soon")
    hidden = make_commitment(quote="A draft parent.", title="Draft", publish=False)
    make_commitment(quote="Child of a published one.", title="-child", parent=parent, parties=[united_states, china])
    make_commitment(quote="Child of a draft.", title="@draft child", parent=hidden, predecessor=parent)
    make_commitment(
        quote="China alone.", title="China alone", parties=[china], source_url="ftp://files.example.org/readout"
    )
    return story


def _resource_rows(queryset, native, party=None):
    resource = CommitmentResource(site="https://t.example")
    resource.status_party_code = party.code if party else ""
    rows = exports.export_queryset(queryset)
    return [list(resource.export_resource(c, force_native_type=native)) for c in rows]


@pytest.mark.parametrize("native", [False, True])
def test_rows_equal_the_resources(varied, native, china, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 2)  # several chunks: the keyset walk
    published = Commitment.objects.published()
    for queryset, party in [
        (published, None),
        (with_shown_status(published), None),
        (with_shown_status(published, datetime.date(2018, 6, 1)), None),
        (with_shown_status(published.filter(parties=china), party=china), china),
        (with_shown_status(published.filter(parties=china), datetime.date(2018, 10, 1), party=china), china),
    ]:
        expected = _resource_rows(queryset, native, party)
        got = list(
            commitment_rows(
                queryset, native=native, status_party_code=party.code if party else "", site="https://t.example"
            )
        )
        assert len(got) == len(expected) >= 4
        assert got == expected


def test_an_assessed_commitment_exports_its_status(varied, erin, china):
    actions.record_assessment(
        commitment=varied.commitment, party=china, status="broken", as_of=datetime.date(2019, 7, 1), rationale="No."
    )
    queryset = with_shown_status(Commitment.objects.published().filter(parties=china), party=china)
    rows = commitment_rows(queryset, native=True, status_party_code="cn", site="https://t.example")
    assert list(rows) == _resource_rows(queryset, True, china)
