"""In a real browser the party picker shows its filter box: typing "chi" leaves China (and the
parties already ticked) in view, ticking it and saving records it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOT = Path(tempfile.gettempdir()) / "browser-party-picker.png"


def test_typing_in_the_filter_box_narrows_the_parties_and_the_ticked_one_is_saved(
    page, live_server, erin, meeting, china, united_states
):
    meeting.parties.set([united_states])
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button[type=submit]")
    page.goto(live_server.url + reverse("editor:meeting_update", args=[meeting.pk]))

    picker = page.locator(".party-picker")
    assert picker.locator(".picker-filter").is_visible()  # shown by editor.js
    picker.locator(".picker-filter").fill("chi")
    visible = [text.strip() for text in picker.locator("li:not([hidden])").all_inner_texts()]
    assert "China" in visible and "United States" in visible  # the match, and the one ticked already
    assert len(visible) < 10
    picker.locator(".picker-filter").fill("prc")  # an alias
    assert "China" in [t.strip() for t in picker.locator("li:not([hidden])").all_inner_texts()]
    page.get_by_label("China", exact=True).check()
    page.screenshot(path=str(SHOT), full_page=True)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    assert set(meeting.parties.all()) == {china, united_states}
