"""The public list's filters: every one a GET parameter, so every view is a shareable link, and
an invalid value gives a clear message (400), never a server error. Drafts never appear."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.commitments import actions
from tracker.commitments.models import Dialogue, Meeting, Topic
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate


@pytest.fixture
def rows(make_commitment, erin, china, united_states, meeting):
    """Four published commitments that differ in every filtered attribute, and one draft."""
    cyber = Topic.objects.get(key="cybersecurity")
    other = Dialogue.objects.create(name="Cyber Working Group", slug="cwg", reference_prefix="CWG")
    other.parties.set([china, united_states])
    later = Meeting.objects.create(dialogue=other, title="Second round", slug="cwg-2020", date=D(2020, 6, 1))
    repatriation = make_commitment(
        quote="The two sides will repatriate fugitives.", deadline=D(2019, 1, 31), title="Repatriate fugitives"
    )
    hotline = make_commitment(
        quote="The United States intends to use the cyber hotline.",
        parties=[united_states],
        topics=[cyber],
        strength="intent",
        meeting=later,
        deadline=TODAY() - datetime.timedelta(days=5),
        title="Use the hotline",
    )
    verify = make_commitment(quote="China will verify identities in a timely manner.", parties=[china], title="Verify")
    hedged = make_commitment(
        quote="The sides may include exchanges of experts.", strength="hedged", title="Maybe exchanges"
    )
    draft = make_commitment(quote="A draft pledge about fugitives.", publish=False, title="Draft pledge")
    record = actions.record_assessment
    record(commitment=repatriation, status=Status.IN_PROGRESS, as_of=D(2018, 3, 1), rationale="Begun.", author=erin)
    record(commitment=repatriation, status=Status.FULFILLED, as_of=D(2019, 5, 1), rationale="Done.", author=erin)
    record(commitment=verify, status=Status.STALLED, as_of=D(2019, 1, 1), rationale="Paused.", author=erin)
    return {"repatriation": repatriation, "hotline": hotline, "verify": verify, "hedged": hedged, "draft": draft}


def listed(client, **params) -> set:
    response = client.get(reverse("public:commitment_list"), params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return {c.title for c in response.context["page"].rows}


def test_without_filters_every_published_commitment_is_listed_and_no_draft(rob_client, rows):
    assert listed(rob_client) == {"Repatriate fugitives", "Use the hotline", "Verify", "Maybe exchanges"}


def test_status_filters_the_current_status(rob_client, rows):
    assert listed(rob_client, status="fulfilled") == {"Repatriate fugitives"}
    assert listed(rob_client, status=["stalled", "not_assessed"]) == {"Verify", "Use the hotline", "Maybe exchanges"}


def test_status_with_as_of_filters_the_status_on_that_date(rob_client, rows):
    assert listed(rob_client, status="in_progress", as_of="2018-12-31") == {"Repatriate fugitives"}
    assert listed(rob_client, status="fulfilled", as_of="2018-12-31") == set()
    assert listed(rob_client, status="not_assessed", as_of="2018-12-31") == {"Verify", "Maybe exchanges"}


def test_as_of_hides_commitments_made_after_the_date(rob_client, rows):
    assert "Use the hotline" not in listed(rob_client, as_of="2020-05-31")
    assert "Use the hotline" in listed(rob_client, as_of="2020-06-01")


def test_party_topic_dialogue_meeting_and_strength(rob_client, rows, china, dialogue, meeting):
    assert listed(rob_client, party=china.code) == {"Repatriate fugitives", "Verify", "Maybe exchanges"}
    assert listed(rob_client, topic="cybersecurity") == {"Use the hotline"}
    assert listed(rob_client, dialogue=dialogue.slug) == {"Repatriate fugitives", "Verify", "Maybe exchanges"}
    assert listed(rob_client, meeting="cwg-2020") == {"Use the hotline"}
    assert listed(rob_client, strength="hedged") == {"Maybe exchanges"}


def test_deadline_range_and_overdue(rob_client, rows):
    assert listed(rob_client, deadline_from="2019-01-01", deadline_to="2019-12-31") == {"Repatriate fugitives"}
    # Fulfilled is settled: only the open commitment past its deadline is overdue today
    assert listed(rob_client, overdue="true") == {"Use the hotline"}
    # On 1 February 2019 the repatriation pledge was still in progress and past its deadline
    assert listed(rob_client, overdue="on", as_of="2019-02-01") == {"Repatriate fugitives"}


def test_made_between_dates(rob_client, rows):
    assert listed(rob_client, made_from="2020-01-01") == {"Use the hotline"}
    assert listed(rob_client, made_to="2017-12-31") == {"Repatriate fugitives", "Verify", "Maybe exchanges"}


def test_full_text_search_over_title_and_quote(rob_client, rows):
    assert listed(rob_client, q="hotline") == {"Use the hotline"}
    assert listed(rob_client, q="verify identities") == {"Verify"}
    assert "Draft pledge" not in listed(rob_client, q="fugitives")


def test_sort_options(rob_client, rows):
    for sort, first in [
        ("newest", "Use the hotline"),
        ("title", "Maybe exchanges"),
        ("deadline", "Repatriate fugitives"),
    ]:
        response = rob_client.get(reverse("public:commitment_list"), {"sort": sort})
        assert response.context["page"].rows[0].title == first, sort


def test_the_list_links_to_the_feed_and_exports_of_its_filter(rob_client, rows, china):
    response = rob_client.get(reverse("public:commitment_list"), {"party": china.code, "status": "stalled"})
    assert response.context["feed_url"] == f"/feeds/changes/?party={china.code}&status=stalled"
    html = response.content.decode()
    assert f'href="/feeds/changes/?party={china.code}&amp;status=stalled"' in html
    assert f'href="/exports/commitments.csv?party={china.code}&amp;status=stalled"' in html


INVALID = [
    ({"status": "finished"}, "Select a valid choice"),
    ({"party": "atlantis"}, "No party with that code has published commitments."),
    ({"deadline_from": "31/01/2019"}, "Enter a valid date."),
    ({"as_of": "2999-01-01"}, "is in the future"),
    ({"made_from": "2020-01-01", "made_to": "2019-01-01"}, "The made range ends before it starts."),
    ({"sort": "random"}, "Select a valid choice"),
    ({"topic": "<script>"}, "There is no topic with that name."),
]


def test_an_invalid_value_gives_a_clear_message_not_a_server_error(rob_client, rows):
    for params, message in INVALID:
        response = rob_client.get(reverse("public:commitment_list"), params)
        assert response.status_code == 400, params
        html = response.content.decode()
        assert "The filters could not be applied." in html
        assert message in html, params
        assert "<script>" not in html
