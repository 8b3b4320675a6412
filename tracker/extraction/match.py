"""Matching: near-duplicate articles, candidates that repeat a tracked commitment, and evidence.

Pure Python (standard library only, no Django), so it runs and is evaluated on files alone.

- `simhash` / `hamming` / `is_near_duplicate`: the same story republished with small changes
  (another site's copy of a readout, a corrected version) has a SimHash a few bits away.
- `content_hash`: the exact-duplicate key (unique on Article), insensitive to whitespace and case.
- `find_duplicate_commitment`: a proposed commitment that the other side's readout already
  gave us (same parties, overlapping topic, similar wording).
- `rank_evidence`: passages of newer articles that report what was *done* about a commitment.
  Lexical similarity alone gets this wrong: a later communiqué that repeats the pledge ("the two
  sides agreed to strengthen cooperation in law enforcement") shares more words with it than the
  news that matters ("the U.S. has handed over two criminal suspects to Chinese police"). So a
  passage is scored by its relevance (topic, parties, words) times its nature: reports of
  completed or ongoing acts score high, pledges and diplomatic boilerplate low.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from tracker.extraction import evidence_lexicon as vocabulary

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


# --- evidence: which tracked commitment a passage reports on --------------------------------------
#
# A passage and a commitment are linked by what they both *name*: a mechanism, a subject, an
# official, the meeting where the pledge was made, a distinctive word. Each shared anchor counts
# by its rarity among the commitments tracked (a word every pledge has, "cooperation", counts for
# nothing; "counternarcotics" or "theater commander" for a lot), and by its kind (a subject or a
# mechanism more than a word). Concepts are bilingual (evidence_lexicon.py), so a Chinese passage
# anchors on an English pledge. What the passage *does* (reports, plans, restates) is read in
# evidence.py; this part only says which commitments it is about, and how surely.

WORD = "word"
DATE = "date"
# The weight of the rarest anchor of weight 1.0 (about log(35 / 1.5), as measured on a tracker of
# 34 commitments, where the thresholds were set).
RARITY_SCALE = 3.15
# How much one shared anchor of each kind counts, before its rarity.
ANCHOR_KIND_WEIGHT = {
    vocabulary.SUBJECT: 1.2,
    vocabulary.MECHANISM: 1.0,
    vocabulary.CHANNEL: 0.8,
    vocabulary.OFFICIAL: 0.8,
    vocabulary.PERSON: 1.0,
    vocabulary.PLACE: 0.6,
    DATE: 0.6,
    WORD: 0.45,
}
# Words of every readout that name no subject: who met, that they talked, how it went.
_DIPLOMATIC_WORDS = """
    discuss discussion discussions issue issues effort efforts relation relations relationship leader leaders
    side sides meet meeting met president summit agree welcome welcomed importance important implementation
    implement step steps next progress ongoing high level senior official officials communication
    constructive candid positive recent respective also regional global bilateral area areas key
    affirm affirmed reaffirmed emphasize emphasized underscore underscored note noted new today year years
    follow follows following support commitment commitments take taking action actions necessary
"""
_DIPLOMATIC_STEMS = frozenset(_stem(word) for word in _DIPLOMATIC_WORDS.split())
# The same in Chinese, as the character pairs that stand in for words.
_DIPLOMATIC_PAIRS = """
    双方 两国 同意 继续 合作 加强 推进 深化 共同 表示 认为 重要 关系 发展 积极 推动 领域 问题 工作 进一步 一步
    取得 进展 成果 会晤 会见 元首 领导 导人 沟通 交流 对话 机制 落实 共识 达成 重申 强调 指出 双边
"""
_DIPLOMATIC_BIGRAMS = frozenset(_DIPLOMATIC_PAIRS.split())
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_YEAR = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"(?:\d{1,2},?\s+)?(\d{4})\b|(\d{4})\s*年\s*(\d{1,2})\s*月",
    re.IGNORECASE,
)


def month_year(day: date) -> str:
    return f"{DATE}:{day.year:04d}-{day.month:02d}"


def _months_named(text: str) -> set[str]:
    found = set()
    for match in _MONTH_YEAR.finditer(text):
        if match.group(1):
            found.add(f"{DATE}:{int(match.group(2)):04d}-{_MONTHS[match.group(1).lower()]:02d}")
        else:
            found.add(f"{DATE}:{int(match.group(3)):04d}-{int(match.group(4)):02d}")
    return found


def anchors(text: str, *, names: tuple[str, ...] = ()) -> dict[str, str]:
    """What a text names, as {anchor: kind}: concepts (both languages), months, distinctive English
    words and, for Chinese, pairs of characters. `names` (the parties' names and aliases found in
    the text) are left out: parties are matched on their own."""
    found: dict[str, str] = {f"concept:{key}": vocabulary.CONCEPT_KIND[key] for key in vocabulary.concepts_in(text)}
    found.update(dict.fromkeys(_months_named(text), DATE))
    for name in names:
        text = text.replace(name, " ")
    for token in _tokens(text):
        if _CJK.match(token):
            continue
        if token in _STOPWORDS or len(token) < 3 or token.isdigit():
            continue
        stem = _stem(token)
        if stem not in _GENERIC_STEMS and stem not in _DIPLOMATIC_STEMS:
            found.setdefault(f"{WORD}:{stem}", WORD)
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
        for i in range(len(run) - 1):
            if run[i : i + 2] not in _DIPLOMATIC_BIGRAMS:
                found.setdefault(f"{WORD}:{run[i : i + 2]}", WORD)
    return found


def commitment_anchors(commitment: CommitmentInfo, *, names: tuple[str, ...] = ()) -> dict[str, str]:
    """A commitment's anchors: its own words, plus where and when it was made."""
    found = anchors(commitment.text, names=names)
    if commitment.meeting:
        for key in vocabulary.concepts_in(commitment.meeting):
            if vocabulary.CONCEPT_KIND[key] == vocabulary.PLACE:
                found[f"concept:{key}"] = vocabulary.PLACE
    if commitment.made_on:
        found[month_year(commitment.made_on)] = DATE
    return found


class AnchorWeights:
    """The weight of an anchor: its kind's, times its rarity among the tracked commitments."""

    def __init__(self, anchor_sets: list[dict[str, str]]):
        self.total = len(anchor_sets)
        self.frequency: Counter[str] = Counter(anchor for found in anchor_sets for anchor in found)

    def __call__(self, anchor: str, kind: str) -> float:
        # Rarity on one scale whatever the number of commitments tracked (34 in a test, thousands
        # in a long-running tracker): 1.0 for an anchor of one commitment only, scaled so that the
        # thresholds in evidence.py keep their meaning.
        top = math.log((self.total + 1) / 1.5)
        rarity = math.log((self.total + 1) / (self.frequency.get(anchor, 0) + 0.5)) / top if top > 0 else 1.0
        return RARITY_SCALE * ANCHOR_KIND_WEIGHT.get(kind, 0.5) * max(0.0, rarity)


@dataclass(frozen=True)
class Anchored:
    commitment: CommitmentInfo
    score: float
    shared: frozenset[str]


def anchor_score(
    passage: dict[str, str], commitment: dict[str, str], weights: AnchorWeights, boost: dict[str, float] | None = None
) -> tuple[float, frozenset[str]]:
    shared = frozenset(passage.keys() & commitment.keys())
    boost = boost or {}
    return sum(weights(a, commitment[a]) * boost.get(commitment[a], 1.0) for a in shared), shared


_TITLED_NAME = re.compile(
    r"\b(?:Secretary(?:\s+of\s+[A-Z][a-z]+)?|Minister|Envoy|Advis[eo]r|Ambassador|Councillor|Administrator)"
    r"\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]{2,})\b"
)


def required_anchors(commitment: CommitmentInfo, core: str) -> tuple[frozenset[str], ...]:
    """Groups of anchors of which a passage must name at least one each to report on the
    commitment: the subjects of its core (what it is about, examples left out), and the official
    it names ("Secretary of State Blinken will visit China" is not reported on by another
    official's trip)."""
    subjects, people = set(), set()
    for key in vocabulary.concepts_in(core):
        kind = vocabulary.CONCEPT_KIND[key]
        if kind == vocabulary.SUBJECT:
            subjects.add(f"concept:{key}")
        elif kind == vocabulary.PERSON:
            people.add(f"concept:{key}")
    for name in _TITLED_NAME.findall(commitment.text):
        people.add(f"{WORD}:{_stem(name.casefold())}")
    return tuple(frozenset(group) for group in (subjects, people) if group)


def rank_passage(
    passage: dict[str, str],
    commitments: list[tuple[CommitmentInfo, dict[str, str], tuple[frozenset[str], ...]]],
    weights: AnchorWeights,
    *,
    min_score: float,
    boost: dict[str, float] | None = None,
) -> list[Anchored]:
    """The commitments a passage is about, best first. `commitments` pairs each commitment with
    its anchors and its core subjects: a commitment about a subject is only reported on by a
    passage that names that subject (a climate dialogue held is no news of a pledge on
    people-to-people exchanges, however many other words they share); see `required_anchors`."""
    ranked = []
    for commitment, found, required in commitments:
        if any(not group & passage.keys() for group in required):
            continue
        score, shared = anchor_score(passage, found, weights, boost)
        if score >= min_score:
            ranked.append(Anchored(commitment, round(score, 4), shared))
    ranked.sort(key=lambda item: (-item.score, item.commitment.id))
    return ranked
