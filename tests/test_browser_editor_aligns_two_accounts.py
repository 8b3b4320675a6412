"""In a real browser: the US readout of a meeting is in; an editor imports the Chinese account,
finds three alignments proposed, confirms two and rejects one; the public meeting page shows the
two confirmed pairs (and nothing of the rejected one), and stays readable 375 px wide.
Screenshots go to the temporary directory."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from tests import test_readout_fixtures as rx
from tests.texts.readouts import CHINA_ACCOUNT, US_READOUT
from tracker.commitments.models import Alignment, Commitment
from tracker.ingest import pipeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

summit = rx.summit
SHOTS = str(Path(tempfile.gettempdir()) / "browser-aligns-two-accounts")


def shot(page, name):
    page.screenshot(path=f"{SHOTS}-{name}.png", full_page=True)


def card(page, needle):
    quoted = page.locator("blockquote", has_text=needle)
    return page.locator("article.alignment[data-state=proposed]").filter(has=quoted)


def test_an_editor_confirms_two_alignments_and_rejects_one(page, live_server, erin, summit, united_states, china):
    # The first account, the US readout, is already in and analysed.
    pipeline.import_article(text=US_READOUT, meeting=summit, kind="readout", issuing_party=united_states)

    page.goto(f"{live_server.url}/editor/")
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{live_server.url}/editor/")

    # Import the second account: pasted text, the meeting, a readout issued by China.
    page.goto(f"{live_server.url}/editor/import/")
    page.fill("#id_text-text", CHINA_ACCOUNT)
    page.select_option("#id_text-meeting", label=str(summit))
    page.select_option("#id_text-kind", "readout")
    page.select_option("#id_text-issuing_party", label="China")
    page.click("text=Import text")
    page.wait_for_url(re.compile(r"/editor/articles/\d+/$"))

    # The meeting's accounts side by side: three proposals across the two languages.
    page.goto(f"{live_server.url}/editor/meetings/{summit.pk}/")
    page.click("text=Compare the accounts")
    page.wait_for_selector("h1:has-text('Accounts of')")
    assert page.locator("article.alignment[data-state=proposed]").count() == 3
    shot(page, "1-proposed")

    card(page, "两军").get_by_role("button", name="Confirm").click()
    page.wait_for_selector("text=Confirmed: both accounts now state")
    card(page, "禁毒").get_by_role("button", name="Confirm").click()
    page.wait_for_selector("text=Confirmed: both accounts now state", state="attached")
    flights = card(page, "航班")
    flights.locator("input[name=reason]").fill("Scheduled flights and direct flights differ")
    flights.get_by_role("button", name="Reject").click()
    page.wait_for_selector("text=Rejected: each sentence stays its own account's.")
    assert page.locator("article.alignment[data-state=proposed]").count() == 0
    shot(page, "2-decided")
    assert sorted(Alignment.objects.values_list("state", flat=True)) == ["confirmed", "confirmed", "rejected"]
    assert Commitment.objects.published().count() == 2  # one commitment per confirmed pledge, not four

    # The public page, as a reader sees it.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/meetings/{summit.slug}/")
    both = page.locator("[data-kind=both]")
    assert both.count() == 2
    text = page.inner_text("main")
    assert "两军高层沟通" in text and "military communication" in text
    assert "禁毒合作工作组" in text and "航班" not in text.split("Subjects one side")[0]
    assert "The United States' account records 2 outcomes, China's 2; 2 appear in both." in text
    shot(page, "3-public")

    # 375 px wide: nothing wider than the screen, the two quotes stacked, not squeezed side by side.
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    quotes = page.locator("[data-kind=both]").first.locator("blockquote")
    first, second = quotes.nth(0).bounding_box(), quotes.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1
    assert first["width"] > 250
    shot(page, "4-public-375")
