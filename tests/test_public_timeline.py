"""The timeline chart: server-rendered SVG with one lane for the whole and one per party,
coloured and patterned by status, dated ticks, and a text equivalent with the same periods."""

import datetime
import re

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx
from tracker.public import timeline

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


def lanes(story, day, china, united_states):
    history = list(story.commitment.assessments.all())
    return timeline.lanes_on(story.commitment, [china, united_states], history, day)


def periods(lane):
    return [(s.status, s.start, s.end, s.inherited) for s in lane.segments]


def test_the_overall_lane_changes_on_each_effective_assessment(story, china, united_states):
    overall = lanes(story, D(2020, 1, 1), china, united_states)[0]
    assert periods(overall) == [
        ("not_assessed", D(2017, 10, 4), D(2018, 2, 28), False),
        ("in_progress", D(2018, 3, 1), D(2019, 4, 30), False),
        ("partial", D(2019, 5, 1), D(2020, 1, 1), False),  # the correction, not the fulfilled entry
    ]


def test_a_party_lane_follows_the_whole_until_assessed_on_its_own(story, china, united_states):
    _, china_lane, us_lane = lanes(story, D(2020, 1, 1), china, united_states)
    assert periods(china_lane) == [
        ("not_assessed", D(2017, 10, 4), D(2018, 2, 28), True),
        ("in_progress", D(2018, 3, 1), D(2018, 8, 31), True),
        ("stalled", D(2018, 9, 1), D(2020, 1, 1), False),
    ]
    assert all(inherited for *_, inherited in periods(us_lane))


def test_the_chart_stops_at_the_date_of_a_historical_view(story, china, united_states):
    overall = lanes(story, D(2018, 6, 1), china, united_states)[0]
    assert overall.segments[-1].end == D(2018, 6, 1)
    assert overall.current.status == "in_progress"


def test_the_svg_has_a_lane_per_party_ticks_and_a_text_equivalent(rob_client, story, china):
    html = rob_client.get(reverse("public:commitment_detail", args=[story.commitment.reference])).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    for name in ("Overall", china.name):
        assert f'class="lane-label">{name}</text>' in svg
    assert len(re.findall(r'class="seg st-', svg)) == 3 + 3 + 3
    assert 'class="seg st-partial"' in svg and 'fill="url(#pat-partial)"' in svg
    assert 'class="seg st-stalled"' in svg
    assert ">2018</text>" in svg or ">Jan 2018</text>" in svg
    assert 'class="deadline-line"' in svg
    table = html[html.index('<table class="timeline-text">') :]
    assert "The timeline as text" in table
    assert "1 Mar 2018</time> –<br><time" in table


def test_ticks_are_dated_and_inside_the_chart():
    class C:
        made_on = D(2017, 10, 4)
        deadline = D(2021, 6, 30)  # data up to 2021: the axis runs to the page's date

    chart = timeline.build(C(), [], [], D(2021, 10, 4))
    assert [t.label for t in chart.ticks] == ["2018", "2019", "2020", "2021"]
    assert all(timeline.CHART_LEFT <= t.x <= timeline.CHART_RIGHT for t in chart.ticks)
    C.deadline = None
    short = timeline.build(C(), [], [], D(2017, 12, 20))
    assert [t.label for t in short.ticks] == ["Nov 2017", "Dec 2017"]
