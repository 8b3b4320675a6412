"""The timeline's axis is fitted to the data — a 2017–2019 history fills the chart instead of a
sliver beside years of unchanged status — with today (or the page's date) marked when it is on
the axis; on a phone the chart scrolls in a focusable, labelled region that says it scrolls."""

from __future__ import annotations

import datetime

import pytest

from tests import test_public_fixtures as fx
from tracker.public import timeline

story = fx.story
D = datetime.date


class Made:
    made_on = D(2017, 10, 4)
    deadline = None


class Entry:
    def __init__(self, day, pk, status="in_progress"):
        self.as_of, self.recorded_at, self.pk = day, datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC), pk
        self.party_id, self.supersedes_id, self.status, self.is_demonstration = None, None, status, False


def test_a_short_history_fills_the_chart_long_after_it_ended():
    history = [Entry(D(2017, 12, 1), 1), Entry(D(2019, 6, 1), 2, "fulfilled")]
    chart = timeline.build(Made(), [], history, D(2026, 12, 3))
    assert chart.end < D(2020, 12, 31)  # not run on to 2026
    assert chart.ticks[-1].label in {"2019", "Jul 2019", "Jan 2020", "Jul 2020", "2020"}
    # the stretch 2017-12 .. 2019-06 takes most of the drawing width
    chart_width = timeline.CHART_RIGHT - timeline.CHART_LEFT
    x_first, x_last = chart.lanes[0].segments[1].x, chart.lanes[0].segments[-1].x
    assert x_first < x_last and (timeline.CHART_RIGHT - x_first) / chart_width > 0.7
    assert chart.day_x is None and chart.ends_before_day  # today is not on this axis


def test_today_is_marked_when_it_is_on_the_axis():
    class Due(Made):
        deadline = D(2027, 6, 30)  # still to come: the axis runs past today to it

    chart = timeline.build(Due(), [], [Entry(D(2018, 1, 1), 1)], D(2026, 12, 3))
    assert chart.end > D(2027, 6, 30) and chart.deadline_x is not None
    assert chart.day_x is not None and timeline.CHART_LEFT < chart.day_x < chart.deadline_x


@pytest.mark.django_db
def test_the_page_says_where_the_axis_ends_and_labels_its_scroll_region(rob_client, story):
    html = rob_client.get(story.commitment.get_absolute_url()).content.decode()
    assert 'class="scroll-hint"' in html and "Scroll sideways" in html
    assert 'class="timeline-scroll" tabindex="0" role="region" aria-label="Timeline of' in html
    assert "nothing changed after that up to today" in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_hint_shows_and_the_region_scrolls(page, live_server, story):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + story.commitment.get_absolute_url())
    assert page.is_visible(".scroll-hint")
    region = page.locator(".timeline-scroll")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.is_visible(".scroll-hint")  # wide screens show the whole chart, no hint
