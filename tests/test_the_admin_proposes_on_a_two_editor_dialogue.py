"""The Django admin is one more way to add an assessment: on a dialogue that requires two editors
it proposes (the second-opinion rule holds there too), elsewhere it records as before; proposals
are listed in the admin read-only."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from tracker.commitments.models import Assessment, ProposedAssessment
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db


def add_assessment_through_the_admin(admin_client, commitment):
    """Post the commitment's change form as the admin shows it, with one new assessment row."""
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    page = admin_client.get(url)
    form = lxml.html.fromstring(page.content).get_element_by_id("commitment_form")
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    new = int(data["assessments-TOTAL_FORMS"][0])
    data["assessments-TOTAL_FORMS"] = [str(new + 1)]
    data.update(
        {
            f"assessments-{new}-as_of": ["2018-02-01"],
            f"assessments-{new}-status": [Status.IN_PROGRESS],
            f"assessments-{new}-rationale": ["Two suspects were handed over."],
            "_continue": ["Save and continue editing"],
        }
    )
    return admin_client.post(url, data, follow=True)


def test_on_a_two_editor_dialogue_the_admin_proposes_and_records_nothing(admin_client, commitment):
    dialogue = commitment.meeting.dialogue
    dialogue.requires_second_opinion = True
    dialogue.save()

    response = add_assessment_through_the_admin(admin_client, commitment)

    assert response.status_code == 200
    assert "proposed, not recorded" in response.text
    assert not Assessment.objects.filter(commitment=commitment).exists()
    proposal = ProposedAssessment.objects.get(commitment=commitment)
    assert proposal.state == ProposedAssessment.State.PENDING and proposal.status == Status.IN_PROGRESS
    commitment.refresh_from_db()
    assert commitment.current_status == Status.NOT_ASSESSED


def test_elsewhere_the_admin_records_the_assessment(admin_client, commitment):
    response = add_assessment_through_the_admin(admin_client, commitment)

    assert response.status_code == 200
    assert Assessment.objects.filter(commitment=commitment, status=Status.IN_PROGRESS).count() == 1
    assert not ProposedAssessment.objects.exists()


def test_proposals_are_listed_read_only_in_the_admin(admin_client, commitment):
    dialogue = commitment.meeting.dialogue
    dialogue.requires_second_opinion = True
    dialogue.save()
    add_assessment_through_the_admin(admin_client, commitment)
    proposal = ProposedAssessment.objects.get()

    listing = admin_client.get(reverse("admin:commitments_proposedassessment_changelist"))
    assert listing.status_code == 200 and commitment.reference in listing.text
    assert admin_client.get(reverse("admin:commitments_proposedassessment_add")).status_code == 403
    change = admin_client.post(
        reverse("admin:commitments_proposedassessment_change", args=[proposal.pk]), {"status": Status.FULFILLED}
    )
    assert change.status_code in {200, 403}
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_PROGRESS
