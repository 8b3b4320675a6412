"""Matching: near-duplicate articles, and candidates that repeat a tracked commitment.

Pure Python (standard library only, no Django), so it runs and is evaluated on files alone.

- `simhash` / `hamming` / `is_near_duplicate`: the same story republished with small changes
  (another site's copy of a readout, a corrected version) has a SimHash a few bits away.
- `content_hash`: the exact-duplicate key (unique on Article), insensitive to whitespace and case.
- `find_duplicate_commitment`: a proposed commitment that the other side's readout already
  gave us (same parties, overlapping topic, similar wording).
- Evidence (which passage of a later article reports on which commitment) is read in
  evidence.py, ranked by shared anchors in evidence_anchors.py; `CommitmentInfo` describes the
  commitments compared there too.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

# --- text features -------------------------------------------------------------------------------

# Han, kana and hangul are written without spaces: each character is a token. Elsewhere a token
# is a run of letters and digits; "U.S." gives "u" and "s", which are too short to count.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")

_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "would",
        "you",
        "your",
        "said",
        "says",
        "say",
        "per",
        "via",
        "among",
        "amid",
        "toward",
        "towards",
        "including",
        "的",
        "了",
        "和",
        "在",
        "是",
        "与",
        "及",
        "等",
        "对",
        "将",
        "也",
        "为",
        "就",
        "并",
        "其",
        "之",
        "以",
        "于",
        "而",
        "从",
        "这",
        "那",
    ]
)
# Diplomatic boilerplate that nearly every readout uses (see _SHARES).
_GENERIC_STEMS = frozenset(
    [
        "agre",
        "side",
        "two",
        "both",
        "countr",
        "cooper",
        "continu",
        "strengthen",
        "enhanc",
        "promot",
        "work",
        "effort",
        "relev",
        "mutual",
        "bilater",
        "joint",
        "consent",
        "pledg",
        "commit",
        "express",
        "will",
        "govern",
        "nat",
        "unit",
        "stat",
        "develop",
        "further",
        "deepen",
    ]
)
_INFLECTIONS = (("sses", "ss"), ("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", ""))
# (suffix, replacement): verification -> verify, like verified; extradition -> extradit(e).
_DERIVATIONS = (
    ("ication", "y"),
    ("ation", ""),
    ("ion", ""),
    ("ment", ""),
    ("ance", ""),
    ("ence", ""),
    ("ant", ""),
    ("ent", ""),
    ("ate", ""),
    ("ive", ""),
    ("ize", ""),
    ("ise", ""),
    ("al", ""),
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light English suffix stripper: enough to bring repatriate / repatriated / repatriation,
    immigrant / immigration, fugitive / fugitives to one stem. It only has to be consistent."""
    if len(word) <= 3 or not word.isalpha() or not word.isascii():
        return word
    if word.endswith(("ss", "us", "is")) and not word.endswith("sses"):
        stem = word
    else:
        stem = word
        for suffix, replacement in _INFLECTIONS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)] + replacement
                if suffix in ("ing", "ed") and stem.endswith(("at", "bl", "iz", "iv", "it")):
                    stem += "e"  # repatriat(ed) -> repatriate, like the uninflected form
                break
    for _ in range(2):
        for suffix, replacement in _DERIVATIONS:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                stem = stem[: -len(suffix)] + replacement
                break
        else:
            break
    if len(stem) > 4 and stem.endswith("e"):
        stem = stem[:-1]
    if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]  # stopped -> stop, committed -> commit
    return stem


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def _content_stems(text: str) -> list[str]:
    stems = []
    for token in _tokens(text):
        if token in _STOPWORDS or (len(token) < 2 and not _CJK.match(token)):
            continue
        stems.append(_stem(token))
    return stems


@dataclass(frozen=True)
class _Features:
    content: frozenset[str]  # stems that carry meaning
    generic: frozenset[str]  # boilerplate stems ("agree", "side", "cooperation")
    bigrams: frozenset[tuple[str, str]]  # stems in sequence, boilerplate-only pairs left out


@lru_cache(maxsize=4096)
def _features(text: str) -> _Features:
    stems = _content_stems(text)
    return _Features(
        content=frozenset(stem for stem in stems if stem not in _GENERIC_STEMS),
        generic=frozenset(stem for stem in stems if stem in _GENERIC_STEMS),
        bigrams=frozenset(
            pair for pair in pairwise(stems) if not (pair[0] in _GENERIC_STEMS and pair[1] in _GENERIC_STEMS)
        ),
    )


# The share of each kind of feature in the similarity. Boilerplate counts for little, so that two
# pledges are not "similar" merely because both say the two sides agreed to cooperate.
_SHARES = ((0.7, "content"), (0.1, "generic"), (0.2, "bigrams"))


def _similarity(a: _Features, b: _Features) -> float:
    total = weight = 0.0
    for share, name in _SHARES:
        left, right = getattr(a, name), getattr(b, name)
        if left or right:  # a kind of feature neither text has says nothing either way
            total += share * 2 * len(left & right) / (len(left) + len(right))
            weight += share
    return total / weight if weight else 0.0


def text_similarity(a: str, b: str) -> float:
    """0..1: how much two texts say in the same words: Dice overlap of stemmed content words,
    boilerplate words (a small share) and word pairs in sequence. 1.0 for the same text."""
    return round(_similarity(_features(a), _features(b)), 6)


# --- near-duplicate articles -------------------------------------------------------------------

_MASK64 = (1 << 64) - 1


def _simhash_features(text: str) -> Counter[str]:
    """Words without stop words; for Chinese, Japanese and Korean, pairs of adjacent characters."""
    features: Counter[str] = Counter()
    previous_cjk = ""
    for token in _tokens(text):
        if _CJK.match(token):
            if previous_cjk:
                features[previous_cjk + token] += 1
            previous_cjk = token
            continue
        previous_cjk = ""
        if token not in _STOPWORDS:
            features[token] += 1
    return features


def simhash(text: str) -> int:
    """64-bit SimHash of the text, as a signed 64-bit integer (so it fits a bigint column).

    Features are words (stop words left out) weighted 1 + log(count). Words rather than word
    n-grams, because n-grams make a one-word correction move several bits on an article of a few
    hundred words; with words, a republished copy with a changed dateline or an added line stays
    within 0-2 bits, while different articles, even two readouts of one meeting, are 20+ apart.
    """
    features = _simhash_features(text)
    if not features:
        return 0
    totals = [0.0] * 64
    for feature, count in features.items():
        weight = 1.0 + math.log(count)
        value = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            totals[bit] += weight if value >> bit & 1 else -weight
    fingerprint = 0
    for bit, total in enumerate(totals):
        if total > 0:
            fingerprint |= 1 << bit
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def hamming(a: int, b: int) -> int:
    """The number of bits in which two 64-bit fingerprints differ (signed or unsigned alike)."""
    return ((a ^ b) & _MASK64).bit_count()


def is_near_duplicate(a: int, b: int, *, max_distance: int = 3) -> bool:
    return hamming(a, b) <= max_distance


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the text with Unicode, case and whitespace normalised."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# --- candidates that repeat a commitment ----------------------------------------------------------


@dataclass(frozen=True)
class CommitmentInfo:
    id: int
    text: str
    parties: frozenset[str]
    topics: frozenset[str]
    made_on: date | None
    meeting: str = ""  # where it was made (the meeting's title and place): "as agreed at Bali"
    reference: str = ""
    # Who was at the table: a pledge of one side made to the other (the U.S. at a U.S.-China summit)
    # is followed up where both are, not in every document about the first.
    meeting_parties: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CandidateInfo:
    text: str
    parties: frozenset[str]
    topics: frozenset[str]


DUPLICATE_THRESHOLD = 0.45


def find_duplicate_commitment(
    candidate: CandidateInfo, existing: list[CommitmentInfo], *, threshold: float = DUPLICATE_THRESHOLD
) -> tuple[int, float] | None:
    """The tracked commitment that `candidate` repeats, with its similarity score, or None.

    A repeat has exactly the same parties, at least one topic in common (unless either side has
    no topic tagged) and text at least `threshold` similar. The best-scoring match wins.
    """
    best: tuple[int, float] | None = None
    for commitment in existing:
        if commitment.parties != candidate.parties:
            continue
        if candidate.topics and commitment.topics and not candidate.topics & commitment.topics:
            continue
        score = text_similarity(candidate.text, commitment.text)
        if score >= threshold and (best is None or score > best[1]):
            best = (commitment.id, score)
    return best
