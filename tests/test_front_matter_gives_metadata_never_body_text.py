"""YAML front matter (read by python-frontmatter) gives a document its metadata and is never body
text; what is not front matter is left as it was."""

from __future__ import annotations

import datetime

import pytest

from tracker.extraction.clean import clean_text, split_front_matter


@pytest.mark.parametrize("closing", ["---", "..."])
def test_front_matter_closed_either_way_is_metadata(closing):
    text = f"\ufeff---\ntitle: Joint statement\ndate: 2019-03-12\n{closing}\nThe two sides will meet again.\n"
    meta, body = split_front_matter(text)
    assert meta == {"title": "Joint statement", "date": datetime.date(2019, 3, 12)}
    assert body == "The two sides will meet again.\n"


@pytest.mark.parametrize(
    "text",
    [
        "---\nA Markdown rule, then text with no closing rule.\n",
        "The two sides met.\n---\ntitle: not at the top\n---\n",
        '{\n"title": "A news record stored as JSON",\n"content": "Body."\n}',
    ],
)
def test_what_is_not_front_matter_stays_the_body(text):
    assert split_front_matter(text) == ({}, text)


@pytest.mark.parametrize("head", ["- a list\n- not a mapping", "title: [unclosed"])
def test_front_matter_that_is_not_a_mapping_gives_no_metadata_and_no_body_text(head):
    meta, body = split_front_matter(f"---\n{head}\n---\nThe body.")
    assert (meta, body) == ({}, "The body.")


def test_the_title_and_date_come_from_the_front_matter():
    document = clean_text("---\ntitle: Second round\ndate: 2018-06-01\n---\n\nThe two sides will meet in 2019.\n")
    assert (document.title, str(document.date)) == ("Second round", "2018-06-01")
    assert "Second round" not in document.text
