"""The editor's main path in a real browser: log in, watch an article's progress update by
itself, paste a joint statement, watch it reach the inbox, accept two proposals and reject one
(the keyboard shortcuts and the buttons), record an assessment with evidence, publish, and read the result on the public
commitment page. Screenshots of each step go to the temporary directory."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from tracker.ingest.models import Article, Candidate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Written for this test: three pledges and one past act (which must not be proposed).
STATEMENT = """Joint Statement on the Second Round of the Test Law Enforcement Dialogue

The United States and China held the second round of the dialogue in Washington.

The two sides agreed to establish a joint working group on counter-narcotics cooperation by the end of June 2018.

The United States committed to issue travel documents for verified illegal immigrants within 30 days of verification.

China pledged to share information on cybercrime cases with the United States through the hotline mechanism.

Last year, the two sides repatriated three fugitives and exchanged lists of wanted persons.
"""

NEWS = """Two suspects handed over

Officials said the United States handed over two criminal suspects to China in March 2018, the first
transfers agreed through the dialogue's working group on counter-narcotics.
"""

SHOTS = str(Path(tempfile.gettempdir()) / "browser-editor-main-path")


def shot(page, name):
    page.screenshot(path=f"{SHOTS}-{name}.png", full_page=True)


def paste(page, live_server, text, *, kind, meeting_label=None):
    page.goto(f"{live_server.url}/editor/import/")
    page.fill("#id_text-text", text)
    if meeting_label:
        page.select_option("#id_text-meeting", label=meeting_label)
    page.select_option("#id_text-kind", kind)
    page.click("text=Import text")
    page.wait_for_url(re.compile(r"/editor/articles/\d+/$"))
    return int(re.search(r"/articles/(\d+)/", page.url).group(1))


def test_an_editor_takes_a_statement_from_import_to_the_public_page(page, live_server, erin, meeting):
    meeting_label = str(meeting)

    # Log in.
    page.goto(f"{live_server.url}/editor/")
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{live_server.url}/editor/")

    # An article a worker is fetching: its page follows the pipeline by itself (editor.js polls).
    fetching = Article.objects.create(
        origin="url", url="https://www.example.org/r", canonical_url="https://www.example.org/r", state="fetching"
    )
    page.goto(f"{live_server.url}/editor/articles/{fetching.pk}/")
    assert page.locator('[data-field="label"]').inner_text() == "Fetching"
    Article.objects.filter(pk=fetching.pk).update(state="analysed", text="Nothing pledged.", title="Fetched page")
    page.wait_for_selector("text=No commitments wait for review from this article")
    assert page.locator('[data-field="label"]').inner_text() == "Analysed"

    # Paste the statement; the article page follows the pipeline until its proposals are ready.
    paste(page, live_server, STATEMENT, kind="joint_statement", meeting_label=meeting_label)
    review = page.get_by_role("link", name=re.compile(r"Review 3 proposed commitments"))
    review.wait_for()
    shot(page, "1-article")
    review.click()

    # The inbox: three proposals in context, not the past act.
    cards = page.locator("[data-candidate]")
    assert cards.count() == 3
    assert "repatriated three fugitives" not in " ".join(cards.locator("mark.quote").all_inner_texts())
    shot(page, "2-inbox")

    # Accept the first by keyboard (j selects it, a goes to its Accept button, Enter confirms), the
    # next by its button.
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Accepted as TLED-2017-01.")
    assert page.locator("[data-candidate]").count() == 2
    page.locator("[data-candidate]").first.get_by_role("button", name=re.compile("^Accept")).click()
    page.wait_for_selector("text=Accepted as TLED-2017-02.")

    # The inbox comes back on the remaining proposal: r asks for the reason, Enter rejects.
    assert page.locator("[data-candidate].is-current").count() == 1
    page.keyboard.press("r")
    page.keyboard.type("Too vague to verify")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Rejected.")
    assert page.locator("[data-candidate]").count() == 0
    assert Candidate.objects.get(state="rejected").rejection_reason == "Too vague to verify"
    shot(page, "3-inbox-done")

    # A news report comes in; it is the evidence for an assessment of the first commitment.
    news = paste(page, live_server, NEWS, kind="news")
    page.goto(f"{live_server.url}/editor/commitments/TLED-2017-01/assess/")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_as_of", "2018-03-05")
    page.fill("#id_rationale", "The working group has met and the first transfers were made.")
    page.fill("#id_evidence_article", str(news))
    page.fill("#id_evidence_passage", "the United States handed over two criminal suspects to China")
    shot(page, "4-assess")
    page.click("button:has-text('Record')")
    page.wait_for_selector("text=Recorded: TLED-2017-01 is “In progress”.")

    # Publish, then read it as the public does.
    page.click("button:has-text('Publish')")
    page.wait_for_selector("text=TLED-2017-01 is published.")
    shot(page, "5-published")
    page.goto(f"{live_server.url}/commitments/TLED-2017-01/")
    body = page.inner_text("body")
    shot(page, "6-public")
    assert "counter-narcotics" in body.lower()
    assert "In progress" in body
    assert "The working group has met and the first transfers were made." in body
    # The draft accepted alongside it stays invisible to readers.
    response = page.goto(f"{live_server.url}/commitments/TLED-2017-02/")
    assert response.status == 404
