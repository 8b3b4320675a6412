"""The assessment log is append-only against every write path: the ORM, bulk querysets, raw
SQL, the admin. A correction is a new row; the row it corrects stays as it was."""

import datetime

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.models import AppendOnlyError, Assessment, AssessmentEvidence, Evidence
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(commitment, erin):
    return actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 1, 10),
        rationale="Two suspects were handed over.",
        author=erin,
    )


def test_saving_an_existing_assessment_is_refused(assessment):
    assessment.status = Status.FULFILLED
    with pytest.raises(AppendOnlyError):
        assessment.save()
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS


def test_deleting_an_assessment_is_refused(assessment):
    with pytest.raises(AppendOnlyError):
        assessment.delete()
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_bulk_update_and_delete_are_refused(assessment):
    with pytest.raises(AppendOnlyError):
        Assessment.objects.filter(pk=assessment.pk).update(status=Status.BROKEN)
    with pytest.raises(AppendOnlyError):
        Assessment.objects.all().delete()
    assert Assessment.objects.get(pk=assessment.pk).status == Status.IN_PROGRESS


def test_the_database_refuses_an_update_in_raw_sql(assessment):
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE commitments_assessment SET status = 'broken' WHERE id = %s", [assessment.pk])
    assert Assessment.objects.get(pk=assessment.pk).status == Status.IN_PROGRESS


def test_on_postgresql_the_database_refuses_a_delete_in_raw_sql(postgres_required, assessment):
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM commitments_assessment WHERE id = %s", [assessment.pk])
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_the_evidence_an_assessment_cites_cannot_be_swapped(commitment, erin):
    first = Evidence.objects.create(title="Report", url="https://example.org/a")
    other = Evidence.objects.create(title="Other", url="https://example.org/b")
    assessment = actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 1, 10),
        rationale="Reported.",
        author=erin,
        evidence=[first],
    )
    link = AssessmentEvidence.objects.get(assessment=assessment)
    link.evidence = other
    with pytest.raises(AppendOnlyError):
        link.save()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE commitments_assessmentevidence SET evidence_id = %s", [other.pk])
    assert list(assessment.evidence.all()) == [first]


def test_a_correction_is_a_new_row_and_leaves_the_original_untouched(assessment, erin):
    correction = actions.correct_assessment(
        assessment=assessment,
        status=Status.NOT_STARTED,
        as_of=datetime.date(2018, 1, 10),
        rationale="The hand-over concerned another agreement.",
        reason="Misread the source.",
        author=erin,
    )
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS
    assert correction.supersedes == assessment
    assert Assessment.objects.count() == 2
    assert list(Assessment.objects.effective()) == [correction]


def test_an_assessment_cannot_be_corrected_twice(assessment, erin):
    actions.correct_assessment(
        assessment=assessment,
        status=Status.STALLED,
        as_of=datetime.date(2018, 1, 10),
        rationale="x",
        reason="first correction",
        author=erin,
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.correct_assessment(
            assessment=assessment,
            status=Status.BROKEN,
            as_of=datetime.date(2018, 1, 10),
            rationale="y",
            reason="second correction of the same row",
            author=erin,
        )


def test_the_admin_offers_no_way_to_change_or_delete_an_assessment(admin_client, assessment):
    change = admin_client.get(reverse("admin:commitments_assessment_change", args=[assessment.pk]))
    # The admin shows the row (view permission) without a form to change it.
    assert change.status_code == 200
    assert b'name="status"' not in change.content
    post = admin_client.post(
        reverse("admin:commitments_assessment_change", args=[assessment.pk]),
        {"status": Status.BROKEN, "as_of": "2018-01-10", "rationale": "changed"},
    )
    assert post.status_code == 403
    delete = admin_client.post(reverse("admin:commitments_assessment_delete", args=[assessment.pk]), {"post": "yes"})
    assert delete.status_code == 403
    bulk = admin_client.post(
        reverse("admin:commitments_assessment_changelist"),
        {"action": "delete_selected", "_selected_action": [assessment.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}
    assert Assessment.objects.get(pk=assessment.pk).status == Status.IN_PROGRESS


def test_the_commitment_admin_shows_saved_assessments_read_only(admin_client, assessment):
    page = admin_client.get(reverse("admin:commitments_commitment_change", args=[assessment.commitment_id]))
    assert page.status_code == 200
    assert b"assessments-0-status" not in page.content  # no editable field for the saved row
    assert b"Two suspects were handed over." in page.content
