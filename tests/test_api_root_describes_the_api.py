"""/api/ says what the read API is and links to its documentation (schema, Swagger UI, Redoc)
and to every collection, instead of Django REST framework's generic "Api Root"."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_api_root_describes_the_api_and_links_documentation_that_exists(rob_client, settings):
    settings.SITE_URL = ""
    # When a reader opens /api/ as JSON
    root = rob_client.get("/api/", {"format": "json"}).json()
    # Then it names and describes the API
    assert root["name"] == "Commitment Tracker read API"
    assert "as_of" in root["description"] and "No account" in root["description"]
    # And every documentation link and collection link answers
    collections = ["commitments", "assessments", "dialogues", "meetings", "parties"]
    assert {"schema", "docs", "redoc"} <= root["documentation"].keys()
    links = [doc["url"] for doc in root["documentation"].values()] + [root[name] for name in collections]
    for url in [*links, root["exports"]]:
        assert url.startswith("http://testserver/")
        assert rob_client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_the_browsable_api_root_has_a_real_title_and_description(rob_client):
    page = rob_client.get("/api/", HTTP_ACCEPT="text/html").content.decode()
    assert "Api Root" not in page
    assert "Commitment Tracker read API" in page
    assert "Start with the documentation below" in page
    assert reverse("public:api:docs") in page
