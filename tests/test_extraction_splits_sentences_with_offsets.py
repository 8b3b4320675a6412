"""Given clean text, the splitter returns sentences as offsets into it: honorifics and list
numbers do not end sentences, headings run into a sentence are cut off, Chinese is split too."""

from tracker.extraction.sentences import split_sentences


def texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_offsets_point_into_the_text_and_paragraphs_are_counted():
    text = "Mr. Lee met Dr. Kim on Monday. They agreed to meet again.\n\nThe talks will resume in May."
    sentences = split_sentences(text)
    assert texts(text) == [
        "Mr. Lee met Dr. Kim on Monday.",
        "They agreed to meet again.",
        "The talks will resume in May.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_a_list_number_stays_with_its_item():
    text = "2. Together, we commit to a joint report. We will publish it."
    assert texts(text) == ["2. Together, we commit to a joint report.", "We will publish it."]


def test_a_semicolon_joined_sentence_is_one_sentence():
    text = "We will open an office; Japan will fund it; and Korea will staff it. Next sentence."
    assert texts(text)[0] == "We will open an office; Japan will fund it; and Korea will staff it."


def test_an_all_caps_heading_is_cut_off_the_sentence_after_it():
    text = "CLOSER TIES AHEAD The ministers agreed to meet every year."
    assert texts(text) == ["CLOSER TIES AHEAD", "The ministers agreed to meet every year."]


def test_quotes_that_close_and_open_are_two_sentences():
    text = "“We will meet again.” “We also agree on the agenda,” he said."
    assert texts(text) == ["“We will meet again.”", "“We also agree on the agenda,” he said."]


def test_chinese_is_split_at_its_full_stops():
    text = "双方同意加强合作。双方将于年底前举行会谈。"
    assert texts(text) == ["双方同意加强合作。", "双方将于年底前举行会谈。"]
