"""The article's language, and which paragraphs are not in it.

Pages copied from news sites often end with lists of unrelated headlines in another language or
script (the project's founding example ends with thirty Chinese headlines under an English report).
The filter works in two steps: the script of a paragraph (cheap and certain: Han characters under
a Latin-script article), then, for paragraphs long enough to judge, a language identifier.
Short paragraphs in the article's script are kept: an identifier guesses wildly on "FOCUS ON
COOPERATION" or "Publication date", and losing a real paragraph costs more than keeping a stray one.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Scripts we tell apart. "cjk" covers Han, kana and hangul: a Chinese article quoting a Japanese
# name is still one script family for this purpose.
LATIN, CJK, CYRILLIC, ARABIC, OTHER = "latin", "cjk", "cyrillic", "arabic", "other"

_SCRIPT_LANGUAGE = {CJK: "zh", CYRILLIC: "ru", ARABIC: "ar"}
MIN_WORDS_FOR_IDENTIFIER = 12
MIN_PROBABILITY = 0.90


_SCRIPT_RES = [
    (CJK, re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")),
    (LATIN, re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")),
    (CYRILLIC, re.compile(r"[\u0400-\u04ff]")),
    (ARABIC, re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
]


def script_counts(text: str) -> dict[str, int]:
    """Letters of each script in a text (regex counts: a per-character loop is ten times slower)."""
    counts = {}
    for script, regex in _SCRIPT_RES:
        n = len(regex.findall(text))
        if n:
            counts[script] = n
    return counts


def _weight(script: str, count: int) -> int:
    # One Han character carries about as much text as a Latin word of five letters.
    return count * 3 if script == CJK else count


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    if not counts:
        return None
    return max(counts, key=lambda s: _weight(s, counts[s]))


def dominant_script_of(paragraphs: list[str]) -> str | None:
    total: dict[str, int] = {}
    for paragraph in paragraphs:
        for script, count in script_counts(paragraph).items():
            total[script] = total.get(script, 0) + count
    if not total:
        return None
    return max(total, key=lambda s: _weight(s, total[s]))


@functools.lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """The py3langid model with normalised probabilities (loaded once, about 0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    lang, prob = identifier().classify(text)
    return lang, float(prob)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of a text, or None when there is no text to judge."""
    script = dominant_script(text)
    if script is None:
        return None
    if script in _SCRIPT_LANGUAGE and script != CJK:
        return _SCRIPT_LANGUAGE[script]
    if script == CJK:
        counts = script_counts(text)
        # kana means Japanese, hangul Korean; plain Han is Chinese
        if any(0x3040 <= ord(c) <= 0x30FF for c in text[:5000]):
            return "ja"
        if any(0xAC00 <= ord(c) <= 0xD7AF for c in text[:5000]) and counts.get(CJK, 0):
            return "ko"
        return "zh"
    return identify(text[:4000])[0]


def filter_paragraphs(
    paragraphs: list[str], language: str | None = None
) -> tuple[list[str], list[tuple[str, str]], str | None]:
    """Keep the paragraphs in the article's language and script.

    Returns (kept, dropped as (paragraph, "language"), the article's language).
    """
    script = dominant_script_of(paragraphs)
    if script is None:
        return list(paragraphs), [], language
    same_script = [p for p in paragraphs if _in_script(p, script)]
    if language is None:
        language = _majority_language(same_script, script)
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        if not _in_script(paragraph, script) or _other_language(paragraph, language, script):
            dropped.append((paragraph, "language"))
        else:
            kept.append(paragraph)
    return kept, dropped, language


def _majority_language(paragraphs: list[str], script: str) -> str | None:
    """The language most of the text is in, judged paragraph by paragraph and weighted by length
    (one identification of the whole text can be swayed by a long foreign paragraph)."""
    if script != LATIN:
        return detect_language("\n".join(paragraphs))
    weights: dict[str, int] = {}
    for paragraph in paragraphs:
        if len(paragraph.split()) < 4:
            continue
        lang = "en" if _plainly_english(paragraph) else identify(paragraph[:2000])[0]
        weights[lang] = weights.get(lang, 0) + len(paragraph)
    if not weights:
        return detect_language("\n".join(paragraphs))
    return max(weights, key=weights.__getitem__)


def _in_script(paragraph: str, script: str) -> bool:
    counts = script_counts(paragraph)
    if not counts:
        return True  # numbers and punctuation only: neither in nor out, keep
    return max(counts, key=lambda s: _weight(s, counts[s])) == script


_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|that|with|for|will|on|is|are|was|said)\b", re.I)


def _plainly_english(paragraph: str) -> bool:
    return len(_ENGLISH_WORDS.findall(paragraph)) >= max(3, len(paragraph.split()) // 8)


def _other_language(paragraph: str, language: str | None, script: str) -> bool:
    if language is None or script == CJK:
        return False
    words = paragraph.split()
    if len(words) < MIN_WORDS_FOR_IDENTIFIER:
        return False
    if language == "en" and _plainly_english(paragraph):
        return False  # no need to ask the identifier
    lang, prob = identify(paragraph)
    return lang != language and prob >= MIN_PROBABILITY
