"""/corrections/ lists every assessment that corrected an earlier one, newest first, with its feed;
drafts never show, and a view as of a date hides corrections dated later."""

from __future__ import annotations

import datetime

import feedparser
import pytest
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.status import Status

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(make_commitment, erin):
    commitment = make_commitment(title="Exchange lists")
    wrong = actions.record_assessment(
        commitment=commitment, status=Status.FULFILLED, as_of=D(2018, 2, 1), rationale="Misread.", author=erin
    )
    fixed = actions.correct_assessment(
        assessment=wrong,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 2, 1),
        rationale="Only one list was exchanged.",
        reason="The report counted a promise as a hand-over.",
        author=erin,
    )
    draft = make_commitment(quote="The two sides will meet monthly.", title="Hidden draft", publish=False)
    wrong_draft = actions.record_assessment(
        commitment=draft, status=Status.BROKEN, as_of=D(2018, 3, 1), rationale="Draft entry.", author=erin
    )
    actions.correct_assessment(
        assessment=wrong_draft, status=Status.STALLED, as_of=D(2018, 3, 1), rationale="Draft.", reason="Draft fix."
    )
    return commitment, fixed


def test_the_log_lists_the_correction_with_what_was_wrong(rob_client, corrected):
    commitment, fixed = corrected
    response = rob_client.get(reverse("public:corrections"))
    assert response.status_code == 200
    assert [a.pk for a in response.context["page"].rows] == [fixed.pk]
    html = response.content.decode()
    assert "The report counted a promise as a hand-over." in html
    assert f"{commitment.get_absolute_url()}#assessment-{fixed.pk}" in html
    assert "Hidden draft" not in html and "Draft fix." not in html


def test_the_feed_lists_the_same_corrections(rob_client, corrected):
    commitment, fixed = corrected
    feed = feedparser.parse(rob_client.get(reverse("public:corrections_feed")).content)
    assert [e.title for e in feed.entries] == [
        f"Correction: {commitment.reference} (overall) Fulfilled as of 1 February 2018 "
        "→ In progress as of 1 February 2018"
    ]
    assert feed.entries[0].link.endswith(f"#assessment-{fixed.pk}")


def test_a_view_as_of_an_earlier_date_hides_later_corrections(rob_client, corrected):
    response = rob_client.get(reverse("public:corrections"), {"as_of": "2018-01-15"})
    assert response.status_code == 200 and response.context["page"].rows == []
    assert "promise as a hand-over" not in response.content.decode()


def test_a_malformed_date_is_a_400_with_a_message(rob_client, corrected):
    page = rob_client.get(reverse("public:corrections"), {"as_of": "2018-02-30"})
    assert page.status_code == 400 and "“2018-02-30” is not a date" in page.content.decode()
    feed = rob_client.get(reverse("public:corrections_feed"), {"as_of": "soon"})
    assert feed.status_code == 400 and "“soon” is not a date" in feed.content.decode()
