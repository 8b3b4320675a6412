"""Erin logs follow-ups: an assessment, overall or for one side, with evidence (an address the
pipeline fetches and archives, or an article already in the system). Assessments are never edited
or deleted: a correction is a new assessment that supersedes the old one, with the reason."""

from __future__ import annotations

import datetime

from django.urls import URLPattern, get_resolver, reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Assessment, Evidence
from tracker.commitments.status import Status
from tracker.ingest.models import Article

world = fixtures.world


def assess_url(w):
    return reverse("editor:assessment_create", args=[w.commitment.reference])


def test_record_an_assessment_with_an_address_as_evidence(erin_client, erin, world, django_capture_on_commit_callbacks):
    url = "https://www.example.org/news/two-suspects-handed-over"
    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        response = erin_client.post(
            assess_url(world),
            {
                "status": Status.IN_PROGRESS,
                "as_of": "2018-03-05",
                "rationale": "Two suspects were handed over.",
                "evidence_url": url,
                "evidence_passage": "handed over two criminal suspects",
            },
        )
    assert response["Location"] == reverse("editor:commitment_detail", args=[world.commitment.reference])
    assessment = Assessment.objects.latest("recorded_at")
    assert (assessment.status, assessment.as_of, assessment.party, assessment.author) == (
        Status.IN_PROGRESS,
        datetime.date(2018, 3, 5),
        None,
        erin,
    )
    evidence = assessment.evidence.get()
    # The address went through the pipeline: an article to fetch and archive, with its content hash.
    article = Article.objects.get(url=url)
    assert evidence.article == article and evidence.url == url
    assert evidence.passage == "handed over two criminal suspects"
    assert article.state == Article.State.QUEUED
    # the fetch, sent on commit (`delay_on_commit`: a partial of the task's `delay`)
    assert any(getattr(callback, "args", None) == (article.pk,) for callback in enqueued)
    assert any("fetch_article" in repr(getattr(callback, "func", callback)) for callback in enqueued)
    world.commitment.refresh_from_db()
    assert world.commitment.current_status == Status.IN_PROGRESS


def test_record_an_assessment_for_one_side_with_an_article_in_the_system(erin_client, world):
    erin_client.post(
        assess_url(world),
        {
            "party": world.united_states.pk,
            "status": Status.IN_PROGRESS,
            "as_of": "2018-03-05",
            "rationale": "The U.S. handed over two suspects.",
            "evidence_article": world.news.pk,
            "evidence_passage": world.suggestion.passage,
        },
    )
    assessment = Assessment.objects.latest("recorded_at")
    assert assessment.party == world.united_states
    evidence = assessment.evidence.get()
    assert evidence.article == world.news and evidence.passage == world.suggestion.passage
    world.commitment.refresh_from_db()
    assert world.commitment.current_status == Status.NOT_STARTED  # the overall lane is unchanged


def test_the_party_must_be_one_of_the_commitments(erin_client, world, reference_data):
    from tracker.commitments.models import Party

    japan = Party.objects.get(code="jp")
    response = erin_client.post(
        assess_url(world), {"party": japan.pk, "status": Status.FULFILLED, "as_of": "2018-01-01", "rationale": "x"}
    )
    assert "Select a valid choice" in response.content.decode()
    assert Assessment.objects.count() == 1


def test_the_record_refuses_a_date_in_the_future(erin_client, world):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = erin_client.post(
        assess_url(world), {"status": Status.FULFILLED, "as_of": tomorrow.isoformat(), "rationale": "Done."}
    )
    assert "the date cannot be in the future" in response.content.decode()
    assert Assessment.objects.count() == 1


def test_evidence_is_an_address_or_an_article_not_both(erin_client, world):
    response = erin_client.post(
        assess_url(world),
        {
            "status": Status.FULFILLED,
            "as_of": "2018-01-01",
            "rationale": "Done.",
            "evidence_url": "https://www.example.org/x",
            "evidence_article": world.news.pk,
        },
    )
    assert "Give an address or an article, not both." in response.content.decode()
    assert not Article.objects.filter(url="https://www.example.org/x").exists()


def test_correct_an_assessment(erin_client, erin, world):
    url = reverse("editor:assessment_correct", args=[world.commitment.reference, world.assessment.pk])
    response = erin_client.post(
        url,
        {
            "status": Status.NO_INFORMATION,
            "as_of": "2017-12-01",
            "rationale": "Nothing public either way.",
            "reason": "Misread a report about another case.",
            "evidence_article": world.news.pk,
        },
    )
    assert response.status_code == 302
    correction = Assessment.objects.get(supersedes=world.assessment)
    assert correction.correction_reason == "Misread a report about another case."
    assert correction.author == erin and correction.evidence.get().article == world.news
    world.assessment.refresh_from_db()
    assert world.assessment.status == Status.NOT_STARTED  # the original is untouched, and stays
    world.commitment.refresh_from_db()
    assert world.commitment.current_status == Status.NO_INFORMATION

    page = erin_client.get(reverse("editor:commitment_detail", args=[world.commitment.reference])).content.decode()
    assert "(corrected)" in page and "Misread a report about another case." in page
    # The corrected one offers no second correction; the correction does.
    assert url not in page
    again = erin_client.post(url, {"status": Status.FULFILLED, "as_of": "2017-12-01", "rationale": "x", "reason": "y"})
    assert "already been corrected" in again.content.decode()
    assert Assessment.objects.count() == 2


def test_a_correction_needs_a_reason(erin_client, world):
    url = reverse("editor:assessment_correct", args=[world.commitment.reference, world.assessment.pk])
    response = erin_client.post(url, {"status": Status.FULFILLED, "as_of": "2017-12-01", "rationale": "x"})
    assert "This field is required." in response.content.decode()
    assert Assessment.objects.count() == 1


def test_an_assessment_is_corrected_only_under_its_own_commitment(erin_client, world):
    url = reverse("editor:assessment_correct", args=[world.draft.reference, world.assessment.pk])
    assert erin_client.get(url).status_code == 404


def test_there_is_no_view_that_edits_or_deletes_an_assessment(erin_client, world):
    editor = next(r for r in get_resolver().url_patterns if getattr(r, "app_name", None) == "editor")
    routes = [str(p.pattern) for p in editor.url_patterns if isinstance(p, URLPattern)]
    assessment_routes = [r for r in routes if "assess" in r]
    assert assessment_routes == [
        "commitments/<str:reference>/assess/",
        "commitments/<str:reference>/assessments/<int:pk>/correct/",
    ]
    base = f"/editor/commitments/{world.commitment.reference}/assessments/{world.assessment.pk}/"
    for path in (base, base + "edit/", base + "delete/", base + "update/"):
        assert erin_client.get(path).status_code == 404
        assert erin_client.post(path, {"status": Status.FULFILLED}).status_code == 404
    # The correction page edits nothing: PUT and DELETE are not among its methods.
    correct = reverse("editor:assessment_correct", args=[world.commitment.reference, world.assessment.pk])
    assert erin_client.delete(correct).status_code == 405
    assert erin_client.put(correct).status_code == 405
    world.assessment.refresh_from_db()
    assert world.assessment.status == Status.NOT_STARTED and Assessment.objects.count() == 1
    assert not Evidence.objects.exists()
