"""A date-time filter of the API with an offset no time zone has (beyond -12:00..+14:00) is a 400
with a message, not a query PostgreSQL refuses with a 500; real offsets still filter."""

import pytest

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("offset", ["+16:00", "-13:00", "+23:59"])
def test_an_impossible_offset_is_a_400_naming_the_filter(rob_client, story, offset):
    response = rob_client.get("/api/assessments/", {"recorded_after": f"2020-01-01T00:00:00{offset}"})
    assert response.status_code == 400
    assert "recorded_after" in response.json()


@pytest.mark.parametrize("offset", ["+14:00", "-12:00", "+05:30", "Z"])
def test_a_real_offset_still_filters(rob_client, story, offset):
    response = rob_client.get("/api/assessments/", {"recorded_after": f"2018-06-01T00:00:00{offset}"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3  # recorded in September 2018 and in 2019
