"""Keyboard only: Tab walks a commitment page and the review inbox in reading order, every stop shows
a focus ring of at least 3:1 against what surrounds it (WCAG 2.4.7, 1.4.11), and the inbox's
single-key shortcuts can be switched off, do nothing while a field has the focus, and never accept
without a second key (WCAG 2.1.4)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tests import test_public_fixtures as public_fixtures
from tracker.ingest.models import Candidate, Review

world = fixtures.world
story = public_fixtures.story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The focused element, where it stands in the document, and its ring against the colour behind it
# (the nearest ancestor with a background; the ring is drawn outside the element).
FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let behind = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !bg.endsWith(', 0)')) { behind = bg; break; }
  }
  return {
    position: [...document.querySelectorAll('*')].indexOf(el),
    name: (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText)
           || el.innerText || el.value || el.tagName).trim().replace(/\\s+/g, ' ').slice(0, 200),
    tag: el.tagName.toLowerCase(),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    behind,
  };
}"""


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"[\d.]+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def tab_through(page, stops: int) -> list[dict]:
    """Press Tab `stops` times from the top of the page; each stop as FOCUS describes it."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        here = page.evaluate(FOCUS)
        if seen and here["position"] == seen[-1]["position"]:
            continue  # inside one control (a date field's day, month and year)
        if seen and here["position"] < seen[-1]["position"]:
            break  # back at the top: the whole page was walked
        seen.append(here)
    return seen


def assert_visible_and_in_order(stops: list[dict]) -> None:
    positions = [s["position"] for s in stops]
    assert positions == sorted(positions), "the focus order is not the reading order"
    for stop in stops:
        assert stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 2, f"no focus ring on {stop}"
        ratio = contrast(stop["outlineColor"], stop["behind"])
        assert ratio >= 3, f"focus ring {stop['outlineColor']} on {stop['behind']}: {ratio:.2f}:1 at {stop['name']}"


def test_tab_walks_a_commitment_page_in_reading_order_with_a_visible_ring(page, live_server, story):
    page.goto(live_server.url + story.commitment.get_absolute_url())
    stops = tab_through(page, 80)
    names = [s["name"] for s in stops]
    assert names[0] == "Skip to content"
    assert_visible_and_in_order(stops)
    # The header, then the page's own controls (the chart's scrolling region, the date form, the
    # text timeline's region), then the footer.
    assert names.index("Commitments") < names.index("Show") < names.index("Methodology", names.index("Show"))
    assert any(name.startswith("Timeline of") for name in names)
    assert any(name.startswith("The timeline as text") for name in names)
    # At a phone's width too.
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    assert_visible_and_in_order(tab_through(page, 80))


def log_in(page, live_server):
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button:has-text('Log in')")
    page.wait_for_url(live_server.url + reverse("editor:home"))


def test_tab_walks_the_review_inbox_and_each_control_names_its_proposal(page, live_server, world):
    log_in(page, live_server)
    page.goto(live_server.url + reverse("editor:inbox"))
    stops = tab_through(page, 120)
    assert_visible_and_in_order(stops)
    names = [s["name"] for s in stops]
    assert names[0] == "Skip to content"
    proposal = "“The two sides agreed to set up a joint working group on …”"  # its first 12 words
    # One proposal's controls in order: tick, accept, edit, merge, reason, reject — each naming it.
    tick = names.index(f"Tick for a bulk decision: {proposal}")
    accept = page.get_by_role("button", name=f"Accept {proposal}")
    assert accept.count() == 1
    for control in ("Edit, then accept", "Merge"):
        assert page.get_by_role("link", name=f"{control} {proposal}").count() == 1
    assert page.get_by_role("combobox", name=f"Reason for rejecting {proposal}").count() == 1
    assert page.get_by_role("button", name=f"Reject {proposal}").count() == 1
    assert page.get_by_role("checkbox", name=re.compile("^Tick$")).count() == 0
    # The switch for the shortcuts comes before the proposals.
    assert names.index("Single-key shortcuts on") < tick < names.index(f"Reason for rejecting {proposal}")


def test_the_inbox_shortcuts_ask_before_accepting_stay_out_of_fields_and_switch_off(page, live_server, world):
    log_in(page, live_server)
    page.goto(live_server.url + reverse("editor:inbox"))
    first = page.locator("[data-candidate]").first

    # j selects; a only moves to the Accept button: nothing is decided yet.
    page.keyboard.press("j")
    assert "is-current" in first.get_attribute("class")
    page.keyboard.press("a")
    assert page.evaluate("document.activeElement.dataset.action") == "accept"
    assert "Press Enter to accept" in page.locator("[data-shortcut-status]").inner_text()
    assert Candidate.objects.filter(state=Review.PENDING).count() == 2
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.hasAttribute('data-candidate')")

    # In a field the letters are text.
    reason = first.locator("[data-reason]")
    reason.focus()
    page.keyboard.type("jar")
    assert reason.input_value() == "jar"
    assert page.evaluate("document.activeElement.hasAttribute('data-reason')")
    page.keyboard.press("Escape")

    # Switched off, the letters do nothing, and stay off on the next visit.
    page.get_by_label("Single-key shortcuts on").uncheck()
    page.reload()
    assert not page.get_by_label("Single-key shortcuts on").is_checked()
    page.keyboard.press("j")
    page.keyboard.press("a")
    assert page.locator("[data-candidate].is-current").count() == 0
    assert page.evaluate("document.activeElement.dataset.action") is None
    assert Candidate.objects.filter(state=Review.PENDING).count() == 2
