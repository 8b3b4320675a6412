"""Shared fixtures: the personas of the suite and the services some tests need.

Personas: erin (editor), olga (logged in, not an editor), rob (anonymous reader).

Tests that need Redis, PostgreSQL, a real Celery worker or Chromium skip when the service is
missing on a developer's machine, and FAIL when CI_REQUIRE_SERVICES=1 (set by .ci/run): see
tests/services.py. The browser fixtures (`page`, `browser_instance`) come from tests/browser.py.
"""

from __future__ import annotations

import datetime
import os
import socket
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User

from tests.browser import browser_instance, page  # noqa: F401  (fixtures, shared by every browser test)
from tests.services import missing_service


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the public-page cache is invalidated by a version
    bump after commit, which never happens inside a test's transaction."""
    from django.core.cache import cache

    cache.clear()
    yield


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        missing_service("REDIS_URL is not set")
    if not _reachable(url, 6379):
        missing_service(f"Redis at {url} is not reachable")
    return url


@pytest.fixture(scope="session")
def postgres_required():
    from django.db import connection

    if connection.vendor != "postgresql":
        missing_service("this test needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a function and then what it enqueued on commit (the pipeline's tasks, eager in tests):
    a test's transaction never commits, so on_commit callbacks would otherwise never run.

        article, _ = run(pipeline.import_article, text=...)
    """

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


# --- Personas ----------------------------------------------------------------------------------


@pytest.fixture
def editors_group(db):
    from tracker.editor.roles import editors_group as ensure_group

    return ensure_group()


@pytest.fixture
def erin(db, editors_group) -> User:
    user = User.objects.create_user("erin", "erin@example.org", "erin-password-123")
    user.groups.add(editors_group)
    return user


@pytest.fixture
def olga(db) -> User:
    return User.objects.create_user("olga", "olga@example.org", "olga-password-123")


@pytest.fixture
def erin_client(client, erin):
    client.force_login(erin)
    return client


@pytest.fixture
def olga_client(client, olga):
    client.force_login(olga)
    return client


@pytest.fixture
def rob_client(client):
    return client


# --- The record --------------------------------------------------------------------------------


@pytest.fixture
def reference_data(db):
    """Parties and topics, as a migration seeds them. A transactional test empties every table
    when it ends; this puts them back for the tests after it."""
    from tracker.commitments.models import Party, Topic
    from tracker.commitments.reference_data import sync

    if not Party.objects.exists() or not Topic.objects.exists():
        sync(Party, Topic)


@pytest.fixture
def china(reference_data):
    from tracker.commitments.models import Party

    return Party.objects.get(code="cn")


@pytest.fixture
def united_states(reference_data):
    from tracker.commitments.models import Party

    return Party.objects.get(code="us")


@pytest.fixture
def topic(reference_data):
    from tracker.commitments.models import Topic

    return Topic.objects.get(key="repatriation/fugitives")


@pytest.fixture
def dialogue(db, china, united_states):
    from tracker.commitments.models import Dialogue

    dialogue = Dialogue.objects.create(
        name="Test Law Enforcement Dialogue", slug="test-led", reference_prefix="TLED", short_name="TLED"
    )
    dialogue.parties.set([china, united_states])
    return dialogue


@pytest.fixture
def meeting(db, dialogue, china, united_states):
    from tracker.commitments.models import Meeting

    meeting = Meeting.objects.create(
        dialogue=dialogue,
        title="First round",
        slug="test-led-2017",
        date=datetime.date(2017, 10, 4),
        place="Washington",
    )
    meeting.parties.set([china, united_states])
    return meeting


@pytest.fixture
def make_commitment(db, meeting, topic, china, united_states):
    from tracker.commitments import actions

    def make(
        quote="The two sides will repatriate fugitives within 30 days.",
        parties=None,
        topics=None,
        publish=True,
        **fields,
    ):
        fields.setdefault("meeting", meeting)
        return actions.create_commitment(
            quote=quote, parties=parties or [china, united_states], topics=topics or [topic], publish=publish, **fields
        )

    return make


@pytest.fixture
def commitment(make_commitment):
    return make_commitment()
