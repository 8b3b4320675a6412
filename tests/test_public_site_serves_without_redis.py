"""With the page cache's Redis unreachable, the public site still answers from the database, in
milliseconds, and /healthz names the cache as the dependency that is down (degraded, not dead)."""

import socket
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.public import caching

story = fx.story

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again on leaving: nothing listens there


@pytest.fixture
def dead_redis_cache(monkeypatch):
    monkeypatch.setattr(caching._Outage, "down", False)  # a fresh process: no outage seen yet
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/9",
            "OPTIONS": settings.CACHE_OPTIONS,  # as in production
        }
    }
    with override_settings(CACHES=caches):
        yield


PAGES = ["public:dashboard", "public:commitment_list", "public:dialogue_list", "public:feed_changes"]


def test_every_public_page_is_served_uncached_when_redis_is_down(rob_client, story, dead_redis_cache):
    for name in PAGES:
        response = rob_client.get(reverse(name))
        assert response.status_code == 200, name


def test_a_dead_redis_costs_a_fraction_of_a_second_per_request(dead_redis_cache):
    started = time.monotonic()
    with pytest.raises(caching.CACHE_UNAVAILABLE):
        cache.get("anything")
    assert time.monotonic() - started < 0.5


def test_a_commitment_page_is_served_when_redis_is_down(rob_client, story, dead_redis_cache):
    response = rob_client.get(story.commitment.get_absolute_url())
    assert response.status_code == 200


def test_the_outage_is_logged_once_not_per_request(rob_client, story, dead_redis_cache, caplog):
    rob_client.get(reverse("public:commitment_list"))
    rob_client.get(reverse("public:dialogue_list"))
    warnings = [r for r in caplog.records if "page cache is unreachable" in r.getMessage()]
    assert len(warnings) == 1


def test_healthz_reports_the_cache_down_and_the_site_degraded(rob_client, dead_redis_cache):
    response = rob_client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "unavailable"
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_is_503_when_a_required_dependency_is_down(rob_client, dead_redis_cache):
    with override_settings(HEALTH_REQUIRED=["database", "cache"]):
        response = rob_client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_healthz_is_ok_when_everything_answers(rob_client):
    response = rob_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "broker": "in-process"}}
