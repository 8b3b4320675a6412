"""A reader in headless Chromium: opens the dashboard, filters the list, opens a commitment, reads
its timeline, switches to a past date, and finds every page fits a 375-pixel phone screen."""

import re

import pytest

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(story, make_commitment, united_states, live_server):
    make_commitment(quote="The United States will train officers.", parties=[united_states], title="Train officers")
    return live_server.url


def test_a_reader_opens_the_dashboard_and_filters_the_list(page, site, story):
    page.goto(site + "/")
    assert page.locator("h1").inner_text().startswith("What governments committed to")
    assert page.locator(".status-tile.tile-partial .count").inner_text() == "1"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Commitments").click()
    assert page.locator("#results-heading").inner_text() == "2 commitments"
    # With a party chosen, the status is that party's own: China's is stalled (the whole: partial).
    page.locator(".filters").get_by_label("Stalled").check()
    page.locator(".filters select[name=party]").select_option("cn")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"status=stalled"))
    assert "party=cn" in page.url
    assert page.locator("#results-heading").inner_text() == "1 commitment matches"
    assert page.locator(".commitment-row .row-title").inner_text().endswith("Repatriate fugitives within 30 days")


def test_a_reader_opens_a_commitment_reads_its_timeline_and_goes_back_in_time(page, site, story):
    page.goto(site + "/commitments/")
    page.get_by_role("link", name=re.compile("Repatriate fugitives")).click()
    assert page.locator("h1").inner_text() == "Repatriate fugitives within 30 days"
    chart = page.locator("svg.timeline-svg")
    assert chart.is_visible()
    assert chart.locator("text.lane-label").all_text_contents() == ["Overall", "China", "United States"]
    text_rows = page.locator("table.timeline-text tbody tr")
    assert text_rows.count() == 3 + 3 + 3
    assert "Partially fulfilled" in page.locator(".status-line").inner_text()
    # The corrected entry is struck through, with when and why
    assert page.locator(".history-item.is-corrected del").first.is_visible()
    assert "Corrected on 1 June 2019" in page.locator(".history-item.is-corrected").inner_text()

    page.locator("#as-of-input").fill("2018-06-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"as_of=2018-06-01"))
    assert "Historical view: the tracker as it stood on 1 June 2018." in page.locator(".notice-historical").inner_text()
    assert "In progress" in page.locator(".status-line").inner_text()
    assert page.locator(".history-item").count() == 1
    page.locator(".cite summary").click()
    assert "as_of=2018-06-01" in page.locator(".cite .permalink").inner_text()


def test_the_keyboard_reaches_the_skip_link_first(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_every_page_fits_a_phone_screen_without_horizontal_scrolling(page, site, story, dialogue, china):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in [
        "/",
        "/commitments/",
        f"/commitments/{story.commitment.reference}/",
        f"/commitments/{story.commitment.reference}/?as_of=2018-06-01",
        f"/dialogues/{dialogue.slug}/",
        f"/parties/{china.code}/",
        "/methodology/",
        "/exports/",
    ]:
        page.goto(site + path)
        # Wide tables and the chart scroll inside their own box; the page itself must not.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide"
