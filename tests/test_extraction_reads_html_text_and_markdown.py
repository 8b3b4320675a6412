"""Given a news page, a plain-text file or a Markdown file with front matter, the cleaner returns
the main text, its paragraphs and the metadata, and never body text from navigation or front
matter."""

import datetime

from tracker.extraction.clean import clean_document, clean_html, clean_text, looks_like_html

ARTICLE = [
    "Japan and the Philippines agreed on Monday to hold joint coast guard drills twice a year, the two "
    "governments said in a statement released after talks in Tokyo between their foreign ministers.",
    "The ministers also pledged to expand cooperation on disaster relief, maritime domain awareness and "
    "the protection of undersea cables, and to meet again before the end of the year.",
    "Officials said the first drill would take place off the coast of Luzon in the spring, with ships "
    "and aircraft from both countries taking part in search and rescue exercises.",
]


def page(paragraphs):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    links = "".join(f'<li><a href="/n/{i}">Other story number {i} about something else</a></li>' for i in range(12))
    return (
        "<!doctype html><html><head><title>Japan, Philippines agree on coast guard drills | Example News</title>"
        '<meta property="article:published_time" content="2030-04-08T09:00:00Z"></head><body>'
        f"<nav><ul>{links}</ul></nav><article><h1>Japan, Philippines agree on coast guard drills</h1>{body}</article>"
        "<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>"
    )


def test_a_news_page_gives_its_article_without_navigation():
    document = clean_html(page(ARTICLE), url="https://news.example.com/2030/04/08/drills")
    assert all(p in document.paragraphs for p in ARTICLE)
    assert "Other story number" not in document.text
    assert document.paragraphs[0] == ARTICLE[0]  # the headline is the title, not a paragraph
    assert document.title.startswith("Japan, Philippines agree")
    assert document.date == datetime.date(2030, 4, 8)
    assert document.text == "\n\n".join(document.paragraphs)


def test_markdown_front_matter_gives_title_and_date_but_no_body_text():
    markdown = (
        "---\ntitle: \"Joint Statement on Example Cooperation\"\ndate: '2029-11-02'\n"
        "source_url: https://www.example.gov/statements/2029/11/02/joint/\n---\n\n"
        "The two governments **commit** to convening a ministerial meeting\n"
        "every year and to publishing a joint progress report on the\n"
        "implementation of this statement.\n\n"
        "-   Canada will host the first meeting.\n"
        "-   Mexico will prepare the\n    first report.\n"
    )
    document = clean_document(markdown, kind="markdown")
    assert document.title == "Joint Statement on Example Cooperation"
    assert document.date == datetime.date(2029, 11, 2)
    assert document.site == "example.gov"
    assert "title:" not in document.text and "source_url" not in document.text
    # hard-wrapped lines are one paragraph again, markup stays, list items are paragraphs
    assert document.paragraphs[0].startswith(
        "The two governments **commit** to convening a ministerial meeting every year"
    )
    assert document.paragraphs[1:] == [
        "-   Canada will host the first meeting.".replace("   ", " "),
        "- Mexico will prepare the first report.",
    ]


def test_plain_text_keeps_one_paragraph_per_line_and_its_non_breaking_spaces_are_spaces():
    text = "The two sides agreed\u00a0to meet again.\nBoth sides will publish the minutes."
    document = clean_text(text, filename="readout-2031-01-15.txt")
    assert document.paragraphs == ["The two sides agreed to meet again.", "Both sides will publish the minutes."]
    assert document.date == datetime.date(2031, 1, 15)  # from the file name when the text has none


def test_a_text_file_that_is_really_html_is_read_as_html():
    html = page(ARTICLE)
    assert looks_like_html(html)
    assert not looks_like_html("A note with an <b>inline</b> tag and **markdown**.")
    document = clean_document(html, kind="text")
    assert ARTICLE[0] in document.paragraphs
    assert "<p>" not in document.text


def test_a_page_trafilatura_cannot_read_falls_back_to_readability():
    # Given a page whose article text sits in bare divs with a stray script, when cleaned,
    # then the article still comes out (readability is the fallback)
    divs = "".join(f"<div>{p}</div>" for p in ARTICLE)
    html = f"<html><body><div id='content'>{divs}</div><script>var x = 1;</script></body></html>"
    document = clean_html(html)
    assert any("coast guard drills" in p for p in document.paragraphs)
