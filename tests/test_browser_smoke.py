"""The browser tooling works: headless Chromium opens a page the live server serves."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_chromium_opens_the_health_check(page, live_server):
    page.goto(f"{live_server.url}/healthz")
    assert '"status": "ok"' in page.content()
