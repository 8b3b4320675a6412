import datetime

import pytest
from django.core.exceptions import ValidationError

from tracker.commitments import actions
from tracker.commitments.models import Assessment, Party
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db


def record(commitment, **overrides):
    fields = {
        "commitment": commitment,
        "status": Status.IN_PROGRESS,
        "as_of": datetime.date(2018, 1, 1),
        "rationale": "Reported by both sides.",
    }
    fields.update(overrides)
    return actions.record_assessment(**fields)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"status": "almost_done"}, "status"),
        ({"as_of": datetime.date.today() + datetime.timedelta(days=1)}, "as_of"),
        ({"as_of": datetime.date(2016, 1, 1)}, "as_of"),
        ({"rationale": "   "}, "rationale"),
        ({"correction_reason": "no correction here"}, "correction_reason"),
    ],
)
def test_a_bad_value_is_refused_with_a_message_and_nothing_is_written(commitment, overrides, field):
    with pytest.raises(ValidationError) as error:
        record(commitment, **overrides)
    assert field in error.value.message_dict
    assert not Assessment.objects.exists()


def test_a_party_that_did_not_commit_cannot_be_assessed(commitment, reference_data):
    japan = Party.objects.get(code="jp")
    with pytest.raises(ValidationError) as error:
        record(commitment, party=japan)
    assert "party" in error.value.message_dict


def test_a_correction_needs_a_reason(commitment):
    original = record(commitment)
    with pytest.raises(ValidationError) as error:
        record(commitment, supersedes=original)
    assert "correction_reason" in error.value.message_dict
