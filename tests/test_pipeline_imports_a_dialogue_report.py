"""Importing a dialogue report by address, by file and by pasted text yields its pledges as
candidates with parties and topics, nothing from the trailing Chinese headlines, and nothing
new when imported a second time."""

import io

import pytest
from django.core.management import call_command

from tests import httpserver
from tests.texts import DIALOGUE_REPORT, DIALOGUE_REPORT_PLEDGES, html_page
from tracker.ingest import pipeline
from tracker.ingest.models import Article, Candidate

http_server = httpserver.http_server

pytestmark = pytest.mark.django_db


def assert_pledges_proposed(article):
    article.refresh_from_db()
    assert article.state == Article.State.ANALYSED, article.error
    quotes = [c.quote for c in article.candidates.all()]
    for pledge in DIALOGUE_REPORT_PLEDGES:
        assert any(pledge in quote for quote in quotes), f"{pledge!r} not proposed in {quotes}"
    assert len(quotes) == len(DIALOGUE_REPORT_PLEDGES), quotes
    assert not any("handed over" in quote for quote in quotes)  # a past act is evidence, not a pledge
    assert "示例新闻标题" not in article.text
    hotline = article.candidates.get(quote__contains="hotline")
    assert {p.name for p in hotline.parties.all()} == {"China", "United States"}
    assert [t.key for t in hotline.topics.all()] == ["cybersecurity"]
    documents = article.candidates.get(quote__contains="travel documents")
    assert {p.name for p in documents.parties.all()} == {"United States"}


def test_pasted_text_is_analysed_into_candidates(meeting, run):
    article, created = run(pipeline.import_article, text=DIALOGUE_REPORT, meeting=meeting, kind="news")
    assert created
    assert_pledges_proposed(article)


def test_an_uploaded_file_is_analysed_into_candidates(meeting, run):
    article, _ = run(
        pipeline.import_article, data=DIALOGUE_REPORT.encode("utf-8"), filename="report.txt", meeting=meeting
    )
    assert_pledges_proposed(article)


def test_an_address_is_fetched_and_analysed_into_candidates(meeting, http_server, run):
    http_server.route("/news/report.html", body=html_page(DIALOGUE_REPORT).encode("utf-8"))
    article, _ = run(pipeline.import_article, url=http_server.url("/news/report.html"), meeting=meeting)
    assert_pledges_proposed(article)
    assert article.raw_content_type.startswith("text/html")


def test_importing_the_same_address_twice_yields_nothing_new(meeting, http_server, run):
    http_server.route("/news/report.html", body=html_page(DIALOGUE_REPORT).encode("utf-8"))
    first, created = run(pipeline.import_article, url=http_server.url("/news/report.html"), meeting=meeting)
    again, created_again = run(pipeline.import_article, url=http_server.url("/news/report.html?utm_source=feed"))
    assert created and not created_again
    assert again.pk == first.pk
    assert http_server.hits("/news/report.html") == 1
    assert Candidate.objects.count() == len(DIALOGUE_REPORT_PLEDGES)


def test_the_same_text_under_another_address_is_stored_once(meeting, http_server, run):
    http_server.route("/a.html", body=html_page(DIALOGUE_REPORT).encode("utf-8"))
    http_server.route("/syndicated/b.html", body=html_page(DIALOGUE_REPORT, title="Syndicated copy").encode("utf-8"))
    first, _ = run(pipeline.import_article, url=http_server.url("/a.html"), meeting=meeting)
    second, _ = run(pipeline.import_article, url=http_server.url("/syndicated/b.html"), meeting=meeting)
    second.refresh_from_db()
    assert second.state == Article.State.DUPLICATE
    assert second.duplicate_of == first
    assert second.text == ""
    assert Candidate.objects.count() == len(DIALOGUE_REPORT_PLEDGES)


def test_pasting_the_same_text_twice_yields_nothing_new(meeting, run):
    run(pipeline.import_article, text=DIALOGUE_REPORT, meeting=meeting)
    second, _ = run(pipeline.import_article, text=DIALOGUE_REPORT + "\n", meeting=meeting)
    second.refresh_from_db()
    assert second.state == Article.State.DUPLICATE
    assert Candidate.objects.count() == len(DIALOGUE_REPORT_PLEDGES)


def test_a_nearly_identical_text_is_a_duplicate(meeting, run):
    first, _ = run(pipeline.import_article, text=DIALOGUE_REPORT, meeting=meeting)
    edited = DIALOGUE_REPORT.replace("on Tuesday", "on Tuesday afternoon")
    second, _ = run(pipeline.import_article, text=edited, meeting=meeting)
    second.refresh_from_db()
    assert second.state == Article.State.DUPLICATE and second.duplicate_of == first


def test_the_import_command_reads_a_file_and_standard_input(meeting, tmp_path, monkeypatch, run):
    path = tmp_path / "report.md"
    path.write_text("---\ntitle: Example Dialogue report\ndate: 2019-03-14\n---\n\n" + DIALOGUE_REPORT, "utf-8")
    out = io.StringIO()
    run(
        call_command,
        "import_article",
        str(path),
        "--meeting",
        meeting.slug,
        "--kind",
        "readout",
        "--side",
        "cn",
        stdout=out,
    )
    article = Article.objects.get()
    assert article.kind == "readout" and article.issuing_party.code == "cn"
    assert article.title == "Example Dialogue report"
    assert "title:" not in article.text
    assert article.state == Article.State.ANALYSED
    assert article.candidates.filter(quote__contains="hotline").exists()
    assert f"Article {article.pk}" in out.getvalue()

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DIALOGUE_REPORT.encode())))
    run(call_command, "import_article", "-", stdout=io.StringIO())
    again = Article.objects.latest("pk")
    assert again.pk != article.pk and again.origin == Article.Origin.UPLOAD
    assert again.state == Article.State.DUPLICATE and again.duplicate_of == article


def test_the_import_command_explains_bad_arguments(db, run):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such file"):
        run(call_command, "import_article", "/nonexistent/file.txt")
    with pytest.raises(CommandError, match="No meeting"):
        run(call_command, "import_article", "-", "--meeting", "nope")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run(call_command, "import_article", "-", "--date", "14/03/2019")
