"""An analysis stopped by the soft time limit says it took too long (not "the text could not be
read"), and a document above ANALYSIS_MAX_CHARS is refused up front with the limit named: at
import, or before a fetched page is analysed, never midway."""

import signal

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from tracker.extraction import document as extraction_document
from tracker.ingest import pipeline, tasks
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db


def _paragraph(i: int) -> str:
    return (
        f"On day {i} China and the United States agreed to set up working group {i} on counter-narcotics "
        f"before the end of {2019 + i % 7}, and will exchange information on fugitive {i} within "
        f"{i % 60 + 1} days of a request.\n\n"
    )


LONG_TEXT = "Joint statement, 12 March 2019.\n\n" + "".join(_paragraph(i) for i in range(3000))


@pytest.fixture
def soft_time_limit():
    """Raises SoftTimeLimitExceeded inside whatever runs after `seconds`, as a Celery worker's
    soft time limit does (a signal handler that raises in the task's code)."""

    def raise_limit(signum, frame):
        raise SoftTimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, raise_limit)

    def arm(seconds: float) -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds)

    yield arm
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def test_an_analysis_stopped_by_the_time_limit_says_it_took_too_long(reference_data, soft_time_limit, monkeypatch):
    article = Article.objects.create(
        origin=Article.Origin.PASTE, raw=LONG_TEXT.encode(), raw_content_type="text/plain", state=Article.State.FETCHED
    )
    real_detect = extraction_document.detect

    def detect_under_the_limit(*args, **kwargs):
        # The limit is armed once the detection starts (it takes seconds on this text), so it lands
        # in the extraction itself on a fast or a busy machine alike, not in the set-up before it.
        soft_time_limit(0.2)
        return real_detect(*args, **kwargs)

    monkeypatch.setattr(extraction_document, "detect", detect_under_the_limit)
    tasks.analyse_article.apply(args=[article.pk], throw=False)  # the task fails; its on_failure says why
    article.refresh_from_db()
    assert article.state == Article.State.FAILED
    assert article.error.startswith("The analysis took too long")
    assert "could not be read" not in article.error


def test_a_text_above_the_limit_is_refused_at_import_with_the_limit_named(reference_data, settings):
    settings.ANALYSIS_MAX_CHARS = 10_000
    with pytest.raises(pipeline.InputError, match="above the limit of 10,000 characters"):
        pipeline.import_article(text=LONG_TEXT)
    assert not Article.objects.exists()


def test_a_fetched_page_above_the_limit_fails_before_its_analysis(reference_data, settings):
    settings.ANALYSIS_MAX_CHARS = 10_000
    article = Article.objects.create(
        origin=Article.Origin.URL,
        url="https://example.org/long",
        canonical_url="https://example.org/long",
        raw=LONG_TEXT.encode(),
        raw_content_type="text/plain",
        state=Article.State.FETCHED,
    )
    pipeline.analyse(article.pk)
    article.refresh_from_db()
    assert article.state == Article.State.FAILED
    assert "ANALYSIS_MAX_CHARS" in article.error
    assert not article.candidates.exists()


def test_a_text_below_the_limit_is_analysed(reference_data, settings, django_capture_on_commit_callbacks):
    settings.ANALYSIS_MAX_CHARS = 10_000
    with django_capture_on_commit_callbacks(execute=True):
        article, _ = pipeline.import_article(text=_paragraph(1))
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED
