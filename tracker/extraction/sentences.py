"""Sentence splitting with character offsets into the cleaned text.

blingfire, with a few corrections. Measured on the development documents (19 plain-text files,
this 2-core machine, one pass): pysbd 1.28 s, syntok 1.04 s inside the pipeline (55 ms a
document, more than the whole per-document budget of 50 ms), blingfire 0.04 s. syntok splits a
little better; the corrections below close most of the gap, which was:
- an honorific or initial ends a "sentence" ("Mr." | "Lee said ..."): joined again;
- a list number stands alone ("2." | "Together, we commit ..."): joined to its item;
- a closing quote and the next opening quote stay together ('differences.” “We have'): split;
- a semicolon-joined sentence is one sentence for the labelling rules (clauses are split later
  by detect), so pieces ending in ";" are joined;
- an ALL-CAPS section heading run into the next sentence on one-line page dumps
  ("FOCUS ON COOPERATION The one-day meeting ...") becomes a sentence of its own.
blingfire also splits Chinese, Japanese and Korean at their own full stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph in text.split("\n\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for part in text.split(PARAGRAPH_BREAK):
        spans.append((position, position + len(part)))
        position += len(part) + len(PARAGRAPH_BREAK)
    return spans


_CACHE: dict[str, list[Sentence]] = {}


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text whose paragraphs are separated by blank lines (the last result is cached:
    the pipeline counts sentences after detect has split the same text)."""
    cached = _CACHE.get(text)
    if cached is not None:
        return cached
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(paragraph_spans(text)):
        paragraph = text[start:end]
        if not paragraph.strip():
            continue
        for a, b in split_paragraph(paragraph):
            sentences.append(Sentence(start + a, start + b, index))
    _CACHE.clear()
    _CACHE[text] = sentences
    return sentences


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside one paragraph, whitespace trimmed."""
    spans = _blingfire_spans(paragraph)
    spans = _join_fragments(paragraph, spans)
    spans = [piece for span in spans for piece in _split_quotes(paragraph, span)]
    spans = [piece for span in spans for piece in _split_heading_prefix(paragraph, span)]
    return [_trim(paragraph, a, b) for a, b in spans if paragraph[a:b].strip()]


def _blingfire_spans(paragraph: str) -> list[tuple[int, int]]:
    """blingfire's sentences located in the paragraph; its offsets API maps bytes to characters in
    Python and costs six times the split itself, so the sentences are found with str.find."""
    spans = []
    position = 0
    for sentence in blingfire.text_to_sentences(paragraph).split("\n"):
        if not sentence:
            continue
        found = paragraph.find(sentence, position)
        if found < 0:
            _text, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
            return [(a, b) for a, b in offsets]
        spans.append((found, found + len(sentence)))
        position = found + len(sentence)
    return spans


# Words after which a full stop does not end a sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Adm|Sen|Rep|Gov|Amb|Sec|St|No|Nos|Art|Vol|Jr|Sr|Co|Corp|Inc|"
    r"Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\b[A-Z]\.|^\s*\d{1,2}[.)])$"
)


def _join_fragments(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined:
            previous = paragraph[joined[-1][0] : joined[-1][1]].rstrip()
            if previous.endswith(";") or _ABBREVIATION_END.search(previous) or not re.search(r"[^\W\d_]", previous):
                joined[-1] = (joined[-1][0], b)
                continue
        joined.append((a, b))
    return joined


_QUOTE_BOUNDARY = re.compile(r"[.!?][”\"’]\s+(?=[“\"])")


def _split_quotes(paragraph: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    a, b = span
    pieces = []
    for match in _QUOTE_BOUNDARY.finditer(paragraph, a, b):
        cut = match.start() + 2
        pieces.append((a, cut))
        a = match.end()
    pieces.append((a, b))
    return pieces


# Two or more upper-case words (a section heading) followed by a capitalised word that starts
# the sentence proper. "U.S." and one-word acronyms at the start of a sentence are not headings.
_HEADING_PREFIX = re.compile(r"(?:\([^)]{1,40}\)\s+)?(?:[A-Z][A-Z'’\-]+[,:]?\s+){2,}(?=[A-Z][a-z])")


def _split_heading_prefix(paragraph: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    a, b = span
    match = _HEADING_PREFIX.match(paragraph, a, b)
    if not match or match.end() >= b:
        return [span]
    return [(a, match.end()), (match.end(), b)]


def _trim(paragraph: str, a: int, b: int) -> tuple[int, int]:
    while a < b and paragraph[a].isspace():
        a += 1
    while b > a and paragraph[b - 1].isspace():
        b -= 1
    return a, b
