"""`manage.py generate_scale_data` adds only what is missing, and keeps off other people's data."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tracker.commitments.models import Assessment, Commitment, Dialogue, Meeting

SMALL = ["--dialogues", "3", "--meetings", "9"]


def _run(*args):
    call_command("generate_scale_data", *args, *SMALL, stdout=open("/dev/null", "w"))  # noqa: SIM115


def _counts():
    return (Commitment.objects.count(), Assessment.objects.count(), Dialogue.objects.count(), Meeting.objects.count())


def test_running_it_twice_does_not_double_the_data(reference_data):
    _run("--commitments", "120", "--assessments", "300")
    first = _counts()
    references = set(Commitment.objects.values_list("reference", flat=True))

    _run("--commitments", "120", "--assessments", "300")

    assert _counts() == first == (120, 300, 3, 9)
    assert set(Commitment.objects.values_list("reference", flat=True)) == references


def test_a_larger_size_adds_only_the_difference(reference_data):
    _run("--commitments", "100", "--assessments", "250")
    before = set(Commitment.objects.values_list("reference", flat=True))

    _run("--commitments", "160", "--assessments", "400")

    assert _counts() == (160, 400, 3, 9)
    assert before < set(Commitment.objects.values_list("reference", flat=True))


def test_it_refuses_a_database_holding_commitments_it_did_not_generate(commitment):
    with pytest.raises(CommandError, match="did not generate"):
        _run("--commitments", "50", "--assessments", "100")

    assert Commitment.objects.count() == 1
    assert not Dialogue.objects.filter(slug__startswith="scale-").exists()


def test_force_adds_the_generated_data_beside_the_existing_data(commitment):
    _run("--commitments", "50", "--assessments", "100", "--force")

    assert Commitment.objects.count() == 51
    assert Commitment.objects.filter(pk=commitment.pk).exists()
