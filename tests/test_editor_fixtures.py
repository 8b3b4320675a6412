"""Rows the editor tests share: an analysed statement with its candidates, a news article with an
evidence suggestion, a published and a draft commitment, a feed, a failed import.

A plain module imported by the editor test files (they may not add to conftest.py), with one test
of its own so that what it builds stays what the other files expect.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from tracker.commitments import actions
from tracker.commitments.models import Commitment, Topic
from tracker.commitments.status import Status
from tracker.ingest.models import Article, Candidate, DocumentKind, Feed, Suggestion

STATEMENT = (
    "Joint statement of the second round.\n\n"
    "The two sides reviewed the cooperation of the past year.\n\n"
    "The two sides agreed to set up a joint working group on counter-narcotics by the end of June 2018.\n\n"
    "China pledged to share information on cybercrime cases through the hotline.\n\n"
    "In 2017 the two sides repatriated three fugitives."
)
NEWS = (
    "Officials said on Monday that the United States handed over two criminal suspects to China. "
    "The transfer followed months of identity checks."
)


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def make_candidate(article, sentence, *, parties, topics, **fields) -> Candidate:
    start, end = span(article.text, sentence)
    fields.setdefault("strength", Commitment.Strength.FIRM)
    fields.setdefault("confidence", 0.9)
    candidate = Candidate.objects.create(
        article=article,
        quote=sentence,
        start=start,
        end=end,
        sentence_start=start,
        sentence_end=end,
        **fields,
    )
    candidate.parties.set(parties)
    candidate.topics.set(topics)
    return candidate


@pytest.fixture
def world(db, erin, meeting, china, united_states, topic, make_commitment):
    """One of everything the workspace shows, as the pipeline and earlier editors left it."""
    narcotics = Topic.objects.get(key="counter-narcotics")
    cyber = Topic.objects.get(key="cybersecurity")
    commitment = make_commitment(
        quote="The two sides will repatriate fugitives within 30 days of verification.",
        title="Repatriate fugitives within 30 days",
    )
    draft = make_commitment(quote="China will open a liaison office.", parties=[china], publish=False)
    assessment = actions.record_assessment(
        commitment=commitment,
        status=Status.NOT_STARTED,
        as_of=datetime.date(2017, 12, 1),
        rationale="No handovers reported yet.",
        author=erin,
    )
    commitment.refresh_from_db()
    statement = Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        kind=DocumentKind.JOINT_STATEMENT,
        title="Joint statement of the second round",
        text=STATEMENT,
        meeting=meeting,
        published_on=datetime.date(2017, 10, 4),
        raw=STATEMENT.encode(),
    )
    working_group = make_candidate(
        statement,
        "The two sides agreed to set up a joint working group on counter-narcotics by the end of June 2018.",
        parties=[china, united_states],
        topics=[narcotics],
        deadline=datetime.date(2018, 6, 30),
        deadline_text="by the end of June 2018",
        deadline_granularity=Commitment.Granularity.MONTH,
    )
    hotline = make_candidate(
        statement,
        "China pledged to share information on cybercrime cases through the hotline.",
        parties=[china],
        topics=[cyber],
        confidence=0.6,
        duplicate_of=commitment,
    )
    news = Article.objects.create(
        origin=Article.Origin.URL,
        url="https://news.example.org/handover",
        canonical_url="https://news.example.org/handover",
        state=Article.State.ANALYSED,
        kind=DocumentKind.NEWS,
        title="U.S. hands over two suspects",
        site="news.example.org",
        text=NEWS,
        published_on=datetime.date(2018, 3, 5),
    )
    start, end = span(NEWS, NEWS.split(". ")[0] + ".")
    suggestion = Suggestion.objects.create(
        article=news,
        commitment=commitment,
        party=united_states,
        passage=NEWS[start:end],
        start=start,
        end=end,
        score=0.8,
        proposed_status=Status.IN_PROGRESS,
    )
    failed = Article.objects.create(
        origin=Article.Origin.URL,
        url="https://gone.example.org/statement",
        canonical_url="https://gone.example.org/statement",
        state=Article.State.FAILED,
        error="The server answered 503 Service Unavailable.",
        attempts=3,
    )
    feed = Feed.objects.create(url="https://news.example.org/feed.xml", title="Example news")
    return SimpleNamespace(
        commitment=commitment,
        draft=draft,
        assessment=assessment,
        statement=statement,
        working_group=working_group,
        hotline=hotline,
        news=news,
        suggestion=suggestion,
        failed=failed,
        feed=feed,
        meeting=meeting,
        dialogue=meeting.dialogue,
        narcotics=narcotics,
        cyber=cyber,
        china=china,
        united_states=united_states,
        topic=topic,
    )


def test_the_world_is_what_the_editor_tests_expect(world):
    assert Candidate.objects.pending().count() == 2
    assert Suggestion.objects.pending().count() == 1
    assert world.statement.text[world.hotline.start : world.hotline.end] == world.hotline.quote
    assert world.commitment.current_status == Status.NOT_STARTED
    assert not world.draft.is_published


def make_proposals(w, *, erin, other_editor) -> None:
    """Two proposals waiting for a second opinion on a commitment of a dialogue that requires two
    editors: erin's own (`w.mine`, to revise or withdraw) and another editor's (`w.theirs`, for
    erin to agree or disagree with)."""
    from tracker.commitments import second_opinion
    from tracker.commitments.models import Dialogue, Meeting

    dialogue = Dialogue.objects.create(
        name="Two-editor dialogue", slug="two-editor", reference_prefix="TWO", requires_second_opinion=True
    )
    meeting = Meeting.objects.create(dialogue=dialogue, title="Round", slug="two-2017", date=datetime.date(2017, 10, 4))
    commitment = actions.create_commitment(
        quote="Both sides will exchange lists.",
        parties=[w.china, w.united_states],
        topics=[w.narcotics],
        meeting=meeting,
        publish=True,
    )
    day = datetime.date(2018, 3, 1)
    w.mine = second_opinion.propose_assessment(
        commitment=commitment, status=Status.IN_PROGRESS, as_of=day, rationale="Lists exchanged.", author=erin
    )
    w.theirs = second_opinion.propose_assessment(
        commitment=commitment,
        party=w.china,
        status=Status.IN_PROGRESS,
        as_of=day,
        rationale="China sent its list.",
        author=other_editor,
    )
