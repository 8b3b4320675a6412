"""An export never claims success on a failing database: a failure before the first row is a 503
that no cache keeps; a failure mid-stream leaves a body that no reader takes for a whole file,
aborts the transfer and is logged."""

import json

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from tests import test_public_fixtures as fx
from tracker.public import exports
from tracker.public.streaming import INTERRUPTED

story = fx.story
make_many = fx.make_many

pytestmark = pytest.mark.django_db

EXPORTS = ["public:export_csv", "public:export_json", "public:export_dump"]


def url(name: str) -> str:
    """The export's address. Today's full dump is a file built offline (tracker.public.offline,
    tests/test_full_exports_are_built_offline.py); the dump of a date is the one streamed."""
    if name == "public:export_dump":
        return reverse(name) + "?as_of=" + timezone.localdate().isoformat()
    return reverse(name)


class DeadDatabase:
    """Every query fails once `dead` is set, as when PostgreSQL goes away under the app."""

    dead = False

    def __call__(self, execute, sql, params, many, context):
        if self.dead:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.mark.parametrize("name", EXPORTS)
def test_a_database_down_before_the_first_row_is_a_503_no_cache_keeps(rob_client, story, name):
    database = DeadDatabase()
    database.dead = True
    with connection.execute_wrapper(database):
        response = rob_client.get(url(name))
    assert response.status_code == 503
    assert "public" not in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("name", EXPORTS)
def test_a_database_lost_mid_stream_leaves_an_unmistakably_incomplete_body(
    rob_client, make_many, monkeypatch, caplog, name
):
    make_many(6)
    # Several fetches, so that the database can go away between two of them.
    monkeypatch.setattr(exports, "CHUNK", 2)
    monkeypatch.setattr(exports, "DUMP_CHUNK", 2)
    database = DeadDatabase()
    received = []
    with connection.execute_wrapper(database):
        response = rob_client.get(url(name))
        assert response.status_code == 200
        stream = iter(response.streaming_content)
        received.append(next(stream))
        database.dead = True
        with pytest.raises(OperationalError):
            for part in stream:
                received.append(part)
    body = b"".join(received).decode()
    assert body.endswith(INTERRUPTED)
    if name != "public:export_csv":
        with pytest.raises(json.JSONDecodeError):
            json.loads(body)
    assert any("failed mid-stream" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_of_a_healthy_database_is_whole_and_public(rob_client, make_many, name):
    make_many(3)
    response = rob_client.get(url(name))
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert INTERRUPTED.strip() not in body
    if name != "public:export_csv":
        assert len(json.loads(body)["commitments"]) == 3
