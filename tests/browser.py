"""Headless Chromium for browser tests: Debian's `chromium`, driven by Playwright for Python.

Nothing is downloaded: Playwright is pointed at /usr/bin/chromium (or $CHROMIUM). Without it,
browser tests skip on a developer's machine and fail in CI (CI_REQUIRE_SERVICES=1). The fixtures
are registered in tests/conftest.py, so a test module just asks for them (one Chromium serves the
whole session; a second sync Playwright in the same process would fail):

    @pytest.mark.browser
    def test_something(page, live_server): ...
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.services import missing_service

# The flags the machine's notes give: without the background-networking ones Chromium keeps
# trying to reach Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if candidate and os.path.exists(candidate) else None


@pytest.fixture(scope="session")
def browser_instance() -> Iterator:
    executable = chromium_path()
    if executable is None:
        missing_service("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_service("Playwright for Python is not installed")
    # Playwright's sync API runs an event loop; Django's async-unsafe guard must not trip on it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser_instance) -> Iterator:
    context = browser_instance.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()
