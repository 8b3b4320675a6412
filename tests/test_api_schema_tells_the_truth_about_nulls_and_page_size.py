"""The API's schema and its answers agree: a party that can be null is nullable in the schema,
and a page_size that is not a positive whole number is a 400, not silently the default."""

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(rob_client):
    return rob_client.get(reverse("public:api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


@pytest.mark.parametrize("component", ["Assessment", "Evidence"])
def test_party_is_nullable_in_the_schema(schema, component):
    assert schema["components"]["schemas"][component]["properties"]["party"]["nullable"] is True


def test_an_assessment_of_the_whole_commitment_has_a_null_party(rob_client, story):
    results = rob_client.get("/api/assessments/").json()["results"]
    assert None in {result["party"] for result in results}


@pytest.mark.parametrize("value", ["null", "0", "-1", "two", "1.5", ""])
def test_a_page_size_that_is_not_a_positive_whole_number_is_a_400(rob_client, story, value):
    response = rob_client.get("/api/assessments/", {"page_size": value})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_a_valid_page_size_still_pages(rob_client, story):
    response = rob_client.get("/api/assessments/", {"page_size": "1"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    assert response.json()["next"]


def test_the_400_and_404_answers_are_in_the_schema(schema, rob_client, story):
    assessments = schema["paths"]["/api/assessments/"]["get"]["responses"]
    detail = schema["paths"]["/api/commitments/{reference}/"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(assessments)
    assert "404" in detail
    # and the API does answer them, with the documented bodies
    assert "page_size" in rob_client.get("/api/assessments/", {"page_size": "null"}).json()
    assert "detail" in rob_client.get("/api/commitments/NO-SUCH-REF/").json()
    assert "detail" in rob_client.get("/api/assessments/", {"cursor": "not-a-cursor"}).json()
