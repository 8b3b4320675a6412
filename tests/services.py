"""What tests do when a service they need is missing: skip on a developer's machine, fail in CI.

CI_REQUIRE_SERVICES=1 (set by .ci/run) turns a missing PostgreSQL, Redis, Celery worker or
Chromium into a failure: in CI a missing service must never turn into a quietly green run.
"""

import os

import pytest

REQUIRE_SERVICES = os.environ.get("CI_REQUIRE_SERVICES", "") in {"1", "true", "yes"}


def missing_service(reason: str):
    """Skip, or fail when CI requires every service."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (CI_REQUIRE_SERVICES=1: services must be available)", pytrace=False)
    pytest.skip(reason)
