"""An address with a NUL byte in a path segment is a 404, for readers, the API, the feeds and the
editor's pages alike, and the NUL never reaches the database (PostgreSQL refuses such a query,
which made these routes answer 500)."""

import pytest
from django.db import connection

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/commitments/%00/",
    "/commitments/LECD%00/",
    "/dialogues/%00/",
    "/parties/%00/",
    "/feeds/commitments/%00/",
    "/feeds/dialogues/%00/",
    "/feeds/parties/%00/",
    "/api/commitments/%00/",
    "/api/dialogues/%00/",
    "/api/parties/%00/",
    "/api/meetings/%00/",
]
EDITOR = ["/editor/commitments/%00/", "/editor/commitments/%00/edit/", "/editor/commitments/%00/history/"]


class NulWatch:
    """Sees every query's parameters on their way to the database (what PostgreSQL refuses)."""

    def __init__(self):
        self.reached = False

    def __call__(self, execute, sql, params, many, context):
        rows = params if many else [params]
        self.reached |= any(isinstance(v, str) and "\x00" in v for row in rows or [] for v in row or [])
        return execute(sql, params, many, context)


def _get_watching(client, path):
    watch = NulWatch()
    with connection.execute_wrapper(watch):
        response = client.get(path)
    return response, watch.reached


@pytest.mark.parametrize("path", PUBLIC)
def test_a_reader_gets_a_404_for_a_nul_in_a_path_segment(rob_client, story, path):
    response, nul_reached_the_database = _get_watching(rob_client, path)
    assert response.status_code == 404
    assert not nul_reached_the_database


@pytest.mark.parametrize("path", EDITOR)
def test_an_editor_gets_a_404_for_a_nul_in_a_path_segment(erin_client, story, path):
    response, nul_reached_the_database = _get_watching(erin_client, path)
    assert response.status_code == 404
    assert not nul_reached_the_database


def test_the_same_address_without_the_nul_still_answers(rob_client, story):
    reference = story.commitment.reference
    assert rob_client.get(f"/commitments/{reference}/").status_code == 200
    assert rob_client.get(f"/commitments/{reference}%00/").status_code == 404
