"""The headline status of a commitment follows one stated rule (tracker/commitments/status.py),
wherever it shows: for one committing party, that party's status is the overall status; for
several, the whole's own assessment when there is one, else a roll-up of the parties' own; on
past dates, the same rule applied to the log as of that date."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment
from tracker.commitments.status import Status, roll_up

D = datetime.date
api_get = fx.api_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def us_only(make_commitment, united_states, erin):
    """A U.S.-only commitment, overdue, with one assessment recorded for the United States."""
    commitment = make_commitment(
        quote="The United States will promote specific cases through the dialogue.",
        title="U.S. to promote specific cases",
        parties=[united_states],
        deadline=D(2018, 1, 31),
    )
    actions.record_assessment(
        commitment=commitment,
        party=united_states,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 3, 1),
        rationale="Cases were raised at working level.",
        author=erin,
    )
    commitment.refresh_from_db()
    return commitment


def test_the_only_partys_status_is_the_headline_on_every_surface(rob_client, us_only, make_commitment):
    # Given a sub-commitment of the U.S.-only commitment, to see it from its parent's page too
    parent = make_commitment(quote="The two sides will cooperate on cases.", title="Cooperate on cases")
    actions.update_commitment(commitment=us_only, parent=parent)

    # Then the denormalised status and the log agree on the rule
    assert us_only.current_status == Status.IN_PROGRESS
    assert us_only.status_on(D(2018, 3, 1)) == Status.IN_PROGRESS
    assert us_only.status_on(D(2018, 2, 28)) == Status.NOT_ASSESSED

    # And every page shows it
    page = rob_client.get(us_only.get_absolute_url()).content.decode()
    start = page.index('class="status-line"')
    status_line = page[start : page.index("</p>", start)]
    assert "In progress" in status_line and "Not yet assessed" not in status_line
    listed = rob_client.get(reverse("public:commitment_list"), {"status": "in_progress"}).content.decode()
    assert "U.S. to promote specific cases" in listed
    dashboard = rob_client.get(reverse("public:dashboard")).content.decode()
    overdue = dashboard[dashboard.index('id="overdue-heading"') :]
    assert "U.S. to promote specific cases" in overdue
    assert "st-in_progress" in overdue[: overdue.index("U.S. to promote specific cases") + 2000]
    parent_page = rob_client.get(parent.get_absolute_url()).content.decode()
    subs = parent_page[parent_page.index("Sub-commitments") :]
    assert "st-in_progress" in subs[: subs.index("</dd>")]

    # And the exports, the API and a past date
    rows = list(csv.DictReader(io.StringIO(rob_client.get(reverse("public:export_csv")).getvalue().decode()[1:])))
    assert {r["reference"]: r["current_status"] for r in rows}[us_only.reference] == "in_progress"
    assert api_get(rob_client, "commitment-detail", us_only.reference)["status"]["status"] == "in_progress"
    old = api_get(rob_client, "commitment-detail", us_only.reference, as_of="2018-02-01")
    assert old["status"]["status"] == "not_assessed"
    on_day = api_get(rob_client, "commitment-list", as_of="2018-03-02", status="in_progress")
    assert us_only.reference in [c["reference"] for c in on_day["results"]]


def test_a_newer_assessment_of_the_whole_or_the_only_party_wins(us_only, erin, united_states):
    actions.record_assessment(
        commitment=us_only, status=Status.FULFILLED, as_of=D(2018, 6, 1), rationale="Done.", author=erin
    )
    actions.record_assessment(
        commitment=us_only,
        party=united_states,
        status=Status.STALLED,
        as_of=D(2018, 9, 1),
        rationale="Nothing since.",
        author=erin,
    )
    us_only.refresh_from_db()
    assert us_only.status_on(D(2018, 7, 1)) == Status.FULFILLED
    assert us_only.current_status == Status.STALLED


def test_several_parties_roll_up_when_only_parties_were_assessed(commitment, china, united_states, erin):
    def record(party, status, day):
        actions.record_assessment(
            commitment=commitment, party=party, status=status, as_of=day, rationale="Seen.", author=erin
        )

    record(china, Status.FULFILLED, D(2018, 1, 1))
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.FULFILLED  # the assessed agree
    record(united_states, Status.IN_PROGRESS, D(2018, 2, 1))
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.IN_PROGRESS  # the laggard
    actions.record_assessment(
        commitment=commitment, status=Status.PARTIAL, as_of=D(2018, 3, 1), rationale="Whole.", author=erin
    )
    record(united_states, Status.BROKEN, D(2018, 4, 1))
    refreshed = Commitment.objects.get(pk=commitment.pk)
    assert refreshed.current_status == Status.PARTIAL  # an assessment of the whole wins over a roll-up
    assert refreshed.status_on(D(2018, 1, 15)) == Status.FULFILLED  # the same rule on the log then


def test_the_roll_up_is_the_least_advanced_status_with_steps_taken_kept():
    assert roll_up([]) == Status.NOT_ASSESSED
    assert roll_up([Status.NOT_ASSESSED, Status.STALLED]) == Status.STALLED
    assert roll_up([Status.FULFILLED, Status.FULFILLED]) == Status.FULFILLED
    assert roll_up([Status.FULFILLED, Status.BROKEN]) == Status.BROKEN
    assert roll_up([Status.FULFILLED, Status.PARTIAL]) == Status.PARTIAL
    assert roll_up([Status.NOT_STARTED, Status.FULFILLED]) == Status.IN_PROGRESS
    assert roll_up([Status.NO_INFORMATION, Status.NOT_STARTED]) == Status.NOT_STARTED
    assert roll_up([Status.NO_INFORMATION]) == Status.NO_INFORMATION


def test_the_methodology_page_states_the_rule(rob_client):
    page = rob_client.get(reverse("public:methodology")).content.decode()
    section = page[page.index('id="headline"') :]
    assert "only committing party" in section and "least advanced" in section


def test_the_assessment_form_of_a_one_party_commitment_asks_no_lane(erin_client, us_only, united_states):
    url = reverse("editor:assessment_create", args=[us_only.reference])
    page = erin_client.get(url).content.decode()
    assert 'name="party"' not in page and "The commitment as a whole" not in page
    erin_client.post(url, {"status": Status.FULFILLED, "as_of": "2018-05-01", "rationale": "Done."})
    assert Assessment.objects.latest("recorded_at").party == united_states


def test_a_correction_can_fix_the_party(erin_client, commitment, china, united_states, erin):
    wrong = actions.record_assessment(
        commitment=commitment,
        party=china,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 3, 1),
        rationale="The U.S. handed over suspects.",
        author=erin,
    )
    url = reverse("editor:assessment_correct", args=[commitment.reference, wrong.pk])
    erin_client.post(
        url,
        {
            "party": united_states.pk,
            "status": Status.IN_PROGRESS,
            "as_of": "2018-03-01",
            "rationale": "The U.S. handed over suspects.",
            "reason": "Recorded for the wrong side.",
        },
    )
    correction = Assessment.objects.get(supersedes=wrong)
    assert correction.party == united_states
    assert commitment.status_on(D(2018, 3, 1), party=china) == Status.NOT_ASSESSED
