"""Given an English article followed by Chinese headlines from the page it was copied from, the
cleaner keeps every English paragraph and drops every Chinese one; paragraphs whose fingerprint
the caller has seen on many pages of the site are dropped as boilerplate."""

from tracker.extraction.clean import clean_text, paragraph_fingerprint

ENGLISH = [
    "BEIJING, May 2 -- China and Vietnam agreed on Friday to expand rail links between their border provinces.",
    "TRADE TIES",
    "The two sides will also hold a new round of consultations on border trade in the autumn.",
]
CHINESE = [
    "热点推荐：春季旅游市场持续升温",
    "热点推荐：多地举办非遗文化展演活动",
    "热点推荐：科技馆推出暑期研学课程",
]


def test_every_chinese_headline_is_dropped_and_every_english_paragraph_kept():
    # Given the article with trailing headlines, when it is cleaned
    document = clean_text("\n".join(ENGLISH + CHINESE))
    # then the English paragraphs are the text, in order, and the headlines are gone
    assert document.paragraphs == ENGLISH
    assert document.language == "en"
    assert [reason for _paragraph, reason in document.dropped] == ["language"] * len(CHINESE)
    assert not any("热点" in p for p in document.paragraphs)


def test_a_long_paragraph_in_another_language_is_dropped():
    french = (
        "Les deux parties sont convenues de renforcer la coopération dans le domaine de la sécurité "
        "et de la lutte contre le terrorisme au cours des prochaines années."
    )
    document = clean_text("\n".join([*ENGLISH, french]))
    assert french not in document.paragraphs
    assert (french, "language") in document.dropped


def test_a_chinese_article_keeps_its_chinese_paragraphs():
    text = "中美双方同意加强禁毒合作。\n双方将在年底前举行新一轮磋商。"
    document = clean_text(text)
    assert document.language == "zh"
    assert document.paragraphs == ["中美双方同意加强禁毒合作。", "双方将在年底前举行新一轮磋商。"]


def test_paragraphs_known_as_site_boilerplate_are_dropped():
    footer = "Follow us on social media for the latest news from the region."
    seen_everywhere = frozenset({paragraph_fingerprint(footer)})
    document = clean_text("\n".join([*ENGLISH, footer]), boilerplate=seen_everywhere)
    assert footer not in document.paragraphs
    assert (footer, "boilerplate") in document.dropped


def test_fingerprints_ignore_case_spacing_punctuation_and_digits():
    assert paragraph_fingerprint("Copyright 2024 Example News") == paragraph_fingerprint(
        "copyright  2025, example NEWS"
    )
    assert paragraph_fingerprint("Copyright Example News") != paragraph_fingerprint("Copyright Other News")
