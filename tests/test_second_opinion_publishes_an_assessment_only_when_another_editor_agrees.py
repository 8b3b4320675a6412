"""On a dialogue that requires two editors, erin's assessment waits for a second, different
editor (ed) before it is public: it is in no public page, status, projection or feed until ed
agrees, and then it is recorded by `record_assessment` with both editors named. Erin cannot agree
with herself, a replayed agreement writes nothing, a disagreement is listed with its reason for
erin to revise or withdraw. A dialogue that does not require it records at once, as before."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments import second_opinion
from tracker.commitments.models import Assessment, PartyStatus, ProposedAssessment, StatusStep
from tracker.commitments.status import Status

pytestmark = pytest.mark.django_db
world = fixtures.world
RATIONALE = "Two suspects were handed over in March."


@pytest.fixture
def two_editors(dialogue):
    dialogue.requires_second_opinion = True
    dialogue.save()
    return dialogue


@pytest.fixture
def ed(django_user_model, editors_group):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "ed-password-123")
    user.groups.add(editors_group)
    return user


@pytest.fixture
def ed_client(ed):
    client = Client()
    client.force_login(ed)
    return client


def assess(client, commitment, **fields):
    data = {"status": Status.IN_PROGRESS, "as_of": "2018-03-05", "rationale": RATIONALE, **fields}
    return client.post(reverse("editor:assessment_create", args=[commitment.reference]), data)


def public_record(commitment) -> tuple:
    commitment.refresh_from_db()
    return (
        commitment.current_status,
        Assessment.objects.count(),
        StatusStep.objects.count(),
        sorted(PartyStatus.objects.values_list("party_id", "status")),
    )


def test_an_assessment_waits_unseen_until_a_second_editor_agrees(
    erin_client, ed_client, rob_client, two_editors, commitment, erin, ed, django_capture_on_commit_callbacks
):
    before = public_record(commitment)

    response = assess(erin_client, commitment)

    assert response.status_code == 302
    proposal = ProposedAssessment.objects.get()
    assert (proposal.state, proposal.proposed_by, proposal.status) == ("pending", erin, Status.IN_PROGRESS)
    assert public_record(commitment) == before
    for url in (
        commitment.get_absolute_url(),
        reverse("public:dialogue_detail", args=[two_editors.slug]),
        reverse("public:feed_changes"),
        reverse("public:feed_commitment", args=[commitment.reference]),
        reverse("public:commitment_list") + "?status=in_progress",
    ):
        page = rob_client.get(url)
        assert page.status_code == 200, url
        assert RATIONALE not in page.text, url
    assert commitment.reference not in rob_client.get(reverse("public:commitment_list") + "?status=in_progress").text

    with django_capture_on_commit_callbacks(execute=True):
        agreed = ed_client.post(reverse("editor:proposal_agree", args=[proposal.pk]))

    assert agreed.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.author, assessment.status, assessment.rationale) == (erin, Status.IN_PROGRESS, RATIONALE)
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by, proposal.assessment) == ("agreed", ed, assessment)
    commitment.refresh_from_db()
    assert commitment.current_status == Status.IN_PROGRESS
    assert RATIONALE in rob_client.get(commitment.get_absolute_url()).text
    assert RATIONALE in rob_client.get(reverse("public:feed_commitment", args=[commitment.reference])).text
    assert commitment.reference in rob_client.get(reverse("public:commitment_list") + "?status=in_progress").text
    log = erin_client.get(reverse("editor:commitment_detail", args=[commitment.reference])).text
    assert "by erin, agreed by ed" in log


def test_an_editor_cannot_agree_with_their_own_proposal(erin_client, two_editors, commitment, erin):
    assess(erin_client, commitment)
    proposal = ProposedAssessment.objects.get()

    response = erin_client.post(reverse("editor:proposal_agree", args=[proposal.pk]), follow=True)

    assert "a second, different editor must agree" in response.text
    assert not Assessment.objects.exists()
    assert ProposedAssessment.objects.get().state == "pending"
    with pytest.raises(ValidationError, match="second, different editor"):
        second_opinion.agree(proposal=proposal, editor=erin)
    with pytest.raises(ValidationError, match="second, different editor"):
        second_opinion.disagree(proposal=proposal, editor=erin, reason="I changed my mind.")
    assert not Assessment.objects.exists() and ProposedAssessment.objects.get().state == "pending"


def test_a_replayed_agreement_says_so_and_writes_nothing(erin_client, ed_client, two_editors, commitment):
    assess(erin_client, commitment)
    proposal = ProposedAssessment.objects.get()
    url = reverse("editor:proposal_agree", args=[proposal.pk])
    ed_client.post(url)

    again = ed_client.post(url, follow=True)

    assert "Nothing was changed: it was already agreed and recorded." in again.text
    assert Assessment.objects.count() == 1
    stale = ed_client.post(reverse("editor:proposal_disagree", args=[proposal.pk]), {"reason": "Too late."})
    assert "it was already agreed and recorded" in stale.text
    assert ProposedAssessment.objects.get().state == "agreed" and Assessment.objects.count() == 1


def test_a_disagreement_is_listed_for_the_proposer_who_revises_it(
    erin_client, ed_client, two_editors, commitment, erin, ed
):
    assess(erin_client, commitment)
    proposal = ProposedAssessment.objects.get()
    disagree = reverse("editor:proposal_disagree", args=[proposal.pk])

    blank = ed_client.post(disagree, {"reason": "  "})
    assert blank.status_code == 200 and ProposedAssessment.objects.get().state == "pending"
    ed_client.post(disagree, {"reason": "The handover was of other suspects."})

    listed = erin_client.get(reverse("editor:second_opinions") + "?state=disagreed").text
    assert "The handover was of other suspects." in listed and commitment.reference in listed
    home = erin_client.get(reverse("editor:home")).text
    assert "Your proposals another editor disagreed with" in home and "The handover was of other suspects." in home
    assert not Assessment.objects.exists()
    # Nobody agrees with a disagreed proposal until it is revised.
    refused = ed_client.post(reverse("editor:proposal_agree", args=[proposal.pk]), follow=True)
    assert "a second editor already disagreed with it" in refused.text and not Assessment.objects.exists()

    revise = reverse("editor:proposal_revise", args=[proposal.pk])
    assert ed_client.post(revise, {"status": Status.NOT_STARTED, "as_of": "2018-03-05", "rationale": "x"}).status_code
    assert ProposedAssessment.objects.get().state == "disagreed"  # only erin may revise
    erin_client.post(revise, {"status": Status.NOT_STARTED, "as_of": "2018-03-05", "rationale": "No handover yet."})

    proposal.refresh_from_db()
    assert (proposal.state, proposal.status, proposal.disagreement) == ("pending", Status.NOT_STARTED, "")
    assert proposal.history.filter(disagreement="The handover was of other suspects.").exists()
    ed_client.post(reverse("editor:proposal_agree", args=[proposal.pk]))
    assert Assessment.objects.get().status == Status.NOT_STARTED


def test_the_proposer_can_withdraw_and_nothing_is_recorded(erin_client, ed_client, two_editors, commitment):
    assess(erin_client, commitment)
    proposal = ProposedAssessment.objects.get()

    refused = ed_client.post(reverse("editor:proposal_withdraw", args=[proposal.pk]), follow=True)
    assert "Only the editor who proposed this assessment can withdraw it" in refused.text
    erin_client.post(reverse("editor:proposal_withdraw", args=[proposal.pk]))

    assert ProposedAssessment.objects.get().state == "withdrawn"
    assert not Assessment.objects.exists()
    assert "Nothing is waiting" in erin_client.get(reverse("editor:second_opinions")).text


def test_a_bad_proposal_is_refused_with_the_usual_sentences_and_writes_nothing(
    erin_client, two_editors, commitment, erin
):
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()

    response = assess(erin_client, commitment, as_of=future)

    assert response.status_code == 200
    assert "the date cannot be in the future" in response.text
    assert not ProposedAssessment.objects.exists()
    assess(erin_client, commitment)
    second = assess(erin_client, commitment)
    assert "already a proposal for this lane" in second.text
    assert ProposedAssessment.objects.count() == 1


def test_a_correction_waits_for_a_second_opinion_too(erin_client, ed_client, dialogue, commitment, erin, ed):
    first = second_opinion.actions.record_assessment(
        commitment=commitment, status=Status.IN_PROGRESS, as_of=datetime.date(2018, 3, 5), rationale="R", author=ed
    )
    dialogue.requires_second_opinion = True
    dialogue.save()
    data = {"status": Status.NOT_STARTED, "as_of": "2018-03-05", "rationale": "Misread.", "reason": "Other suspects."}

    erin_client.post(reverse("editor:assessment_correct", args=[commitment.reference, first.pk]), data)

    assert Assessment.objects.count() == 1
    proposal = ProposedAssessment.objects.get()
    assert proposal.supersedes == first
    ed_client.post(reverse("editor:proposal_agree", args=[proposal.pk]))
    correction = Assessment.objects.get(supersedes=first)
    assert (correction.correction_reason, correction.author) == ("Other suspects.", erin)


def test_a_dialogue_that_does_not_require_it_records_at_once(erin_client, commitment, erin):
    assert not commitment.meeting.dialogue.requires_second_opinion

    assess(erin_client, commitment)

    assert not ProposedAssessment.objects.exists()
    assert Assessment.objects.get().author == erin


def test_the_dialogue_form_sets_the_rule(erin_client, dialogue):
    data = {
        "name": dialogue.name,
        "slug": dialogue.slug,
        "reference_prefix": dialogue.reference_prefix,
        "state": "active",
        "parties": [p.pk for p in dialogue.parties.all()],
        "requires_second_opinion": "on",
    }

    erin_client.post(reverse("editor:dialogue_update", args=[dialogue.pk]), data)

    dialogue.refresh_from_db()
    assert dialogue.requires_second_opinion


def test_a_status_accepted_from_the_evidence_inbox_waits_too(erin_client, ed_client, world, dialogue, ed):
    dialogue.requires_second_opinion = True
    dialogue.save()
    before = Assessment.objects.count()
    prefix = f"s{world.suggestion.pk}"
    data = {
        f"{prefix}-status": Status.IN_PROGRESS,
        f"{prefix}-party": "",
        f"{prefix}-as_of": "2018-03-05",
        f"{prefix}-rationale": RATIONALE,
    }

    erin_client.post(reverse("editor:suggestion_accept", args=[world.suggestion.pk]), data)

    assert Assessment.objects.count() == before
    proposal = ProposedAssessment.objects.get()
    [evidence] = proposal.evidence.all()
    assert evidence.article == world.news
    ed_client.post(reverse("editor:proposal_agree", args=[proposal.pk]))
    assert list(Assessment.objects.get(rationale=RATIONALE).evidence.all()) == [evidence]
