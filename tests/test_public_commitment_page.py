"""The commitment page shows the quote with its source and meeting, the parties, topics,
strength and deadline, the status overall and per party, the whole history with evidence and
corrections, demonstration entries labelled, related commitments and the other sources."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import test_public_fixtures as fx
from tracker.commitments import actions
from tracker.commitments.status import Status

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


def get(client, commitment, **params):
    return client.get(reverse("public:commitment_detail", args=[commitment.reference]), params)


def test_it_shows_the_quote_linked_to_its_source_and_the_meeting(rob_client, story, meeting):
    html = get(rob_client, story.commitment).content.decode()
    assert "“The two sides will repatriate fugitives within 30 days of verification.”" in html
    assert '<blockquote cite="https://www.example.gov/readout-2017">' in html
    assert 'href="https://www.example.gov/readout-2017"' in html
    assert f'href="{meeting.get_absolute_url()}"' in html
    assert "First round</a>, 4 October 2017, Washington" in html


def test_it_lists_parties_topics_strength_and_deadline(rob_client, story, china, united_states, topic):
    html = get(rob_client, story.commitment).content.decode()
    assert f'<a href="/parties/{china.code}/">China</a>' in html
    assert f'<a href="/parties/{united_states.code}/">United States</a>' in html
    assert f"?topic={topic.slug}" in html and topic.name in html
    assert "Firm" in html
    assert "31 January 2019" in html and "As written: “within three months”" in html


@pytest.mark.parametrize(
    ("deadline_offset", "status", "phrase"),
    [
        (10, None, "due in 10 days"),
        (-4, None, "overdue by 4 days"),
        (-30, Status.FULFILLED, "met late, 20 days after the deadline"),
    ],
)
def test_the_deadline_says_due_overdue_or_met_late(rob_client, make_commitment, erin, deadline_offset, status, phrase):
    today = timezone.localdate()
    commitment = make_commitment(deadline=today + datetime.timedelta(days=deadline_offset))
    if status:
        actions.record_assessment(
            commitment=commitment,
            status=status,
            as_of=today - datetime.timedelta(days=10),
            rationale="Done.",
            author=erin,
        )
    assert phrase in get(rob_client, commitment).content.decode()


def test_the_status_is_shown_overall_and_for_each_party(rob_client, story, china, united_states):
    response = get(rob_client, story.commitment)
    lanes = {lane.name: lane.current for lane in response.context["timeline"].lanes}
    assert lanes["Overall"].status == "partial"
    assert lanes[china.name].status == "stalled" and not lanes[china.name].inherited
    assert lanes[united_states.name].status == "partial" and lanes[united_states.name].inherited
    assert f"{united_states.name} has not been assessed on its own" in response.content.decode()


def test_the_history_shows_every_entry_with_rationale_evidence_and_the_correction(rob_client, story):
    html = get(rob_client, story.commitment).content.decode()
    for entry in (story.started, story.china_stalled, story.fulfilled, story.correction):
        assert f'id="assessment-{entry.pk}"' in html
    assert "Two suspects were handed over." in html
    assert '<a href="https://news.example.org/handover" rel="noopener noreferrer">Two suspects handed over</a>' in html
    assert "“The U.S. handed over two criminal suspects.”" in html
    # The corrected entry is struck through and says when and why it was corrected
    assert "<del>All suspects were handed over.</del>" in html
    assert "Corrected on 1 June 2019</strong> because: The May report counted three suspects twice." in html
    # The correction says what it corrects
    assert f'Corrects <a href="#assessment-{story.fulfilled.pk}">an earlier entry</a>' in html


def test_editor_names_are_not_shown_only_the_editors(rob_client, story, erin):
    html = get(rob_client, story.commitment).content.decode()
    assert "by the editors" in html
    assert "erin" not in html.lower()


def test_demonstration_assessments_are_labelled_as_such(rob_client, commitment, erin):
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=D(2018, 1, 1),
        rationale="Invented for the demo.",
        author=erin,
        is_demonstration=True,
    )
    assert "Demonstration assessment, not real" in get(rob_client, commitment).content.decode()


def test_related_commitments_are_linked_but_only_when_published(rob_client, make_commitment):
    parent = make_commitment(quote="The two sides will cooperate on repatriation.")
    child = make_commitment(quote="The two sides will verify identities.", parent=parent)
    draft_child = make_commitment(quote="The two sides will exchange lists.", parent=parent, publish=False)
    successor = make_commitment(quote="The two sides will again cooperate on repatriation.", predecessor=parent)
    draft_parent = make_commitment(quote="A draft pledge.", publish=False)
    orphan = make_commitment(quote="The two sides will meet again.", parent=draft_parent)

    html = get(rob_client, parent).content.decode()
    assert f'href="{child.get_absolute_url()}"' in html
    assert f'href="{successor.get_absolute_url()}"' in html
    assert draft_child.reference not in html
    child_html = get(rob_client, child).content.decode()
    assert "Part of" in child_html and f'href="{parent.get_absolute_url()}"' in child_html
    assert "Predecessor" in get(rob_client, successor).content.decode()
    assert draft_parent.reference not in get(rob_client, orphan).content.decode()


def test_other_sources_such_as_the_other_sides_readout_are_listed(rob_client, commitment, china):
    actions.add_source(
        commitment=commitment,
        url="https://www.mps.example.cn/readout",
        quote="中美双方同意遣返逃犯。",
        issuing_party=china,
    )
    html = get(rob_client, commitment).content.decode()
    assert 'href="https://www.mps.example.cn/readout"' in html
    assert "issued by China" in html
    assert "中美双方同意遣返逃犯。" in html


def test_an_unpublished_or_unknown_commitment_is_not_found(rob_client, make_commitment):
    draft = make_commitment(publish=False)
    assert get(rob_client, draft).status_code == 404
    assert rob_client.get("/commitments/NOPE-1/").status_code == 404


def test_a_commitment_never_assessed_says_so_without_looking_like_no_progress(rob_client, commitment):
    html = get(rob_client, commitment).content.decode()
    assert "Not yet assessed" in html
    assert "This is not the same as no progress." in html


def test_a_standalone_joint_statement_without_a_dialogue_is_shown_too(rob_client, make_commitment, china):
    from tracker.commitments.models import Meeting

    statement = Meeting.objects.create(
        title="Joint statement on fentanyl", slug="fentanyl-2024", kind="joint_statement", date=D(2024, 2, 8)
    )
    commitment = make_commitment(quote="The sides will share data on precursors.", meeting=statement)
    html = get(rob_client, commitment).content.decode()
    assert f'href="/commitments/?meeting={statement.slug}"' in html
    listing = rob_client.get(reverse("public:commitment_list"), {"meeting": statement.slug})
    assert [c.pk for c in listing.context["page"].rows] == [commitment.pk]
