"""The read API has an OpenAPI schema and browsable documentation, served from the app (no CDN)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_and_its_documentation_are_served_from_the_app(rob_client):
    schema = rob_client.get(reverse("public:api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    document = schema.json()
    assert "/api/commitments/" in document["paths"]
    assert "get" in document["paths"]["/api/commitments/"]
    assert "post" not in document["paths"]["/api/commitments/"]
    parameters = {p["name"] for p in document["paths"]["/api/commitments/"]["get"]["parameters"]}
    assert {"status", "party", "as_of", "q", "overdue", "cursor"} <= parameters
    docs = rob_client.get(reverse("public:api:docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs
    assert "cdn" not in docs.lower()


def test_the_api_root_lists_the_resources(rob_client):
    data = rob_client.get(reverse("public:api:api-root"), HTTP_ACCEPT="application/json").json()
    assert {"commitments", "assessments", "dialogues", "meetings", "parties"} <= set(data)


def test_the_browsable_api_renders_for_an_anonymous_reader(rob_client):
    response = rob_client.get(reverse("public:api:commitment-list"), HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Commitment" in response.content
