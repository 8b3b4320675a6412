"""The second opinion in a real browser, with two editors: erin proposes an assessment on a dialogue
that requires two editors, the public page does not show it; ed disagrees, erin revises, ed agrees,
and the public page shows it. Screenshots of each step go to the temporary directory."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest

from tracker.commitments.models import Assessment, ProposedAssessment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = str(Path(tempfile.gettempdir()) / "browser-second-opinion")
FIRST = "Officials reported the handover of two suspects."
REVISED = "Two suspects were handed over on 5 March 2018, as the ministry confirmed."


def shot(page, name):
    page.screenshot(path=f"{SHOTS}-{name}.png", full_page=True)


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/accounts/login/?next=/editor/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{live_server.url}/editor/")


def log_out(page, live_server):
    page.goto(f"{live_server.url}/editor/")
    page.click("button:has-text('Log out')")


def test_an_assessment_is_public_only_after_a_second_editor_agrees(
    page, live_server, erin, editors_group, django_user_model, dialogue, make_commitment
):
    ed = django_user_model.objects.create_user("ed", "ed@example.org", "ed-password-123")
    ed.groups.add(editors_group)
    dialogue.requires_second_opinion = True
    dialogue.save()
    commitment = make_commitment(deadline=datetime.date.today() + datetime.timedelta(days=10))
    public = f"{live_server.url}{commitment.get_absolute_url()}"

    # Erin proposes.
    log_in(page, live_server, "erin", "erin-password-123")
    shot(page, "1-erin-queue")
    page.goto(f"{live_server.url}/editor/commitments/{commitment.reference}/assess/")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_as_of", "2018-03-05")
    page.fill("#id_rationale", FIRST)
    page.click("button:has-text('Propose')")
    page.wait_for_selector("text=waits for a second editor's agreement")
    shot(page, "2-proposed")
    assert ProposedAssessment.objects.get().state == "pending" and not Assessment.objects.exists()
    page.goto(public)
    assert FIRST not in page.content()
    log_out(page, live_server)

    # Ed disagrees.
    log_in(page, live_server, "ed", "ed-password-123")
    assert page.get_by_text("Waiting for your second opinion").is_visible()
    page.goto(f"{live_server.url}/editor/second-opinions/")
    shot(page, "3-ed-second-opinions")
    page.click("a.button:has-text('Disagree')")
    page.fill("#id_reason", "Name the source of the handover.")
    shot(page, "4-ed-disagrees")
    page.click("button:has-text('Disagree')")
    page.wait_for_selector("text=Disagreement noted")
    log_out(page, live_server)

    # Erin revises.
    log_in(page, live_server, "erin", "erin-password-123")
    assert page.get_by_text("Name the source of the handover.").is_visible()
    page.goto(f"{live_server.url}/editor/second-opinions/?state=disagreed")
    shot(page, "5-erin-disagreements")
    page.click("a.button:has-text('Revise')")
    page.fill("#id_rationale", REVISED)
    page.click("button:has-text('Revise')")
    page.wait_for_selector("text=waits for a second opinion again")
    log_out(page, live_server)

    # Ed agrees: now it is public.
    log_in(page, live_server, "ed", "ed-password-123")
    page.goto(f"{live_server.url}/editor/second-opinions/")
    page.click("button:has-text('Agree and publish')")
    page.wait_for_selector("text=Agreed:")
    shot(page, "6-ed-agreed")
    assert Assessment.objects.get().rationale == REVISED
    page.goto(public)
    assert REVISED in page.content()
    shot(page, "7-public")
