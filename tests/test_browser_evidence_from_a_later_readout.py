"""A later readout in a real browser: Erin imports it, sees its passages as evidence cards with the
right commitment first (the alternative folded under it), accepts the card with its proposed
status, and the commitment's status moves on the public page. Screenshots go to the temporary
directory."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from tracker.ingest.models import Suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Written for this test.
LATER_READOUT = """Readout of the second Counternarcotics Working Group meeting

On May 1, China and the United States held the second meeting of the Counternarcotics Working Group in Washington.

Senior officials of both countries reviewed progress in counternarcotics efforts, including recent arrests.

The two sides held candid and constructive discussions on a range of issues.
"""

SHOTS = str(Path(tempfile.gettempdir()) / "browser-evidence")


def test_an_editor_accepts_evidence_from_a_later_readout_and_the_public_status_moves(
    page, live_server, erin, make_commitment
):
    working_group = make_commitment(
        quote="The two sides agreed to establish a working group on counternarcotics coordination.",
        title="Establish a counternarcotics working group",
    )
    make_commitment(quote="The two sides will repatriate fugitives within 30 days.")
    page.goto(f"{live_server.url}/commitments/{working_group.reference}/")
    assert "Not yet assessed" in page.inner_text("body")

    page.goto(f"{live_server.url}/editor/")
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{live_server.url}/editor/")

    # Import the later readout, dated.
    page.goto(f"{live_server.url}/editor/import/")
    page.fill("#id_text-text", LATER_READOUT)
    page.select_option("#id_text-kind", "readout")
    page.fill("#id_text-published_on", "2018-05-02")
    page.click("text=Import text")
    page.wait_for_url(re.compile(r"/editor/articles/\d+/$"))
    assert Suggestion.objects.filter(commitment=working_group).count() == 2

    # The evidence inbox: one card per passage, the working group pledge first, its status proposed.
    page.goto(f"{live_server.url}/editor/evidence/")
    cards = page.locator("article.suggestion.card")
    assert cards.count() == 2
    first = cards.first
    assert "held the second meeting of the Counternarcotics Working Group" in first.locator("mark.quote").inner_text()
    assert working_group.reference in first.locator(".bears-on").first.inner_text()
    status = first.locator("form.accept-evidence select[name$='-status']").first
    assert status.input_value() == "in_progress"
    page.screenshot(path=f"{SHOTS}-1-inbox.png", full_page=True)

    # Accept it with the proposed status.
    first.get_by_role("button", name="Accept as evidence").first.click()
    page.wait_for_selector(f"text=Accepted as evidence for {working_group.reference}.")
    assert page.locator("article.suggestion.card").count() == 1

    # The public page: the status moved, with the passage as its evidence.
    page.goto(f"{live_server.url}/commitments/{working_group.reference}/")
    body = page.inner_text("body")
    page.screenshot(path=f"{SHOTS}-2-public.png", full_page=True)
    assert "In progress" in body
    assert "Counternarcotics Working Group" in body
