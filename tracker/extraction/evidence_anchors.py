"""Which tracked commitment a passage of a later document is about: anchors weighed by rarity.

A passage and a commitment are linked by what they both *name*: a mechanism, a subject, an
official, the meeting where the pledge was made, a distinctive word. Each shared anchor counts by
its rarity among the commitments tracked (a word every pledge has, "cooperation", counts for
nothing; "counternarcotics" or "theater commander" for a lot), and by its kind (a subject or a
mechanism more than a word). Concepts are bilingual (evidence_lexicon.py), so a Chinese passage
anchors on an English pledge. What the passage *does* (reports, plans, restates) is read in
evidence.py; this module only says which commitments it is about, and how surely.

Pure Python, no Django. (Kept apart from match.py, which must load on its own, without the tracker
package: tests/test_match_finds_near_duplicate_articles.py.)
"""

from __future__ import annotations

import calendar
import math
import re
import re._constants as sre  # type: ignore[import-not-found]  # the parser of `re`: its own constants
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from tracker.extraction import bilingual
from tracker.extraction import evidence_lexicon as vocabulary
from tracker.extraction.match import _CJK, _GENERIC_STEMS, _STOPWORDS, CommitmentInfo, _stem, _tokens

WORD = "word"
DATE = "date"
NUMBER = "number"  # a count or figure, in digits, English words or Chinese numerals (bilingual.numbers_in)
# The weight of the rarest anchor of weight 1.0 (about log(35 / 1.5), as measured on a tracker of
# 34 commitments, where the thresholds were set).
RARITY_SCALE = 3.15
# How much one shared anchor of each kind counts, before its rarity.
ANCHOR_KIND_WEIGHT = {
    vocabulary.SUBJECT: 1.2,
    vocabulary.MECHANISM: 1.0,
    vocabulary.FIELD: 0.75,
    vocabulary.CHANNEL: 0.8,
    vocabulary.OFFICIAL: 0.8,
    vocabulary.PERSON: 1.0,
    vocabulary.PLACE: 0.6,
    DATE: 0.6,
    NUMBER: 0.6,
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


# --- finding concepts fast -------------------------------------------------------------------------
# `vocabulary.concepts_in` and `vocabulary.without_concepts` run each concept's pattern over the text:
# most of the time of preparing a commitment. The same, faster: a concept's pattern can only match
# where the text has one of the ways it begins (its first PREFIX_SIZE characters, read from the
# pattern), so the patterns whose beginnings the text lacks are not run. Same results
# (tests/test_evidence_concepts_are_found_alike_fast.py).
PREFIX_SIZE = 3
# Characters that IGNORECASE matches with an ASCII letter though their lower case is not that letter
# (the Kelvin sign, the long s, dotted and dotless i): a text with any is read the slow way.
_CASE_ODD = re.compile("[\u212a\u017f\u0130\u0131]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _beginnings(items: Any, size: int) -> set[str] | None:
    """The lower-cased strings of at most `size` characters a match of the parsed pattern `items`
    can begin with (shorter where what follows cannot be told), or None if it can match nothing
    certain at its start (an empty beginning)."""
    partial: set[str] = {""}
    done: set[str] = set()
    for op, av in items:
        if not partial:
            break
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width
        steps = _item_beginnings(op, av, size)
        if steps is None:
            done |= partial  # unknown from here: what was read so far
            partial = set()
            break
        grown = {(start + step)[:size] for start in partial for step in steps}
        done |= {b for b in grown if len(b) >= size}
        partial = {b for b in grown if len(b) < size}
    done |= partial
    if not done or "" in done:
        return None
    return done


def _item_beginnings(op: Any, av: Any, size: int) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av).lower()}
    if op is sre.SUBPATTERN:
        return _beginnings(av[-1], size)
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            inner = _beginnings(branch, size)
            if inner is None:
                return None
            found |= inner
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _beginnings(av[2], size)
        return None if inner is None else inner | {""}
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return {chr(code).lower() for _, code in av}
    return None


@cache
def _concept_beginnings() -> tuple[tuple[vocabulary.Concept, frozenset[str] | None, bool], ...]:
    """Each concept with the beginnings of its English pattern (None: always run it) and whether
    all its Chinese terms are non-ASCII (then an ASCII text cannot have them)."""
    found = []
    for concept in vocabulary.CONCEPTS:
        beginnings = None
        if concept.english is not None:
            parsed = _beginnings(sre_parse.parse(concept.english.pattern, concept.english.flags), PREFIX_SIZE)
            if parsed is not None and not any(" " in b for b in parsed):
                beginnings = frozenset(parsed)
        found.append((concept, beginnings, all(_NON_ASCII.search(term) for term in concept.chinese)))
    return tuple(found)


def _text_beginnings(text: str) -> set[str] | None:
    """Every run of one to PREFIX_SIZE characters of the lower-cased text; None when the text
    has a character whose case does not fold simply."""
    if _CASE_ODD.search(text):
        return None
    lower = text.lower()
    return {lower[i : i + n] for n in range(1, PREFIX_SIZE + 1) for i in range(len(lower) - n + 1)}


def _may_match(beginnings: frozenset[str] | None, present: set[str] | None) -> bool:
    return beginnings is None or present is None or not beginnings.isdisjoint(present)


def concepts_in(text: str) -> set[str]:
    """`vocabulary.concepts_in`, the same keys, running only the patterns the text can match."""
    present = _text_beginnings(text)
    ascii_only = not _NON_ASCII.search(text)
    found = set()
    for concept, beginnings, chinese_only in _concept_beginnings():
        if (concept.english is not None and _may_match(beginnings, present) and concept.english.search(text)) or (
            not (ascii_only and chinese_only) and any(term in text for term in concept.chinese)
        ):
            found.add(concept.key)
    return found


def without_concepts(text: str) -> str:
    """`vocabulary.without_concepts`, the same text, running only the patterns the text can match
    (blanking a match only adds beginnings with a space, which no beginning read here has)."""
    present = _text_beginnings(text)
    for concept, beginnings, _ in _concept_beginnings():
        if concept.english is not None and _may_match(beginnings, present):
            text = concept.english.sub(lambda m: " " * len(m.group()), text)
    return text


# Markup and addresses name nothing a pledge is about: "<a href=...>", "https://www.example.com/...".
_MARKUP = re.compile(r"<[^>]{0,500}>|https?://\S+|www\.\S+|&#?\w+;")
_NAMED_NUMBER = re.compile(r"\b[A-Za-z]+-?\d+\b")


def anchors(text: str, *, names: tuple[str, ...] = ()) -> dict[str, str]:
    """What a text names, as {anchor: kind}: concepts (both languages), months, distinctive English
    words and, for Chinese, pairs of characters. `names` (the parties' names and aliases found in
    the text) are left out: parties are matched on their own."""
    text = _MARKUP.sub(" ", text)
    found: dict[str, str] = {f"concept:{key}": vocabulary.CONCEPT_KIND[key] for key in concepts_in(text)}
    found.update(dict.fromkeys(_months_named(text), DATE))
    # Years are dates, not counts: they are anchored as months above; a number in a name
    # ("COVID-19", "G7") is no figure.
    figures = bilingual.numbers_in(_NAMED_NUMBER.sub(" ", text))
    found.update(dict.fromkeys((f"{NUMBER}:{n}" for n in figures if not 1900 <= n <= 2100), NUMBER))
    for name in names:
        text = text.replace(name, " ")
    for token in _tokens(without_concepts(text)):
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


def distinctive_words(text: str, *, names: tuple[str, ...] = (), limit: int = 40) -> list[str]:
    """The English words of a text that could tie it to a commitment as WORD or concept anchors,
    for a full-text pre-filter of the commitments to rank: letters only, three or more, neither
    stop words, nor boilerplate, nor the diplomatic words of every readout, nor `names` (the
    parties); one word per stem, in order of appearance, at most `limit`. The ranking does not
    use it."""
    for name in names:
        text = text.replace(name, " ")
    words: list[str] = []
    seen: set[str] = set()
    for token in _tokens(_MARKUP.sub(" ", text)):
        if len(token) < 3 or not token.isascii() or not token.isalpha() or token in _STOPWORDS:
            continue
        stem = _stem(token)
        if stem in seen or stem in _GENERIC_STEMS or stem in _DIPLOMATIC_STEMS:
            continue
        seen.add(stem)
        words.append(token)
        if len(words) >= limit:
            break
    return words


def commitment_anchors(commitment: CommitmentInfo, *, names: tuple[str, ...] = ()) -> dict[str, str]:
    """A commitment's anchors: its own words, plus where and when it was made."""
    found = anchors(commitment.text, names=names)
    if commitment.meeting:
        for key in concepts_in(commitment.meeting):
            if vocabulary.CONCEPT_KIND[key] == vocabulary.PLACE:
                found[f"concept:{key}"] = vocabulary.PLACE
    if commitment.made_on:
        found[month_year(commitment.made_on)] = DATE
    return found


# Rarity among very few commitments says little (among two, each anchor is "common"): counted as
# if there were at least this many, the others without the anchor.
MIN_COUNTED = 10


def _rarity(frequency: Counter[str], total: int, anchor: str) -> float:
    # On one scale whatever the number of commitments (34 in a test, thousands in a long-running
    # tracker): 1.0 for an anchor of one commitment only, so that the thresholds keep their meaning.
    total = max(total, MIN_COUNTED)
    top = math.log((total + 1) / 1.5)
    return max(0.0, math.log((total + 1) / (frequency.get(anchor, 0) + 0.5)) / top) if top > 0 else 1.0


class AnchorWeights:
    """The weight of an anchor: its kind's, times its rarity, half among the candidates (the
    commitments the document may report on: what tells them apart) and half among all the
    commitments tracked (what is common in pledges at all: "dialogue" in a tracker of dialogues).
    Either alone misleads: among three candidates every word is rare; among thousands of pledges
    a broad pledge's few anchors are all common."""

    def __init__(self, candidates: list[dict[str, str]], tracked: list[dict[str, str]] | None = None):
        tracked = candidates if tracked is None else tracked
        self.sets = [
            (Counter(anchor for found in group for anchor in found), len(group)) for group in (candidates, tracked)
        ]

    def __call__(self, anchor: str, kind: str) -> float:
        rarity = sum(_rarity(frequency, total, anchor) for frequency, total in self.sets) / len(self.sets)
        return RARITY_SCALE * ANCHOR_KIND_WEIGHT.get(kind, 0.5) * rarity


@dataclass(frozen=True)
class Anchored:
    commitment: CommitmentInfo
    score: float
    shared: frozenset[str]


# How much more a passage must score on words alone, naming no concept, date or figure of the pledge.
WORDS_ONLY = 1.5
# How much an anchor of the document's title counts for a passage that does not name it itself:
# a passage of the readout of the Counternarcotics Working Group ("reviewed progress ... including
# recent arrests") is about that working group.
CONTEXT_SHARE = 0.5


def anchor_score(
    passage: dict[str, str],
    commitment: dict[str, str],
    weights: AnchorWeights,
    boost: dict[str, float] | None = None,
    context: frozenset[str] = frozenset(),
) -> tuple[float, frozenset[str]]:
    shared = frozenset(passage.keys() & commitment.keys())
    boost = boost or {}
    score = sum(weights(a, commitment[a]) * boost.get(commitment[a], 1.0) for a in shared)
    score += sum(CONTEXT_SHARE * weights(a, commitment[a]) for a in (context & commitment.keys()) - shared)
    return score, shared


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
    for key in concepts_in(core):
        kind = vocabulary.CONCEPT_KIND[key]
        if kind == vocabulary.SUBJECT:
            subjects.add(f"concept:{key}")
        elif kind == vocabulary.PERSON:
            people.add(f"concept:{key}")
    for name in _TITLED_NAME.findall(commitment.text):
        people.add(f"{WORD}:{_stem(name.casefold())}")
    return tuple(frozenset(group) for group in (subjects, people) if group)


# A list of this many fields ("在外交、安全、经贸、…、人文等领域取得了积极成果", "on trade, climate,
# health, …") is news of none of them in particular.
LONG_LIST = 5
# What ties a passage to a pledge besides the subjects it names: the meeting where the pledge was
# made, a named mechanism, an official, a date, a figure.
_TIES = frozenset({vocabulary.PLACE, vocabulary.MECHANISM, vocabulary.PERSON, vocabulary.OFFICIAL, DATE, NUMBER})
_ZH_LIST = re.compile(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+")


def listed_fields(text: str, passage: dict[str, str]) -> int:
    """How many fields a passage lists: its longest Chinese 、-list, or the subjects it names."""
    chinese = max((run.count("、") + 1 for run in _ZH_LIST.findall(text)), default=0)
    subjects = sum(1 for kind in passage.values() if kind == vocabulary.SUBJECT)
    return max(chinese, subjects)


def _subject(anchor: str) -> bool:
    return vocabulary.CONCEPT_KIND.get(anchor.removeprefix("concept:")) == vocabulary.SUBJECT


def _admissible(
    passage: dict[str, str],
    found: dict[str, str],
    required: tuple[frozenset[str], ...],
    core: frozenset[str],
    fields: int,
) -> bool:
    if any(not group & passage.keys() for group in required):
        return False
    if fields >= LONG_LIST:
        # A long list of fields counts only with another tie to the pledge.
        return any(found[a] in _TIES for a in passage.keys() & found.keys() if not _subject(a))
    return True


def _shared_subjects_outside(passage: dict[str, str], found: dict[str, str], core: frozenset[str]) -> frozenset[str]:
    """For a broad pledge (no subject of its own, "keep up high-level diplomacy and consultations in
    key areas, including on arms control, maritime …"): the subjects it names only as examples,
    when the passage is about another subject altogether (AI governance discussed is not news of
    a pledge of consultations that lists arms control among its examples). They do not count."""
    if any(_subject(a) for a in core):
        return frozenset()
    passage_subjects = {a for a in passage if _subject(a)}
    if passage_subjects <= found.keys():
        return frozenset()
    return frozenset(a for a in passage_subjects & found.keys() if a not in core)


def rank_passage(
    passage: dict[str, str],
    commitments: list[tuple[CommitmentInfo, dict[str, str], tuple[frozenset[str], ...]]],
    weights: AnchorWeights,
    *,
    min_score: float,
    boost: dict[str, float] | None = None,
    fields: int = 0,
    cores: dict[int, frozenset[str]] | None = None,
    context: frozenset[str] = frozenset(),
) -> list[Anchored]:
    """The commitments a passage is about, best first. `commitments` pairs each commitment with
    its anchors and its core subjects: a commitment about a subject is only reported on by a
    passage that names that subject (a climate dialogue held is no news of a pledge on
    people-to-people exchanges, however many other words they share); see `required_anchors`.
    `fields` is how many fields the passage lists (`listed_fields`); `cores` the anchors of each
    commitment's core (its text without the examples), by id; `context` the concepts of the
    document's title, which count for a little (CONTEXT_SHARE) when the passage does not name them."""
    ranked = []
    # A passage that names the meeting where pledges were made ("progress since the San Francisco
    # meeting", "the Woodside Summit commitments") reports on that meeting's pledges on its subjects,
    # not on older ones on the same subjects made elsewhere (the broad pledges to keep talking
    # run on from one meeting to the next, and stay).
    places = {a for a, kind in passage.items() if kind == vocabulary.PLACE}
    places &= {a for _, found, _ in commitments for a in found}
    for commitment, found, required in commitments:
        core = (cores or {}).get(commitment.id, frozenset(found))
        if places and not places & found.keys() and any(_subject(a) for a in core):
            continue
        if not _admissible(passage, found, required, core, fields):
            continue
        ignored = _shared_subjects_outside(passage, found, core)
        kept = {a: k for a, k in found.items() if a not in ignored}
        score, shared = anchor_score(passage, kept, weights, boost, context)
        # Words alone ("nation", "link", "view") tie a passage to a pledge only on firmer ground than
        # a concept, a date or a figure the pledge names too ("joint liaison office for customs fraud").
        words_only = all(kept[a] == WORD for a in shared)
        if score >= min_score * (WORDS_ONLY if words_only else 1.0):
            ranked.append(Anchored(commitment, round(score, 4), shared))
    ranked.sort(key=lambda item: (-item.score, item.commitment.id))
    return ranked
