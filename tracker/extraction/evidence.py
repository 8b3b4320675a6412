"""Reading a follow-up like an analyst: which passage reports on which tracked commitment.

A later document bears on earlier commitments in three ways (DESIGN.md, "Reading a later
document"): it *reports* on carrying one out, it *restates* one, or it makes a new pledge. This
module reads each passage (a sentence, or a clause when the parts of a sentence say different
things) once:

1. what it does (`read_passage`): reports an act ("held", "launched", 举行), a result ("reviewed
   progress", 取得进展), a plan with a date ("planned to hold ... in the near future"), a failure
   ("suspended", "refused to"), restates a pledge ("reaffirmed", 继续落实), or only talks about a
   subject ("discussed", "noted the importance of"), which is not evidence;
2. what it is about: the concepts it names (tracker/extraction/evidence_lexicon.py, English and
   Chinese) and its distinctive words;
3. which commitment it reports on: `evidence_anchors.rank_passage` weighs the anchors the passage shares
   with each commitment by their rarity among the commitments tracked, so that "working group" or
   "counternarcotics" count and "cooperation" does not;
4. the status that follows, from the act and the kind of pledge (a launch fulfils a pledge to
   launch; a meeting of a standing mechanism is progress; a first call only planned has not
   started), and the party whose conduct it reports.

Pure Python, no Django: the pipeline (tracker/ingest/pipeline.py) and `manage.py
suggest_evidence` both call `read_follow_up`.
"""

from __future__ import annotations

import datetime
import math
import re
import threading
import weakref
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace

from tracker.extraction import evidence_anchors as anchoring
from tracker.extraction import evidence_lexicon as words
from tracker.extraction import match
from tracker.extraction.language import CJK, dominant_script
from tracker.extraction.lexicon import Lexicon
from tracker.extraction.sentences import split_sentences

# Kinds of passage.
REPORT = "report"  # an act done, a result, a failure: evidence
PLAN = "plan"  # a plan or a new date: evidence
RESTATEMENT = "restatement"  # the pledge said again: lineage
DISCUSSION = "discussion"  # a subject discussed, a need, an appraisal: neither
OTHER = "other"

EVIDENCE_KINDS = frozenset({REPORT, PLAN})


@dataclass(frozen=True)
class Reading:
    kind: str
    creation: bool = False  # launched, established, resumed: a one-off act done
    meeting_held: bool = False  # held, convened, took place: a mechanism at work
    stalled: bool = False
    broken: bool = False
    partial: bool = False
    pending: bool = False  # "has not yet placed ...", 尚未: the act is still to be done


@dataclass(frozen=True)
class Unit:
    """A passage: a sentence, or one clause of it."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    reading: Reading
    index: int  # the sentence's position in the document
    lead: str = ""  # for a clause, the sentence before it (where its subject may be named)


@dataclass(frozen=True)
class Link:
    commitment_id: int
    score: float
    status: str | None
    party: str | None


@dataclass(frozen=True)
class Card:
    """One passage and what it bears on: `links` best first (the first is the proposal, the
    others are alternatives an editor may pick instead or as well)."""

    kind: str  # "evidence" or "restatement"
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    links: tuple[Link, ...] = field(default_factory=tuple)
    reports: bool = False  # an act done or a result (not a plan): the passage is no new pledge


# --- reading one passage -------------------------------------------------------------------------


def _hits(pattern: re.Pattern[str], text: str) -> bool:
    return bool(pattern.search(text))


def _done(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the text reports an act of `pattern` as done: not "will be held", not 将举行."""
    return any(not words.NOT_YET.search(text[max(0, m.start() - 16) : m.start()]) for m in pattern.finditer(text))


def read_passage(text: str) -> Reading:
    """What a passage does: reports, plans, restates, discusses, or none of these."""
    stalled = _hits(words.STALLED, text)
    broken = _hits(words.BROKEN, text)
    partial = _hits(words.PARTIAL, text)
    creation = _done(words.CREATION, text) or _done(words.MEASURE, text)
    # A channel kept up ("maintained regular communication", 保持经常性沟通) is a measure carried out.
    act = _done(words.ACT, text) or creation or _done(words.CHANNEL_KEPT, text)
    progress = _hits(words.PROGRESS, text) or _hits(words.FIGURE_REACHED, text)
    plan = _hits(words.PLAN, text)
    restated = _hits(words.RESTATEMENT, text)
    discussed = _hits(words.DISCUSSION, text)
    if stalled or broken:
        return Reading(REPORT, creation=creation, stalled=stalled, broken=broken, partial=partial)
    # "has not yet placed", 尚未将…列入: the act named is still to be done (将 here is no future).
    named_act = any(_hits(p, text) for p in (words.ACT, words.MEASURE, words.CREATION))
    if (_hits(words.PENDING, text) and named_act) or _hits(words.YET_TO, text):
        return Reading(REPORT, pending=True)
    if restated and not (progress or (act and not discussed) or _hits(words.EXTENSION, text)):
        return Reading(RESTATEMENT)
    held = _done(words.MEETING_HELD, text)
    if progress:
        return Reading(REPORT, creation=creation, partial=partial, meeting_held=held)
    if _hits(words.EXTENSION, text):
        # A measure kept in force: in progress for a pledge to keep it, fulfilled for one to take it.
        return Reading(REPORT, creation=True)
    if plan:
        return Reading(PLAN)
    if discussed and not _done(words.CONTACT_HELD, text):
        return Reading(DISCUSSION)
    if act or _done(words.CONTACT_HELD, text):
        return Reading(REPORT, creation=creation, partial=partial, meeting_held=held)
    return Reading(OTHER)


# A sentence is cut where a new verb phrase is coordinated: "noted the importance of X and
# planned to hold Y" is an appraisal and a plan; semicolons separate clauses too.
_CLAUSE_BREAK = re.compile(
    r",?\s+and\s+(?=(?:also\s+)?(?:[a-z]+ed|met|held|began|took|committed|agreed|planned|welcomed)\b)|;\s+|；"
    # In Chinese, a comma before a new subject: "……，两军将保持沟通".
    r"|，(?=(?:双方|两国|中方|美方|欧方|两军|两国元首|中美|中欧)(?!之间))"
)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for cut in _CLAUSE_BREAK.finditer(sentence):
        spans.append((position, cut.start()))
        position = cut.end()
    spans.append((position, len(sentence)))
    # A clause too short to say anything ("He said") is left out; Chinese says more per character.
    shortest = 6 if is_chinese(sentence) else 12
    return [(a, b) for a, b in spans if len(sentence[a:b].strip()) >= shortest]


# A heading: a short line that does not end a sentence ("# Readout of ...", "中美举行禁毒合作会谈").
# It repeats the story's lead, which is read as the passage.
_SENTENCE_END = re.compile(r"[.!?。！？”\"')）]\s*$")


def _is_heading(text: str, start: int, end: int) -> bool:
    body = text[start:end]
    alone = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    return body.lstrip().startswith("#") or (alone and len(body) < 120 and not _SENTENCE_END.search(body))


# Chinese runs its clauses on with commas (流水句): "我们指导双方团队…确定了…原则，共同推动…，恢复和新建了
# …机制，在…等领域取得了积极成果" reports three things. Each comma-clause with a reading of its own
# starts a passage; one with none (a clause without a verb of its own, "开展坦诚深入对话") stays with the
# passage before it; a preposed time or condition ("自旧金山会晤以来", "过去4年") and a clause too short
# to stand alone go with the clause after it.
_ZH_COMMA = re.compile(r"[，；]")
_ZH_PREPOSED = re.compile(r"(?:以来|期间|之后|以后|之前|之际|时|后|年|月|日|指出|表示|认为|强调)$")


def _chinese_clauses(sentence: str) -> list[tuple[int, int]]:
    pieces, position = [], 0
    for cut in _ZH_COMMA.finditer(sentence):
        pieces.append((position, cut.start()))
        position = cut.end()
    pieces.append((position, len(sentence)))
    # A preposed phrase or a fragment joins the clause after it.
    joined: list[tuple[int, int]] = []
    pending = None
    for a, b in pieces:
        a = pending if pending is not None else a
        piece = sentence[a:b].strip()
        if (len(piece) < 6 or _ZH_PREPOSED.search(piece)) and b < len(sentence):
            pending = a
            continue
        pending = None
        joined.append((a, b))
    # A clause with no reading of its own stays with the passage before it.
    grouped: list[tuple[int, int]] = []
    for a, b in joined:
        if grouped and read_passage(sentence[a:b]).kind == OTHER:
            grouped[-1] = (grouped[-1][0], b)
        else:
            grouped.append((a, b))
    return grouped


def units_of(text: str) -> list[Unit]:
    """The passages of a text: each sentence, cut into clauses when they read differently."""
    units: list[Unit] = []
    for index, sentence in enumerate(split_sentences(text)):
        if _is_heading(text, sentence.start, sentence.end):
            continue
        body = text[sentence.start : sentence.end]
        whole = read_passage(body)
        chinese = is_chinese(body)
        clauses = _chinese_clauses(body) if chinese else _clauses(body)
        readings = [read_passage(body[a:b]) for a, b in clauses]
        # Chinese clauses are grouped by what each reports already; English ones are cut only where
        # they read differently.
        if len(clauses) > 1 and (chinese or len({r.kind for r in readings}) > 1):
            for (a, b), reading in zip(clauses, readings, strict=True):
                units.append(
                    Unit(
                        body[a:b],
                        sentence.start + a,
                        sentence.start + b,
                        sentence.start,
                        sentence.end,
                        reading,
                        index,
                        lead=body[:a],
                    )
                )
        else:
            units.append(Unit(body, sentence.start, sentence.end, sentence.start, sentence.end, whole, index))
    return units


# --- the status a report implies ------------------------------------------------------------------

# The part of a pledge after "including" lists examples, and after "without" a limit: neither is
# what the pledge is about ("prevent advanced technologies from being used ..., without unduly
# limiting trade" is not a pledge on trade).
_EXAMPLES = re.compile(r",?\s+(?:including|such\s+as|like|without)\b.*$|等领域.*$", re.IGNORECASE | re.DOTALL)


def core_of(pledge: str) -> str:
    return _EXAMPLES.sub("", pledge)


def _one_off(pledge: str) -> bool:
    """A pledge to do something once (establish, resume, visit, hold), not to keep doing it."""
    core = core_of(pledge)
    return _hits(words.ONE_OFF, core) and not _hits(words.OPEN_ENDED, core)


def _creates(pledge: str) -> bool:
    """A pledge to bring something about once: establish, resume, or take a measure (reduce the
    tariffs, place substances under control, 纳入免签国家范围)."""
    core = core_of(pledge)
    return _hits(words.ONE_OFF, core) or _hits(words.MEASURE_PLEDGED, core)


def _a_measure_once(pledge: str) -> bool:
    """A pledge to take one measure (reduce the tariffs on May 1, place substances under control):
    a plan for a further step of it ("will further lower the tariffs from January") is a new
    measure, not news of the one pledged."""
    core = core_of(pledge)
    return _hits(words.MEASURE_PLEDGED, core) and not _hits(words.OPEN_ENDED, core)


def status_for(reading: Reading, pledge: str) -> str:
    """The status a passage read as `reading` implies for `pledge` (README of the evidence set)."""
    if reading.broken:
        return "broken"
    if reading.stalled:
        return "stalled"
    if reading.pending:
        return "not_started"
    if reading.kind == PLAN:
        return "not_started" if _one_off(pledge) else "in_progress"
    if reading.partial:
        return "partial"
    if reading.creation and _creates(pledge):
        return "fulfilled"
    # A meeting held fulfils a pledge only to hold it ("双方同意举行…对话会议"), not one to keep holding it.
    if reading.meeting_held and _one_off(pledge) and _hits(words.TO_HOLD, core_of(pledge)):
        return "fulfilled"
    return "in_progress"


# A pledge for the future: "will", "plan to", "agreed to", 将, 同意.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|plan(?:s|ned|ning)?\s+(?:to|for)|agreed\s+to|committed\s+to|pledged\s+to|intend\w*\s+to)\b|"
    r"将|同意|承诺|计划",
    re.IGNORECASE,
)


def makes_new_pledge(text: str) -> bool:
    """Whether a passage also undertakes something for the future (then it stays a candidate
    commitment as well as evidence: "planning for a leader-level call in the coming weeks")."""
    return bool(_FUTURE.search(text)) or _hits(words.PLAN, text)


# --- who acted --------------------------------------------------------------------------------------


_SUBJECT_REACH = 40  # characters: where a sentence's subject is named ("The U.S. law enforcement has ...")


def acting_party(text: str, named: list[tuple[int, str]]) -> str | None:
    """The one party whose conduct the passage reports, from the commitment's parties it names
    (position, name): the only one, or the one named first as the subject ("The United States
    handed over two suspects to China"); none for joint conduct ("both sides", "China and the
    United States held ...")."""
    appraisal = words.APPRAISAL.search(text[: _SUBJECT_REACH + 10])
    if appraisal and any(position >= appraisal.end() for position, _ in named):
        # "中方赞赏澳方遣返…": the conduct reported is Australia's, named after the appraisal.
        text = text[appraisal.end() :]
        named = [(position - appraisal.end(), name) for position, name in named if position >= appraisal.end()]
    if not named or _hits(words.JOINT, _subject_region(text)):
        return None
    names = {name for _, name in named}
    if len(names) == 1:
        return named[0][1]
    position, first = min(named)
    second = min(p for p, name in named if name != first)
    between = text[position:second]
    # "China and the United States", 中美 and "the EU-China Dialogue" name both sides together.
    if position <= _SUBJECT_REACH and not re.search(r"\band\b|与|和|同|[-–—/]\s*$", between):
        return first
    return None


def _subject_region(text: str) -> str:
    """Where joint conduct is said ("双方…", "Both sides ..."): in Chinese, the first clause (两国 in
    "…，便利了两国人员往来" is what a measure served, not who took it); in English, the sentence."""
    return re.split(r"[，；]", text, maxsplit=1)[0] if is_chinese(text) else text


# --- the document as a whole ------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    published: datetime.date | None
    mentioned: frozenset[str]  # every party the document names
    principal: frozenset[str]  # the parties of its title and opening


def parties_named(text: str, lexicon: Lexicon, on: datetime.date | None = None) -> set[str]:
    """The parties a text names, with the Chinese ways of naming them the party lexicon leaves to
    the sentence around them: "中美" (China and the US), "国家主席" (China's, in Chinese media)."""
    found = set(lexicon.expand(lexicon.parties_in(text), on))
    for pair in words.CHINESE_PAIR.finditer(text):
        found.update(words.CHINESE_ABBREVIATIONS[ch] for ch in pair.group())
    if words.CHINESE_DOMESTIC_TITLE.search(text):
        found.add(words.CHINA)
    return found


def document_parties(text: str, title: str, lexicon: Lexicon, on: datetime.date | None) -> tuple[set[str], set[str]]:
    sentences = split_sentences(text)
    opening = " ".join(text[s.start : s.end] for s in sentences[:3])
    mentioned = parties_named(text, lexicon, on) | parties_named(title or "", lexicon, on)
    principal = parties_named((title or "") + "\n" + opening, lexicon, on)
    return mentioned, principal


def concerns(document: Document, commitment: match.CommitmentInfo) -> bool:
    """Whether a commitment can be reported on by this document: it names all its parties, and
    the parties at the table when it was made are the document's own (a Canada-Mexico-US
    statement on fentanyl does not report on a China-US pledge on fentanyl, though it may name
    China; a US-Japan statement does not report on a pledge of the four Quad members; a US pledge
    made to China is not followed up by a US-Indonesia statement)."""
    parties = commitment.parties
    if not parties <= document.mentioned:
        return False
    at_table = parties | commitment.meeting_parties
    if not at_table:
        return True
    needed = max(min(2, len(at_table)), math.ceil(0.75 * len(at_table)))
    return len(at_table & document.principal) >= needed


def is_chinese(text: str) -> bool:
    return dominant_script(text[:5000]) == CJK


def party_counts(text: str, lexicon: Lexicon) -> Counter[str]:
    return Counter(mention.party for mention in lexicon.mentions(text) if mention.party)


# --- the whole follow-up ------------------------------------------------------------------------------

# A passage is proposed for a commitment when the anchors it shares weigh at least this much: two
# distinctive anchors (a mechanism and a subject), or one rare subject and the meeting's date.
# Set on the development documents against two pools of tracked commitments (the set's 34, and
# 280 with the extraction set's gold commitments added), so as not to hold for one pool only.
EVIDENCE_MIN_SCORE = 2.6
# A restatement is proposed as lineage on firmer ground: it repeats the pledge's own words.
RESTATEMENT_MIN_SCORE = 3.2
# How much more a mechanism counts when the passage reports one of its meetings held.
MECHANISM_MET = 1.5
# How much more a channel counts when the passage reports it kept up.
CHANNEL_KEPT = 2.5
# Alternatives below this share of the best score are left out of the card.
ALTERNATIVE_SHARE = 0.45


def _names(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(sorted({text[m.start : m.end] for m in lexicon.mentions(text)}, key=len, reverse=True))


def search_words(text: str, lexicon: Lexicon) -> list[str]:
    """The words of a document to look its candidate commitments up by (full text): see
    `anchoring.distinctive_words`."""
    return anchoring.distinctive_words(text, names=_names(text, lexicon))


@dataclass(frozen=True)
class Prepared:
    """What a commitment is matched on, computed once per commitment and lexicon: its anchors
    (`anchoring.commitment_anchors`), the groups of anchors a passage must name
    (`anchoring.required_anchors`) and the anchors of its core (its text without the examples).
    Shared between documents: read only."""

    anchors: dict[str, str]
    required: tuple[frozenset[str], ...]
    core: frozenset[str]


# Prepared features by lexicon (a new lexicon, after an editor changed the parties or topics, starts
# afresh: the cache is keyed by the lexicon object, which `lexicon_from_database` replaces when its
# tables change) and by what they are computed from, the commitment's text, meeting and date (an edit is another key),
# least recently used dropped first. Preparing a commitment costs a few milliseconds (about 190
# concept patterns over its text, twice); a worker reads the same tracked commitments again and
# again. At most PREPARED_CACHE_SIZE commitments per process (about 3 kB each).
PREPARED_CACHE_SIZE = 20_000
_prepared_cache: weakref.WeakKeyDictionary[Lexicon, OrderedDict[tuple[str, str, datetime.date | None], Prepared]] = (
    weakref.WeakKeyDictionary()
)
_prepared_lock = threading.Lock()


def _prepare(commitment: match.CommitmentInfo, lexicon: Lexicon) -> Prepared:
    names = _names(commitment.text, lexicon)
    core = core_of(commitment.text)
    return Prepared(
        anchors=anchoring.commitment_anchors(commitment, names=names),
        required=anchoring.required_anchors(commitment, core),
        core=frozenset(anchoring.anchors(core, names=names)),
    )


def prepared_features(commitment: match.CommitmentInfo, lexicon: Lexicon) -> Prepared:
    """The commitment's `Prepared` features for this lexicon, from the process's cache."""
    # What the features are computed from, and only that: the same pledge in two records shares them.
    key = (commitment.text, commitment.meeting, commitment.made_on)
    with _prepared_lock:
        cache = _prepared_cache.get(lexicon)
        if cache is None:
            cache = _prepared_cache[lexicon] = OrderedDict()
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
    found = _prepare(commitment, lexicon)
    with _prepared_lock:
        cache[key] = found
        while len(cache) > PREPARED_CACHE_SIZE:
            cache.popitem(last=False)
    return found


def read_follow_up(
    text: str,
    commitments: list[match.CommitmentInfo],
    *,
    published: datetime.date | None,
    lexicon: Lexicon,
    title: str = "",
) -> list[Card]:
    """The passages of a later document that report on (or restate) the tracked `commitments`,
    one card per passage, in document order. Only commitments made before `published` are
    considered (all of them when the date is unknown), and only those whose parties the document
    is about."""
    mentioned, principal = document_parties(text, title, lexicon, published)
    document = Document(text, title, published, frozenset(mentioned), frozenset(principal))
    features = [(commitment, prepared_features(commitment, lexicon)) for commitment in commitments]
    prepared = [(commitment, found.anchors, found.required) for commitment, found in features]
    eligible = [
        item
        for item in prepared
        if (published is None or item[0].made_on is None or item[0].made_on < published) and concerns(document, item[0])
    ]
    if not eligible:
        return []
    weights = anchoring.AnchorWeights([found for _, found, _ in eligible], [found for _, found, _ in prepared])
    cores = {commitment.id: found.core for commitment, found in features}
    context = title_concepts(title, text)
    cards = []
    for unit in units_of(text):
        card = _card(unit, eligible, weights, lexicon, cores, context)
        if card is not None:
            cards.append(card)
    return one_link_per_sentence(cards)


def one_link_per_sentence(cards: list[Card]) -> list[Card]:
    """Two clauses of one sentence that bear on the same commitment ("the dialogue was held in
    Canberra, the first time it has met since it was suspended") are one piece of news for it: the
    link stays with the clause that scores it best; a card left with no link goes."""
    best: dict[tuple[int, str, int], float] = {}
    for card in cards:
        for link in card.links:
            key = (card.sentence_start, card.kind, link.commitment_id)
            best[key] = max(best.get(key, 0.0), link.score)
    kept, taken = [], set()
    for card in cards:
        links = []
        for link in card.links:
            key = (card.sentence_start, card.kind, link.commitment_id)
            if link.score == best[key] and key not in taken:
                taken.add(key)
                links.append(link)
        if links:
            kept.append(replace(card, links=tuple(links)))
    return kept


def title_concepts(title: str, text: str) -> frozenset[str]:
    """The named mechanisms and subjects of a document's title (or, without one, its heading):
    what every passage of it is about."""
    if not title:
        first = split_sentences(text)[:1]
        title = text[first[0].start : first[0].end] if first and _is_heading(text, first[0].start, first[0].end) else ""
    return frozenset(
        f"concept:{key}"
        for key in words.concepts_in(title)
        if words.CONCEPT_KIND[key] in (words.MECHANISM, words.SUBJECT)
    )


def _card(
    unit: Unit,
    eligible: list[tuple[match.CommitmentInfo, dict[str, str], tuple[frozenset[str], ...]]],
    weights: anchoring.AnchorWeights,
    lexicon: Lexicon,
    cores: dict[int, frozenset[str]] | None = None,
    context: frozenset[str] = frozenset(),
) -> Card | None:
    kind = unit.reading.kind
    if kind not in EVIDENCE_KINDS and kind != RESTATEMENT:
        return None
    minimum = EVIDENCE_MIN_SCORE if kind in EVIDENCE_KINDS else RESTATEMENT_MIN_SCORE
    passage = anchoring.anchors(unit.text, names=_names(unit.text, lexicon))
    # A meeting held counts for the mechanism it belongs to: "the Sixth ... Dialogue was held"
    # is what a pledge to keep the dialogues going is about.
    boost = {words.MECHANISM: MECHANISM_MET} if unit.reading.meeting_held else {}
    # A channel reported kept up ("maintained regular communication", 保持经常性战略沟通) is what
    # the broad pledges to keep communicating are about.
    if kind == REPORT and (_hits(words.CHANNEL_KEPT, unit.text) or _done(words.CONTACT_HELD, unit.text)):
        boost[words.CHANNEL] = CHANNEL_KEPT
    fields = anchoring.listed_fields(unit.text, passage)
    ranked = anchoring.rank_passage(
        passage, eligible, weights, min_score=minimum, boost=boost, fields=fields, cores=cores, context=context
    )
    if not ranked:
        return None
    best = ranked[0].score
    ranked = [item for item in ranked if item.score >= ALTERNATIVE_SHARE * best]
    # A passage on a subject goes to the commitments on that subject, not also to the broad pledges
    # to keep talking: a counternarcotics working group meeting is news of the counternarcotics
    # pledge, not of "maintain communication".
    if any(_on_subject(item) for item in ranked):
        ranked = [item for item in ranked if _on_subject(item)]
    if kind == PLAN and _hits(words.FURTHER, unit.text):
        ranked = [item for item in ranked if not _a_measure_once(item.commitment.text)]
        if not ranked:
            return None
    links = tuple(match_link(unit, item, _named_in(unit, item.commitment.parties, lexicon)) for item in ranked)
    return Card(
        kind="evidence" if kind in EVIDENCE_KINDS else "restatement",
        text=unit.text,
        start=unit.start,
        end=unit.end,
        sentence_start=unit.sentence_start,
        sentence_end=unit.sentence_end,
        links=links,
        reports=kind == REPORT,
    )


def _named_in(unit: Unit, parties: frozenset[str], lexicon: Lexicon) -> list[tuple[int, str]]:
    """The commitment's parties a passage names (position, party); for a clause that names none, its
    sentence's subject ("中方严肃认真执行了协议，采购了…": China purchased)."""
    named = [(m.start, m.party) for m in lexicon.mentions(unit.text) if m.party in parties]
    if not named and words.CHINA in parties and any(words.CHINESE_STATE_BODY.match(t) for t in (unit.lead, unit.text)):
        return [(0, words.CHINA)]
    if named or not unit.lead:
        return named
    lead = [(m.start, m.party) for m in lexicon.mentions(unit.lead) if m.party in parties]
    return [(position, party) for position, party in lead if position <= _SUBJECT_REACH][:1]


def _on_subject(item: anchoring.Anchored) -> bool:
    return any(words.CONCEPT_KIND.get(anchor.removeprefix("concept:")) == words.SUBJECT for anchor in item.shared)


def match_link(unit: Unit, item: anchoring.Anchored, named: list[tuple[int, str]]) -> Link:
    status = status_for(unit.reading, item.commitment.text) if unit.reading.kind in EVIDENCE_KINDS else None
    return Link(
        commitment_id=item.commitment.id,
        # 0..1 for the inbox's ordering: half way at the threshold's weight and a half.
        score=round(item.score / (item.score + 4.0), 4),
        status=status,
        party=acting_party(unit.text, named) if status else None,
    )
