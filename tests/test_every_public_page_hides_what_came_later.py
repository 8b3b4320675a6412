"""Time travel: with `?as_of=DATE`, everything on a public page is as of that date — statuses,
counts, scorecards, dialogue state, "last met", meetings, related commitments, sources, feeds,
exports and the API. This walks EVERY public URL pattern (enumerated from tracker/public/urls.py,
the read API's router included, so a new pattern is not forgotten) before and after a later event.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qsl, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.archive_helpers import stored_copy
from tracker.commitments import actions
from tracker.commitments.models import Dialogue, Evidence, Meeting
from tracker.commitments.status import Status
from tracker.follow import tokens
from tracker.follow.models import Subscription
from tracker.ingest.models import Article

D = datetime.date
LATER = D(2018, 11, 12)
BEFORE, AFTER = "2018-01-01", "2019-01-01"
MARK = "Zebrafinch"  # every text of the later event carries it
LATER_DATES = re.compile(r"12 Nov(ember)? 2018|2018-11-12|Nov 2018|November 2018")
# The dialogue's state, declared after the date viewed (the schema's list of states is not data).
STATE = re.compile(r'state-suspended|"state": ?"suspended"')

pytestmark = pytest.mark.django_db


def public_patterns() -> list[tuple[str, list[str]]]:
    """(name, parameter names) of every named pattern under the public namespace."""
    found = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern) and p.name:
                found.append((prefix + p.name, list(p.pattern.regex.groupindex)))

    root = next(p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and p.namespace == "public")
    walk(root.url_patterns, "public:")
    return sorted(set((name, tuple(params)) for name, params in found))


@pytest.fixture
def later_event(make_commitment, dialogue, meeting, erin, china, united_states):
    early = make_commitment(quote="The two sides will exchange lists of fugitives.", title="Exchange lists")
    actions.record_assessment(
        commitment=early,
        status=Status.NOT_STARTED,
        as_of=D(2017, 12, 1),
        rationale="No list exchanged yet.",
        author=erin,
    )
    # The later event: a second round, its commitment, a new assessment with evidence, the other
    # side's readout as a source, and the mechanism declared suspended.
    second = Meeting.objects.create(
        dialogue=dialogue, title=f"{MARK} round", slug="test-led-2018", date=LATER, place=f"{MARK} city"
    )
    second.parties.set([china, united_states])
    make_commitment(quote=f"The two sides will hold {MARK} talks.", title=f"{MARK} talks", meeting=second)
    evidence = Evidence.objects.create(url="https://news.example.org/later", title=f"{MARK} report")
    actions.record_assessment(
        commitment=early,
        status=Status.IN_PROGRESS,
        as_of=LATER,
        rationale=f"{MARK}: lists exchanged.",
        author=erin,
        evidence=[evidence],
    )
    article = Article.objects.create(
        url="https://www.example.cn/later-readout",
        title=f"{MARK} readout",
        published_on=LATER,
        text="Later.",
        origin="url",
    )
    actions.add_source(commitment=early, article=article, issuing_party=china)
    # The later evidence's archived copy, captured that day, and the live page changed since.
    noon = datetime.datetime(2018, 11, 12, 12, tzinfo=datetime.UTC)
    capture = stored_copy(
        evidence.url,
        f"<html><body><p>{MARK} report.</p></body></html>".encode(),
        captured_at=noon,
        live_state="changed",
        live_since=noon + datetime.timedelta(days=1),
    )
    Dialogue.objects.filter(pk=dialogue.pk).update(
        state=Dialogue.State.SUSPENDED, state_note=f"{MARK}: no round since."
    )
    return {
        "reference": early.reference,
        "slug": dialogue.slug,
        "code": "us",
        "format": "json",
        "fmt": "json",
        "meeting": meeting,
        "capture": capture.pk,
        # Follow by e-mail: links naming no subscription (the pages say so; nothing dated on them).
        "token": tokens.confirm_token(Subscription(pk=0, key="none")),
        "key": tokens.unsubscribe_token(Subscription(pk=0, key="none")),
    }


def urls_of(values) -> list[str]:
    urls = []
    for name, params in public_patterns():
        kwargs = {}
        for param in params:
            if param == "slug" and "meeting" in name:
                kwargs[param] = values["meeting"].slug
            elif param == "pk":
                kwargs[param] = values["meeting"].commitments.get().assessments.order_by("as_of").first().pk
            else:
                kwargs[param] = values[param]  # a new parameter: say here which value it takes
        url = reverse(name, kwargs=kwargs)
        if name == "public:oembed":  # the page it describes is in its query
            page = reverse("public:commitment_detail", args=[values["reference"]])
            url += "?" + urlencode({"url": f"http://testserver{page}"})
        urls.append(url)
    return urls


def body(client, url, day) -> tuple[int, str]:
    path, _, query = url.partition("?")
    params = {**dict(parse_qsl(query)), "as_of": day}
    response = client.get(path, params, HTTP_ACCEPT="application/json")
    if response.status_code == 406:  # the API's HTML documentation pages
        response = client.get(path, params, HTTP_ACCEPT="text/html")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, content.decode("utf-8", "replace")


def test_the_walk_covers_every_public_pattern():
    names = {name for name, _ in public_patterns()}
    assert {"public:dashboard", "public:dialogue_detail", "public:feed_party", "public:export_dump"} <= names
    assert {"public:api:commitment-list", "public:api:meeting-detail", "public:api:assessment-list"} <= names


def test_nothing_later_shows_on_any_public_page_viewed_before_it(rob_client, later_event):
    leaks = {}
    for url in urls_of(later_event):
        status, text = body(rob_client, url, BEFORE)
        assert status in (200, 404), (url, status)
        found = [m.group(0) for pattern in (re.compile(MARK), LATER_DATES, STATE) for m in pattern.finditer(text)]
        if found:
            leaks[url] = found
    assert leaks == {}, "\n".join(f"{u}: {f}" for u, f in leaks.items())


def test_the_later_event_shows_when_viewed_after_it(rob_client, later_event):
    shown = {url for url in urls_of(later_event) if MARK in body(rob_client, url, AFTER)[1]}
    reference = later_event["reference"]
    assert {
        reverse("public:commitment_detail", args=[reference]),
        reverse("public:dialogue_detail", args=[later_event["slug"]]),
        reverse("public:feed_commitment", args=[reference]),
        reverse("public:api:commitment-detail", args=[reference]),
        reverse("public:archived_copy", args=[later_event["capture"]]),
    } <= shown


def test_the_changes_between_two_dates_hide_what_came_after_the_date_viewed(rob_client, later_event):
    # The walk above asks for the default window (30 days up to as_of); this one spans the event.
    window = {"from": "2017-01-01", "to": "2019-01-01"}
    for name in ("public:changes", "public:changes_csv", "public:changes_feed"):
        before = rob_client.get(reverse(name), {**window, "as_of": BEFORE})
        after = rob_client.get(reverse(name), {**window, "as_of": AFTER})
        text = (b"".join(before.streaming_content) if before.streaming else before.content).decode()
        assert before.status_code == 200 and not LATER_DATES.search(text), name
        later = (b"".join(after.streaming_content) if after.streaming else after.content).decode()
        assert LATER_DATES.search(later), name
