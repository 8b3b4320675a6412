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

import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

STATUSES = ("in_progress", "fulfilled", "partial", "stalled", "broken")

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


# --- evidence --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    text: str
    start: int  # character offsets in the article's text
    end: int
    parties: frozenset[str]
    topics: frozenset[str]
    published: date | None  # the article's date


@dataclass(frozen=True)
class EvidenceMatch:
    commitment_id: int
    passage: Passage
    score: float  # 0..1
    proposed_status: str | None  # one of STATUSES, or None when the passage does not say


EVIDENCE_MIN_SCORE = 0.4

# Acts, in the past tense or as participles ("has handed over", "were repatriated"). A passage
# reporting one is what an editor wants as evidence of progress.
_ACT = re.compile(
    r"\b(?:handed\s+over|turned\s+over|repatriated|deported|extradited|returned|sent\s+back|transferred|"
    r"signed|launched|held|hosted|convened|seized|confiscated|intercepted|delivered|arrested|detained|"
    r"apprehended|captured|prosecuted|charged|indicted|convicted|sentenced|jailed|dismantled|busted|"
    r"shut\s+down|raided|issued|opened|established|set\s+up|created|carried\s+out|conducted|began|started|"
    r"initiated|released|freed|paid|disbursed|provided|donated|shipped|removed|lifted|banned|enacted|"
    r"adopted|passed|approved|ratified|published|inaugurated|deployed|trained|verified|exchanged\s+(?:lists|"
    r"information|data|intelligence)|shared\s+(?:information|data|intelligence|evidence)|met|visited)\b"
)
_FULFILLED = re.compile(
    r"\b(?:completed|fully\s+implemented|implemented\s+in\s+full|fulfill?ed|finali[sz]ed|accomplished|"
    r"achieved)\b"
)
_PARTIAL = re.compile(r"\b(?:partially|partly|in\s+part|only\s+(?:some|part|a\s+few|a\s+fraction))\b")
_STALLED = re.compile(
    r"\b(?:suspended|halted|stalled|postponed|put\s+on\s+hold|froze|frozen|paused|delayed|cancell?ed|"
    r"ground\s+to\s+a\s+halt|no\s+progress)\b"
)
_BROKEN = re.compile(
    r"\b(?:violated|violating|violation\s+of|breached|in\s+breach|reneged|backtracked|failed\s+to|refused\s+to|"
    r"withdrew\s+from|pulled\s+out\s+of|abandoned)\b"
)
# A pledge restated is not evidence of anything having been done.
_PLEDGE = re.compile(
    r"\b(?:(?:agreed?|agrees|pledged?|pledges|committed|commits?|vowed?|vows|promised?|promises|consented|"
    r"consents?|undert(?:ook|akes?)|intends?|intended|plans?|planned|decided|aims?|seeks?|hopes?)\s+to|"
    r"will|would|shall|should|expressed\s+(?:their|its|the)?\s*(?:willingness|intention|readiness|hope)|"
    r"(?:is|are)\s+willing\s+to|look(?:s|ed)?\s+forward\s+to)\b"
)
# Diplomatic boilerplate: the talk about cooperation rather than any act of it.
_GENERIC = re.compile(
    r"\b(?:(?:strengthen|enhance|deepen|expand|promote|boost|advance|further|improve)(?:s|d|ed|ing)?\s+"
    r"(?:\w+\s+){0,2}cooperation|(?:practical|pragmatic|bilateral|mutually\s+beneficial)\s+cooperation|"
    r"exchanged\s+views|in-depth\s+exchanges?|mutual\s+(?:trust|respect|understanding)|win-win|"
    r"discussed|reaffirmed|reiterated|stressed|emphasi[sz]ed|noted|candid|constructive|fruitful|productive)\b"
)
# Words that, within the three words before an act, turn it into something not (yet) done.
_MODAL = frozenset(
    ["will", "would", "shall", "should", "could", "may", "might", "must", "can", "to", "be", "going", "plan", "plans"]
)
_NEGATION = frozenset(["not", "never", "no", "yet", "without", "nor"])
_NUMBER = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b"
)

_NATURE_ACT = 1.0
_NATURE_ACT_WITH_PLEDGE = 0.9  # "handed over two suspects, as agreed to in 2017"
_NATURE_NEGATED_ACT = 0.8  # "has not yet handed over": evidence too, the editor judges
_NATURE_NEUTRAL = 0.5
_NATURE_GENERIC = 0.3
_NATURE_PLEDGE = 0.25
_UNDATED = 0.85  # the article's date is unknown: it may be older than the commitment


@dataclass(frozen=True)
class _Reading:
    nature: float
    status: str | None


def _done(match: re.Match, lowered: str) -> bool | None:
    """True if the act matched is reported as done, False if negated, None if modal/future."""
    before = lowered[max(0, match.start() - 40) : match.start()].split()[-3:]
    if any(word in _MODAL for word in before):
        return None
    return not any(word in _NEGATION or word.endswith("n't") for word in before)


def _read(text: str) -> _Reading:
    """What kind of statement a passage is, and the status it points to."""
    lowered = " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    def reported(pattern: re.Pattern) -> tuple[bool, bool]:
        done = negated = False
        for match in pattern.finditer(lowered):
            state = _done(match, lowered)
            done = done or state is True
            negated = negated or state is False
        return done, negated

    act, negated_act = reported(_ACT)
    fulfilled, _ = reported(_FULFILLED)
    stalled, _ = reported(_STALLED)
    broken = bool(_BROKEN.search(lowered))
    partial = bool(_PARTIAL.search(lowered))
    pledge = bool(_PLEDGE.search(lowered))
    generic = bool(_GENERIC.search(lowered))

    if broken:
        status = "broken"
    elif stalled:
        status = "stalled"
    elif partial and (act or fulfilled):
        status = "partial"
    elif fulfilled:
        status = "fulfilled"
    elif act:
        status = "in_progress"
    else:
        status = None

    if status is not None:
        nature = _NATURE_ACT_WITH_PLEDGE if pledge or generic else _NATURE_ACT
        if _NUMBER.search(lowered):
            nature = min(1.0, nature + 0.05)  # "two criminal suspects", "30 tons": concrete
    elif negated_act:
        nature = _NATURE_NEGATED_ACT
    elif pledge:
        nature = _NATURE_PLEDGE
    elif generic:
        nature = _NATURE_GENERIC
    else:
        nature = _NATURE_NEUTRAL
    return _Reading(nature=nature, status=status)


# Subjects on which the act reported and the pledge are worded differently ("handed over two
# criminal suspects" / "repatriate fugitives"), and which topic taggers tend to file apart
# ("law enforcement" / "repatriation"). A passage and a commitment that both touch one of them
# are treated as on the same topic. Deliberately few, each a family of the dialogues tracked.
_CONCEPTS = (
    re.compile(
        r"\b(?:repatriat\w*|deport\w*|extradit\w*|fugitives?|(?:criminal\s+)?suspects?|"
        r"illegal\s+(?:immigrants?|immigration|migrants?)|(?:hand|turn)(?:s|ed|ing)?\s+over|sen[dt]\s+back|"
        r"travel\s+documents?)\b"
    ),
    re.compile(r"\b(?:fentanyl|narcotics?|drugs?|opioids?|precursors?|methamphetamine|heroin|cocaine)\b"),
    re.compile(r"\b(?:cyber\w*|hack(?:s|ed|ers?|ing)?|malware|ransomware|intrusions?)\b"),
)


@lru_cache(maxsize=4096)
def _concepts(text: str) -> frozenset[int]:
    lowered = unicodedata.normalize("NFKC", text).casefold()
    return frozenset(i for i, pattern in enumerate(_CONCEPTS) if pattern.search(lowered))


def _relevance(passage: Passage, commitment: CommitmentInfo, similarity: float) -> float | None:
    """0..1, or None when the passage is about none of the commitment's parties."""
    if commitment.parties:
        shared = passage.parties & commitment.parties
        if not shared:
            return None
        party = len(shared) / len(commitment.parties)
    else:
        party = 0.5
    if passage.topics and commitment.topics:
        # Another topic weighs almost nothing (taggers err, so it is not ruled out outright).
        topic = 1.0 if passage.topics & commitment.topics else 0.1
    elif commitment.topics:
        topic = 0.1  # the passage was not tagged with any topic: only its words can tell
    else:
        topic = 0.6
    if topic < 0.9 and _concepts(passage.text) & _concepts(commitment.text):
        topic = 0.9
    # Reports of an act rarely share many words with the pledge, so similarity saturates early.
    return 0.5 * topic + 0.25 * party + 0.25 * min(1.0, 2 * similarity)


def rank_evidence(
    passages: list[Passage],
    commitments: list[CommitmentInfo],
    *,
    limit_per_commitment: int = 3,
    min_score: float = EVIDENCE_MIN_SCORE,
) -> list[EvidenceMatch]:
    """Passages that may be evidence for each commitment, best first per commitment.

    A passage is considered for a commitment only if it shares a party with it and was not
    published before the commitment was made. Its score is relevance (a shared topic or subject,
    the parties, the words) times nature (a reported act 1.0 ... a restated pledge 0.25); a passage
    on another topic scores too low to be suggested unless its words say otherwise, and undated
    passages are kept with a discount. Results come grouped by commitment, in the order
    the commitments were given, at most `limit_per_commitment` each, none below `min_score`.
    """
    readings = [_read(passage.text) for passage in passages]
    features = [_features(passage.text) for passage in passages]
    matches: list[EvidenceMatch] = []
    for commitment in commitments:
        commitment_features = _features(commitment.text)
        scored: list[EvidenceMatch] = []
        for passage, reading, passage_features in zip(passages, readings, features, strict=True):
            if passage.published and commitment.made_on and passage.published < commitment.made_on:
                continue
            relevance = _relevance(passage, commitment, _similarity(passage_features, commitment_features))
            if relevance is None:
                continue
            score = relevance * reading.nature * (1.0 if passage.published else _UNDATED)
            if score >= min_score:
                scored.append(EvidenceMatch(commitment.id, passage, round(score, 4), reading.status))
        scored.sort(key=lambda match: (-match.score, match.passage.start))
        matches.extend(scored[:limit_per_commitment])
    return matches
