"""A proposed sentence shown where it stands in its article, for the review inboxes.

Plain strings only: the template escapes each piece and wraps the sentence and the quote in
<mark>, so no article text is ever marked safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters of the article shown on each side of the sentence.
MARGIN = 240

_PARAGRAPH = re.compile(r"\s*\n\s*\n\s*")
_LINE = re.compile(r"\s*\n\s*")


def _flat(text: str) -> str:
    """One line: paragraph breaks shown as ¶, so the context stays a few lines tall."""
    return _LINE.sub(" ", _PARAGRAPH.sub(" ¶ ", text))


@dataclass(frozen=True)
class InContext:
    before: str  # text before the sentence ("…" first when cut)
    lead: str  # sentence text before the quote
    quote: str  # the proposed span, highlighted
    tail: str  # sentence text after the quote
    after: str  # text after the sentence ("…" last when cut)


def in_context(
    text: str, *, start: int, end: int, sentence_start: int | None = None, sentence_end: int | None = None
) -> InContext:
    """Cut `text` around the span start..end (within the sentence sentence_start..sentence_end)."""
    length = len(text)
    start, end = max(0, min(start, length)), max(0, min(end, length))
    s_start = max(0, min(sentence_start if sentence_start is not None else start, start))
    s_end = min(length, max(sentence_end if sentence_end is not None else end, end))
    left = max(0, s_start - MARGIN)
    right = min(length, s_end + MARGIN)
    # Cut at a space, so no word is shown in half.
    if left > 0:
        space = text.find(" ", left, s_start)
        left = space + 1 if space != -1 else left
    if right < length:
        space = text.rfind(" ", s_end, right)
        right = space if space != -1 else right
    return InContext(
        before=("…" if left > 0 else "") + _flat(text[left:s_start]),
        lead=_flat(text[s_start:start]),
        quote=_flat(text[start:end]),
        tail=_flat(text[end:s_end]),
        after=_flat(text[s_end:right]) + ("…" if right < length else ""),
    )
