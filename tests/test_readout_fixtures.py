"""Fixtures of the tests of a meeting's two accounts: the meeting, both readouts imported through
the pipeline, and a helper that finds the proposal pairing two sentences.

    from tests import test_readout_fixtures as rx

    summit, accounts = rx.summit, rx.accounts
"""

from __future__ import annotations

import datetime

import pytest

from tests.texts.readouts import CHINA_ACCOUNT, US_READOUT


@pytest.fixture
def summit(china, united_states):
    from tracker.commitments.models import Meeting

    meeting = Meeting.objects.create(
        title="Presidents' meeting in Harbour City",
        slug="harbour-city-2025",
        kind="summit",
        date=datetime.date(2025, 3, 3),
    )
    meeting.parties.set([china, united_states])
    return meeting


@pytest.fixture
def accounts(run, summit, china, united_states):
    """(US readout, Chinese account), imported in that order, so the US readout is account A."""
    from tracker.ingest import pipeline

    us, _ = run(pipeline.import_article, text=US_READOUT, meeting=summit, kind="readout", issuing_party=united_states)
    cn, _ = run(pipeline.import_article, text=CHINA_ACCOUNT, meeting=summit, kind="readout", issuing_party=china)
    return us, cn


def pair(needle_a: str, needle_b: str):
    """The alignment between account A's sentence containing `needle_a` and B's with `needle_b`."""
    from tracker.commitments.models import Alignment

    return Alignment.objects.get(candidate_a__quote__contains=needle_a, candidate_b__quote__contains=needle_b)


@pytest.fixture
def reviewed(accounts, summit, erin):
    """Both accounts imported; military and flights confirmed in June 2025, narcotics still proposed,
    the Chinese AI dialogue accepted on its own."""
    import time_machine

    from tracker.commitments import actions
    from tracker.ingest import decisions
    from tracker.ingest.alignments import confirm_alignment

    _, cn = accounts
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        confirm_alignment(alignment=pair("military", "两军"), reviewer=erin, publish=True)
        confirm_alignment(alignment=pair("flights", "航班"), reviewer=erin, publish=True)
        ai = cn.candidates.get(quote__contains="人工智能")
        actions.publish_commitment(commitment=decisions.accept_candidate(candidate=ai, reviewer=erin), author=erin)
    return summit


@pytest.mark.django_db
def test_both_accounts_are_analysed_in_their_own_language(accounts):
    us, cn = accounts
    us.refresh_from_db()
    cn.refresh_from_db()
    assert (us.state, us.language[:2]) == ("analysed", "en")
    assert (cn.state, cn.language[:2]) == ("analysed", "zh")
