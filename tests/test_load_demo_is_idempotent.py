"""`load_demo` creates the demonstration dialogue, its commitments and clearly marked
demonstration assessments; running it twice changes nothing."""

import pytest

from tests.texts import DIALOGUE_REPORT
from tracker.commitments.models import Assessment, Commitment, Dialogue, Evidence, Meeting
from tracker.demo import dialogue as demo
from tracker.ingest.models import Article, Candidate

pytestmark = pytest.mark.django_db


def counts():
    return (
        Dialogue.objects.count(),
        Meeting.objects.count(),
        Commitment.objects.count(),
        Assessment.objects.count(),
        Evidence.objects.count(),
        Article.objects.count(),
        Candidate.objects.count(),
    )


def test_without_the_seed_article_the_commitments_are_entered_by_hand_once(reference_data):
    demo.load(use_shared=False, log=lambda *a: None)
    first = counts()
    demo.load(use_shared=False, log=lambda *a: None)
    assert counts() == first
    meeting = Meeting.objects.get(slug="lecd-2017-washington")
    assert meeting.commitments.count() == len(demo.COMMITMENTS)
    assert {c.reference for c in meeting.commitments.all()} == {f"LECD-2017-{n:02d}" for n in range(1, 9)}
    assert all(c.is_published for c in meeting.commitments.all())
    assert Assessment.objects.exists()
    assert not Assessment.objects.filter(is_demonstration=False).exists()
    assert Assessment.objects.exclude(supersedes=None).count() == 1  # the demonstration correction


def test_with_a_seed_file_the_demo_goes_through_the_pipeline_once(reference_data, tmp_path, run):
    seed = tmp_path / "seed.txt"
    seed.write_text(DIALOGUE_REPORT, encoding="utf-8")
    run(demo.load, seed=str(seed), log=lambda *a: None)
    first = counts()
    article = Article.objects.get()
    assert article.state == Article.State.ANALYSED
    assert article.candidates.count() == Commitment.objects.count() > 0
    assert not article.candidates.filter(state="pending").exists()  # all accepted by the demo editor
    assert Commitment.objects.filter(source_article=article).count() == Commitment.objects.count()
    run(demo.load, seed=str(seed), log=lambda *a: None)
    assert counts() == first


def test_the_load_demo_command_runs(reference_data):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    # The command looks for the seed beside the checkout; tests must not depend on it, so give a
    # path that does not exist: the demo is entered by hand.
    call_command("load_demo", "--seed", "/nonexistent/seed.txt", stdout=out)
    assert "8 commitments" in out.getvalue()
